package dev.camelspark.emulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The five emulated services. Each one lives under its own path prefix, which stands for the vendor's host; below the
 * prefix the vendor's own path structure is kept exactly, so a component pointed at {@link #basePath()} sends the
 * same paths it would send to the real service.
 */
public enum Provider {

    /** Real base URL {@code https://dynaspark.onrender.com/api}. */
    DYNASPARK("dynaspark", "/api"),
    /** Real base URL {@code https://sparkgpt.ai}. */
    SPARKGPT("sparkgpt", ""),
    /** Real base URL {@code https://api.sparkaistream.com}. */
    SPARKSTREAM("sparkstream", ""),
    /** Real base URL {@code https://cloud.vtrix.ai}. */
    SPARKDREAM("sparkdream", ""),
    /** Real base URL {@code https://api.useneospark.com/api/v1}. */
    NEOSPARK("neospark", "/api/v1");

    private final String id;
    private final String apiPath;

    Provider(String id, String apiPath) {
        this.id = id;
        this.apiPath = apiPath;
    }

    /** Lower-case name, used in paths, JSON and system property names. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The path that stands for the vendor's host, e.g. {@code /dynaspark}. */
    public String prefix() {
        return "/" + id;
    }

    /** What the vendor's base URL adds after its host, e.g. {@code /api} (may be empty). */
    public String apiPath() {
        return apiPath;
    }

    /** Prefix plus the vendor's base path, e.g. {@code /dynaspark/api}: append this to the emulator URL. */
    public String basePath() {
        return prefix() + apiPath;
    }

    /**
     * A path below the prefix as the vendor documents it, below its base URL: {@code /api/v1/video/generations} of
     * NeoSpark is {@code /video/generations}, {@code /api/generate_image} of DynaSpark is {@code /generate_image}; the
     * same path where the base URL adds nothing after the host. Null for paths outside the API (media, status
     * pages), which exist only below the prefix.
     */
    public String belowBaseUrl(String pathBelowPrefix) {
        if (apiPath.isEmpty()) {
            return pathBelowPrefix;
        }
        if (pathBelowPrefix.equals(apiPath)) {
            return "/";
        }
        return pathBelowPrefix.startsWith(apiPath + "/") ? pathBelowPrefix.substring(apiPath.length()) : null;
    }

    @JsonCreator
    public static Provider fromId(String value) {
        if (value != null) {
            String wanted = value.trim().toLowerCase(Locale.ROOT);
            for (Provider p : values()) {
                if (p.id.equals(wanted) || p.name().equalsIgnoreCase(wanted)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("Unknown provider '" + value + "': must be one of "
                + Arrays.stream(values()).map(Provider::id).collect(Collectors.joining(", ")));
    }
}
