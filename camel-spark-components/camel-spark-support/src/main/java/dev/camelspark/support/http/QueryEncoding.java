package dev.camelspark.support.http;

import java.nio.charset.StandardCharsets;

/**
 * Query names and values percent-encoded exactly as HttpClient's {@code URIBuilder.addParameter} writes them (UTF-8,
 * every character but RFC 3986's unreserved {@code A-Z a-z 0-9 - . _ ~} escaped, a space as {@code %20}), written
 * straight into the request target: no builder to take the URI apart and put it together again per call.
 */
final class QueryEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryEncoding() {
    }

    static StringBuilder append(StringBuilder out, String text) {
        int plain = 0;
        while (plain < text.length() && unreserved(text.charAt(plain))) {
            plain++;
        }
        if (plain == text.length()) {
            return out.append(text); // the usual name, and many values: nothing to escape
        }
        out.append(text, 0, plain);
        byte[] bytes = text.substring(plain).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if (unreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out;
    }

    static String encode(String text) {
        return append(new StringBuilder(text.length() + 16), text).toString();
    }

    private static boolean unreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
               || c == '_' || c == '~';
    }
}
