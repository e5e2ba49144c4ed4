package dev.camelspark.emulator.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** Keeps keys out of console output: the request log stores values as sent, but nothing printed shows them. */
public final class Redaction {

    private static final Set<String> SECRET_QUERY = Set.of("api_key", "apikey", "key", "token", "access_token");
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-api-key", "proxy-authorization",
            "cookie");

    private Redaction() {
    }

    public static boolean isSecretQueryParam(String name) {
        return SECRET_QUERY.contains(name.toLowerCase(Locale.ROOT));
    }

    public static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** {@code ?a=1&api_key=***}, or empty when there is no query; long values are shortened. */
    public static String queryString(Map<String, List<String>> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner out = new StringJoiner("&", "?", "");
        query.forEach((name, values) -> {
            for (String v : values) {
                String shown = isSecretQueryParam(name) ? "***" : shorten(v);
                out.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(shown, StandardCharsets.UTF_8).replace("%2A", "*"));
            }
        });
        return out.toString();
    }

    public static String header(String name, String value) {
        return isSecretHeader(name) ? "***" : value;
    }

    private static String shorten(String v) {
        return v.length() > 60 ? v.substring(0, 57) + "..." : v;
    }
}
