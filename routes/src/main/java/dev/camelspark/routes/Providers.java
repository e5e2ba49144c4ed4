package dev.camelspark.routes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.camelspark.dynaspark.DynaSparkComponent;
import dev.camelspark.neospark.NeoSparkComponent;
import dev.camelspark.sparkdream.SparkDreamComponent;
import dev.camelspark.sparkgpt.SparkGptComponent;
import dev.camelspark.sparkstream.SparkStreamComponent;
import dev.camelspark.support.SparkProvider;

/**
 * What the batch application may run: the providers it bundles, each as its component declares itself
 * ({@link SparkProvider}: operations, key variable, override headers), the short folder names, and what kind of file
 * each operation produces.
 */
public final class Providers {

    /** The bundled providers by scheme, as their components declare them. */
    static final Map<String, SparkProvider> ALL = List.of(DynaSparkComponent.PROVIDER, SparkGptComponent.PROVIDER,
                    SparkStreamComponent.PROVIDER, SparkDreamComponent.PROVIDER, NeoSparkComponent.PROVIDER)
            .stream().collect(Collectors.toUnmodifiableMap(SparkProvider::scheme, Function.identity()));

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

    private Providers() {
    }

    /** The provider of a job, which {@link #check} has accepted. */
    static SparkProvider of(String provider) {
        SparkProvider found = ALL.get(provider);
        if (found == null) {
            throw new IllegalArgumentException("unknown provider '" + provider + "'; allowed: "
                                               + String.join(", ", new java.util.TreeSet<>(ALL.keySet())));
        }
        return found;
    }

    /** Whether the provider's generations are paid tasks, recorded in the task store. */
    static boolean isAsynchronous(String provider) {
        SparkProvider found = ALL.get(provider);
        return found != null && found.isAsynchronous();
    }

    /** What a provider's {@code CamelSparkCost} counts: NeoSpark's credits, the others' US dollars. */
    static String costUnit(String provider) {
        SparkProvider found = ALL.get(provider);
        return found == null ? "USD" : found.costUnit();
    }

    /** Fails with a readable reason unless provider and operation name a generation this application can run. */
    static void check(String provider, String operation) {
        // listings, status reads and cancels are not jobs
        Set<String> operations = of(provider).generations();
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
