package dev.camelspark.routes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Output names derived from input names, safe whatever the input was called: every segment is normalised (NFKC)
 * and keeps only letters and digits of any script, combining marks, dot, dash and underscore; it never starts with a
 * dot, never is {@code ..}, fits a file system's 255-byte limit with room for a suffix and the extensions, and the
 * result always resolves inside its root. The rules can map two inputs to one name ({@code a b} and {@code a_b}):
 * {@link OutputLedger} makes the names unique.
 */
public final class OutputNames {

    /** Bytes (UTF-8) of one segment, leaving room for {@code -NN}, the extension, {@code .json} and {@code .part}. */
    static final int MAX_SEGMENT_BYTES = 200;

    private OutputNames() {
    }

    /** {@code image/light house.txt} → {@code image/light_house}. */
    static String withoutExtension(String relative) {
        String[] parts = relative.split("/");
        String last = parts[parts.length - 1];
        int dot = last.lastIndexOf('.');
        parts[parts.length - 1] = dot > 0 ? last.substring(0, dot) : last;
        return Arrays.stream(parts).map(OutputNames::safeName).collect(Collectors.joining("/"));
    }

    /** The folder part of a safe relative path, with its trailing slash ({@code ""} at the top). */
    static String parentOf(String safeRelative) {
        int slash = safeRelative.lastIndexOf('/');
        return slash < 0 ? "" : safeRelative.substring(0, slash + 1);
    }

    /** One safe path segment: {@code верблюд} stays {@code верблюд}, {@code a/b c} becomes {@code a_b_c}. */
    static String safeName(String name) {
        String safe = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .replaceAll("[^\\p{L}\\p{M}\\p{Nd}._-]", "_")
                .replaceAll("^[._]+", "");
        safe = truncate(safe);
        return safe.isEmpty() ? "unnamed" : safe;
    }

    /** The {@code n}th name tried for a wanted one: {@code poster}, {@code poster-2}, {@code poster-3}, ... */
    static String candidate(String safeRelative, int n) {
        return n == 1 ? safeRelative : safeRelative + "-" + n;
    }

    /** Resolves a safe relative path in {@code root}, refusing anything that would land outside it. */
    static Path resolve(Path root, String safeRelative) {
        Path base = root.toAbsolutePath().normalize();
        Path target = base.resolve(safeRelative).normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new IllegalArgumentException("output '" + safeRelative + "' would land outside " + base);
        }
        return target;
    }

    /** Cuts at a code point boundary so the UTF-8 form fits {@link #MAX_SEGMENT_BYTES}. */
    private static String truncate(String segment) {
        if (segment.getBytes(StandardCharsets.UTF_8).length <= MAX_SEGMENT_BYTES) {
            return segment;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int cp : segment.codePoints().toArray()) {
            String ch = new String(Character.toChars(cp));
            bytes += ch.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_SEGMENT_BYTES) {
                break;
            }
            out.append(ch);
        }
        return out.toString();
    }
}
