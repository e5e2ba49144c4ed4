package dev.camelspark.emulator.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body held in memory (the provider router keeps such bodies whole instead of
 * writing uploads to disk, so the emulator leaves no files behind).
 */
public final class Multipart {

    /** One part: a form field ({@code filename} null) or a file. */
    public record Part(String name, String filename, String contentType, byte[] data) {

        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|([^;\\s]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAM = Pattern.compile("(?i)(name|filename)=(\"([^\"]*)\"|([^;\\s]+))");
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    private Multipart() {
    }

    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The parts of the body, in order; {@link IllegalArgumentException} when it is not well-formed multipart. */
    public static List<Part> parse(String contentType, byte[] body) {
        Matcher m = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (m == null || !m.find()) {
            throw new IllegalArgumentException("multipart/form-data without a boundary");
        }
        String boundary = m.group(2) != null ? m.group(2) : m.group(3);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw new IllegalArgumentException("multipart body does not start with its boundary");
        }
        List<Part> parts = new ArrayList<>();
        pos += delimiter.length;
        while (true) {
            if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
                return parts; // closing delimiter
            }
            pos = skipLineEnd(body, pos);
            int headersEnd = indexOf(body, CRLF_CRLF, pos);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("multipart part without the blank line after its headers");
            }
            String headers = new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8);
            int dataStart = headersEnd + CRLF_CRLF.length;
            int dataEnd = indexOf(body, next, dataStart);
            if (dataEnd < 0) {
                throw new IllegalArgumentException("multipart body is not closed by its boundary");
            }
            parts.add(part(headers, Arrays.copyOfRange(body, dataStart, dataEnd)));
            pos = dataEnd + next.length;
        }
    }

    private static Part part(String headers, byte[] data) {
        String name = null;
        String filename = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                Matcher p = PARAM.matcher(value);
                while (p.find()) {
                    String v = p.group(3) != null ? p.group(3) : p.group(4);
                    if (p.group(1).equalsIgnoreCase("name")) {
                        name = v;
                    } else {
                        filename = v;
                    }
                }
            } else if (header.equals("content-type")) {
                type = value;
            }
        }
        return new Part(name, filename, type, data);
    }

    private static int skipLineEnd(byte[] body, int pos) {
        int p = pos;
        while (p < body.length && (body[p] == ' ' || body[p] == '\t')) {
            p++;
        }
        if (p + 1 < body.length && body[p] == '\r' && body[p + 1] == '\n') {
            return p + 2;
        }
        throw new IllegalArgumentException("multipart boundary not followed by a line end");
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
