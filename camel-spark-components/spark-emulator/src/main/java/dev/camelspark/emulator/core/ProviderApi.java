package dev.camelspark.emulator.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.ext.web.Router;

/**
 * One emulated service. The emulator gives it a router of its own, mounted at the provider's path prefix
 * ({@link EmulatorContext#prefix()}), in which request recording, base latency and request faults have already run;
 * the implementation adds its routes with paths below the prefix, exactly as the vendor's host has them (e.g.
 * {@code /api/generate_image}).
 *
 * <p>To add a provider: implement this in its own package with a constructor taking the {@link EmulatorContext},
 * give it a settings class extending {@link ProviderSettings}, and list the constructor in the emulator's catalog
 * ({@code dev.camelspark.emulator.ProviderCatalog}) under its {@code Provider} constant. The implementation knows
 * nothing of the emulator's public API: what tests ask for reaches it through the context.
 */
public interface ProviderApi {

    /** The live settings; the control API reads and updates them as JSON. */
    ProviderSettings settings();

    /** Adds the provider's routes. Handlers run on the event loop: never block in them. */
    void mount(Router router);

    /** The provider's error body for a status and message, used for faults without a body and unknown paths. */
    default Object errorBody(int status, String message) {
        return Map.of("error", message);
    }

    /**
     * The operations a request can be identified as (see {@link #identify}), named after the component operation
     * that makes the call, each with the content a stub can give it; every operation also takes error and fault
     * replies.
     */
    default Map<String, Set<ContentKind>> operations() {
        return Map.of();
    }

    /**
     * Which operation a request is, and its prompt; empty for calls that are none (media, status pages). Called for
     * every request before any check: it must not throw on a malformed one.
     *
     * @param path  below the provider prefix, e.g. {@code /api/generate_image}
     * @param query the decoded query parameters
     * @param body  the body parsed as JSON, null when it is not JSON
     */
    default Optional<ApiCall> identify(String method, String path, Map<String, List<String>> query, JsonNode body) {
        return Optional.empty();
    }

    /** Forgets counters and other state (not settings, which the emulator resets itself). */
    default void reset() {
    }
}
