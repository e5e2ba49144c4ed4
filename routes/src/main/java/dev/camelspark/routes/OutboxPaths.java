package dev.camelspark.routes;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Output names derived from input names, safe whatever the input was called: every segment keeps only letters,
 * digits, dot, dash and underscore, never starts with a dot, never is {@code ..}, and the result always resolves
 * inside the outbox.
 */
public final class OutboxPaths {

    private static final int MAX_SEGMENT = 100;

    private OutboxPaths() {
    }

    /** {@code image/light house.txt} → {@code image/light_house}. */
    static String withoutExtension(String relative) {
        String[] parts = relative.split("/");
        String last = parts[parts.length - 1];
        int dot = last.lastIndexOf('.');
        parts[parts.length - 1] = dot > 0 ? last.substring(0, dot) : last;
        return Arrays.stream(parts).map(OutboxPaths::safeName).collect(Collectors.joining("/"));
    }

    /** The folder part of a safe relative path, with its trailing slash ({@code ""} at the top). */
    static String parentOf(String safeRelative) {
        int slash = safeRelative.lastIndexOf('/');
        return slash < 0 ? "" : safeRelative.substring(0, slash + 1);
    }

    /** One safe path segment. */
    static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._]+", "");
        if (safe.length() > MAX_SEGMENT) {
            safe = safe.substring(0, MAX_SEGMENT);
        }
        return safe.isEmpty() ? "unnamed" : safe;
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
}
