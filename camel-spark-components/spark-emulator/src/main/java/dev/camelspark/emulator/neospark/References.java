package dev.camelspark.emulator.neospark;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import dev.camelspark.emulator.core.Params;

/**
 * The reference URLs of a create call (first frame, reference images, videos and audio, {@code ref_image_paths}):
 * http(s) URLs or the service's own relative {@code /uploads/} paths, fetched by the service, which answers 502
 * when it cannot (by rule: {@link NeoSparkSettings#unreachableHosts()}, and hosts under {@code .invalid}).
 */
final class References {

    private final NeoSparkSettings settings;

    References(NeoSparkSettings settings) {
        this.settings = settings;
    }

    /** A reference must be an http(s) URL or one of the service's own relative {@code /uploads/} paths. */
    static void checkUrl(String param, String url) {
        if (url.startsWith("/uploads/")) {
            return;
        }
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new Params.Invalid(param, "Invalid value '" + url + "' for '" + param + "': must be an http(s) URL");
    }

    /** 502 for a reference the service could not fetch; {@code urls} maps each URL to its parameter. */
    void checkReachable(Map<String, String> urls) {
        urls.forEach((url, param) -> {
            checkUrl(param, url);
            if (url.startsWith("/")) {
                return;
            }
            String host = URI.create(url).getHost();
            if (settings.isUnreachable(host)) {
                throw new Gateway.Failure(502, "Failed to fetch " + param + " " + url + ": host " + host
                        + " is unreachable");
            }
        });
    }
}
