package dev.camelspark.emulator.core;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

import io.vertx.ext.web.RoutingContext;

/**
 * What a provider implementation gets from the emulator, which makes one for each provider: the emulator clock,
 * the provider's path prefix, the global timing settings, and what tests asked for a call (a stub's text or image,
 * how a task ends, a cut or stalled stream). The emulator's router has already recorded the request and applied
 * latency, request faults and error or fault stubs before a provider's handler runs.
 */
public interface EmulatorContext {

    /** The emulator's clock: rate-limit windows, media expiry and task life cycles read it. */
    InstantSource clock();

    /**
     * The path that stands for the provider's host, e.g. {@code /dynaspark}: the provider's routes are mounted below
     * it, and absolute URLs it hands out are {@code origin(rc) + prefix() + path}.
     */
    String prefix();

    /** The pause between streamed events: the provider's own, else the global one. */
    Duration tokenDelay(ProviderSettings settings);

    /** How long a stalled stream is held open at most. */
    Duration stallCap();

    /**
     * The text a stub gives this call instead of the generated one. Call it where the answer is generated, after the
     * provider's own checks: it uses the stub up (once per request; later calls give the same).
     */
    Optional<String> stubbedText(RoutingContext rc);

    /** The image a stub gives this call, used up as {@link #stubbedText} is. */
    Optional<Media> stubbedImage(RoutingContext rc);

    /** The image to serve for this call: a stub's, else the PNG {@code rendered} draws. */
    default Media image(RoutingContext rc, Supplier<byte[]> rendered) {
        return stubbedImage(rc).orElseGet(() -> new Media("image/png", rendered));
    }

    /** How the task this call creates ends: a stub's task reply for it, else the first task rule that matches. */
    Optional<TaskPlan.Outcome> taskOutcome(RoutingContext rc, String prompt);

    /** The cut or stall a fault rule or stub gives this call's stream, used up; empty for a normal stream. */
    Optional<StreamFault> streamFault(RoutingContext rc);

    /**
     * {@code http://host:port} as the client addressed this server (its Host header), so that absolute URLs handed
     * out (image links) work from wherever the client is, also when the emulator listens on all interfaces.
     */
    static String origin(RoutingContext rc) {
        String host = rc.request().getHeader("Host");
        if (host == null || host.isBlank()) {
            host = rc.request().localAddress().host() + ":" + rc.request().localAddress().port();
        }
        return rc.request().scheme() + "://" + host;
    }

    /**
     * The same server under another origin: {@code 127.0.0.1} when the client used {@code localhost} and the other way
     * round. For media the real service serves from a CDN host, so that a test can check the client does not send
     * its API key there (keys go only to the API's own origin). Falls back to {@link #origin} for other hosts.
     */
    static String otherOrigin(RoutingContext rc) {
        String origin = origin(rc);
        String scheme = rc.request().scheme() + "://";
        String hostPort = origin.substring(scheme.length());
        if (hostPort.startsWith("localhost")) {
            return scheme + "127.0.0.1" + hostPort.substring("localhost".length());
        }
        if (hostPort.startsWith("127.0.0.1")) {
            return scheme + "localhost" + hostPort.substring("127.0.0.1".length());
        }
        return origin;
    }
}
