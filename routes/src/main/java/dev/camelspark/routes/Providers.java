package dev.camelspark.routes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the batch application may run: the generation operations of each provider, the short folder names, the
 * header prefix of each component's per-message overrides, and what kind of file each operation produces.
 */
public final class Providers {

    /** The generation operations a job may name, per provider (listings, status, cancel are not jobs). */
    static final Map<String, Set<String>> OPERATIONS = Map.of(
            "dynaspark", Set.of("text", "image", "audio"),
            "sparkgpt", Set.of("chat"),
            "sparkstream", Set.of("chat"),
            "sparkdream", Set.of("generate"),
            "neospark", Set.of("image", "video"));

    /** The providers whose generations are paid tasks, recorded in the task store. */
    static final Set<String> ASYNC = Set.of("sparkdream", "neospark");

    /** Short folders under inbox/: {@code inbox/image/} means {@code dynaspark:image}. */
    static final Map<String, String> SHORT_FOLDERS;

    static {
        Map<String, String> folders = new LinkedHashMap<>();
        folders.put("text", "dynaspark:text");
        folders.put("image", "dynaspark:image");
        folders.put("audio", "dynaspark:audio");
        folders.put("chat", "sparkstream:chat");
        folders.put("dream", "sparkdream:generate");
        folders.put("video", "neospark:video");
        SHORT_FOLDERS = java.util.Collections.unmodifiableMap(folders);
    }

    /** The prefix of each component's override headers: {@code CamelDynaSpark} + {@code Temperature}. */
    static final Map<String, String> HEADER_PREFIX = Map.of(
            "dynaspark", "CamelDynaSpark",
            "sparkgpt", "CamelSparkGpt",
            "sparkstream", "CamelSparkStream",
            "sparkdream", "CamelSparkDream",
            "neospark", "CamelNeoSpark");

    private Providers() {
    }

    /** What a provider's {@code CamelSparkCost} counts: NeoSpark's credits, the others' US dollars. */
    static String costUnit(String provider) {
        return "neospark".equals(provider) ? "credits" : "USD";
    }

    /** Fails with a readable reason unless provider and operation name a generation this application can run. */
    static void check(String provider, String operation) {
        Set<String> operations = OPERATIONS.get(provider);
        if (operations == null) {
            throw new IllegalArgumentException("unknown provider '" + provider + "'; allowed: "
                                               + String.join(", ", List.copyOf(new java.util.TreeSet<>(OPERATIONS.keySet()))));
        }
        if (!operations.contains(operation)) {
            throw new IllegalArgumentException("unknown operation '" + operation + "' for " + provider + "; allowed: "
                                               + String.join(", ", new java.util.TreeSet<>(operations)));
        }
    }

    /** The extension of a result, by its content type first, else by what the operation produces. */
    static String extension(String provider, String operation, String contentType, boolean json) {
        if (contentType != null) {
            String type = contentType.toLowerCase(java.util.Locale.ROOT);
            if (type.startsWith("image/png")) {
                return "png";
            }
            if (type.startsWith("image/jpeg")) {
                return "jpg";
            }
            if (type.startsWith("image/webp")) {
                return "webp";
            }
            if (type.startsWith("audio/")) {
                return "mp3";
            }
            if (type.startsWith("video/")) {
                return "mp4";
            }
        }
        return switch (provider + ":" + operation) {
            case "dynaspark:text" -> json ? "json" : "txt";
            case "dynaspark:audio" -> "mp3";
            case "sparkgpt:chat", "sparkstream:chat" -> "md";
            case "neospark:video" -> "mp4";
            default -> "png";
        };
    }
}
