package dev.camelspark.routes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.support.http.SparkHashes;

/**
 * A job's key says what makes it the same work: where it came from (the input's path, or the batch's) and what it
 * asks (provider, operation, prompt, options, name), never the file's size or time. The same work dropped again
 * (a {@code touch}, a {@code cp}, a batch re-dropped with one line corrected) has the same key and is not paid again;
 * a different prompt at the same path has another key, whatever its size and time.
 * <p>
 * Format: {@code <source>|<16 hex digits of SHA-256>}, e.g. {@code image/lighthouse.txt|3f1c...}; a batch line that
 * repeats an earlier line of its batch word for word adds {@code |<occurrence>}, so both are run.
 */
public final class JobKeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JobKeys() {
    }

    static String of(String source, String provider, String operation, String prompt, Map<String, Object> options,
                     String name) {
        Map<String, Object> work = new LinkedHashMap<>();
        work.put("provider", provider);
        work.put("operation", operation);
        work.put("prompt", prompt);
        work.put("options", new TreeMap<>(options));
        work.put("name", name);
        try {
            return source + "|" + SparkHashes.sha256Hex(JSON.writeValueAsString(work), 8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job's fields are strings", e);
        }
    }

    /** The key of the {@code occurrence}th line (2, 3, ...) of a batch that repeats the same work. */
    static String repeated(String key, int occurrence) {
        return occurrence == 1 ? key : key + "|" + occurrence;
    }
}
