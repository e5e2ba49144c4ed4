package dev.camelspark.emulator.core;

import java.util.Map;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.ProviderSettings;
import io.vertx.ext.web.Router;

/**
 * One emulated service. The emulator gives it a router of its own, mounted at {@link Provider#prefix()}, in which
 * request recording, base latency and request faults have already run; the implementation adds its routes with paths
 * below the prefix, exactly as the vendor's host has them (e.g. {@code /api/generate_image}).
 *
 * <p>To add a provider: implement this in its own package, give it a settings class extending
 * {@link ProviderSettings}, and list its constructor in {@link ProviderCatalog}.
 */
public interface ProviderApi {

    Provider provider();

    /** The live settings; the control API reads and updates them as JSON. */
    ProviderSettings settings();

    /** Adds the provider's routes. Handlers run on the event loop: never block in them. */
    void mount(Router router);

    /** The provider's error body for a status and message, used for faults without a body and unknown paths. */
    default Object errorBody(int status, String message) {
        return Map.of("error", message);
    }

    /** Forgets counters and other state (not settings, which the emulator resets itself). */
    default void reset() {
    }
}
