package dev.camelspark.support.task;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Message;

/**
 * Which exchange headers are saved with a task at submit and restored when it is handed out: option
 * {@code correlationHeaders}, a comma-separated list of names, each may end with {@code *} (a prefix), {@code *}
 * alone for all. Names are compared ignoring case, as Camel does. Only JSON-safe values are saved (text, numbers,
 * booleans; enums and characters as text), since records may be written as JSON; others are left out.
 */
public final class CorrelationHeaders {

    /** The file consumer's headers (so {@code to("file:out")} writes under the input's name) and the task key. */
    public static final String DEFAULT = "CamelFile*,CamelSparkTaskKey";

    private final List<String> patterns;

    private CorrelationHeaders(List<String> patterns) {
        this.patterns = patterns;
    }

    public static CorrelationHeaders of(String spec) {
        if (spec == null || spec.isBlank()) {
            return new CorrelationHeaders(List.of());
        }
        return new CorrelationHeaders(Arrays.stream(spec.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList());
    }

    /** The saved headers of this message. */
    public Map<String, Object> save(Message message) {
        Map<String, Object> saved = new LinkedHashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (matches(name)) {
                Object safe = jsonSafe(value);
                if (safe != null) {
                    saved.put(name, safe);
                }
            }
        });
        return saved;
    }

    /** Puts saved headers back on a message; headers already there are overwritten. */
    public static void restore(Message message, Map<String, Object> saved) {
        saved.forEach(message::setHeader);
    }

    boolean matches(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String p : patterns) {
            if (p.equals("*") || p.endsWith("*") && n.startsWith(p.substring(0, p.length() - 1)) || p.equals(n)) {
                return true;
            }
        }
        return false;
    }

    static Object jsonSafe(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
            || value instanceof Short || value instanceof Byte || value instanceof BigDecimal
            || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : d;
        }
        if (value instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? null : f.doubleValue();
        }
        if (value instanceof Character || value instanceof Enum<?>) {
            return value.toString();
        }
        return null;
    }
}
