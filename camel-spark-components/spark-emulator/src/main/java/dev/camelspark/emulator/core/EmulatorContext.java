package dev.camelspark.emulator.core;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import dev.camelspark.emulator.EmulatorClock;
import dev.camelspark.emulator.EmulatorSettings;
import dev.camelspark.emulator.Faults;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.ProviderSettings;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.Reply;
import dev.camelspark.emulator.RequestLog;
import dev.camelspark.emulator.Stubs;
import dev.camelspark.emulator.TaskRule;
import dev.camelspark.emulator.TaskRules;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * What a provider implementation gets from the emulator: Vert.x, the clock, settings, faults, task rules and the
 * request log.
 */
public final class EmulatorContext {

    static final String RECORD_KEY = "spark-emulator.request";
    static final String PROVIDER_KEY = "spark-emulator.provider";
    /** The content replies the request's operation can take from a stub. */
    static final String CONTENT_KINDS_KEY = "spark-emulator.content-kinds";
    private static final String STUBBED_KEY = "spark-emulator.stubbed";

    private final Vertx vertx;
    private final EmulatorClock clock;
    private final EmulatorSettings settings;
    private final Faults faults;
    private final RequestLog requests;
    private final TaskRules taskRules;
    private final Stubs stubs;

    public EmulatorContext(Vertx vertx, EmulatorClock clock, EmulatorSettings settings, Faults faults,
            RequestLog requests, TaskRules taskRules, Stubs stubs) {
        this.stubs = stubs;
        this.vertx = vertx;
        this.clock = clock;
        this.settings = settings;
        this.faults = faults;
        this.requests = requests;
        this.taskRules = taskRules;
    }

    public Vertx vertx() {
        return vertx;
    }

    public EmulatorClock clock() {
        return clock;
    }

    public EmulatorSettings settings() {
        return settings;
    }

    public Faults faults() {
        return faults;
    }

    public RequestLog requests() {
        return requests;
    }

    /** How the next generation tasks end (providers with tasks look a rule up when they create one). */
    public TaskRules taskRules() {
        return taskRules;
    }

    /** The stubs tests added: what to answer given requests with. */
    public Stubs stubs() {
        return stubs;
    }

    /**
     * The content reply (text, image, task outcome) a stub gives this request, taken (used up) on the first call and
     * the same on the later ones. Only stubs whose reply the request's operation can use are considered. Call it
     * where the answer is generated, after the provider's own checks.
     */
    public Optional<Reply> stubbed(RoutingContext rc) {
        Optional<Reply> taken = rc.get(STUBBED_KEY);
        if (taken == null) {
            Set<Reply.Kind> kinds = rc.get(CONTENT_KINDS_KEY);
            taken = kinds == null || kinds.isEmpty() ? Optional.empty() : stubs.takeContent(recorded(rc), kinds);
            rc.put(STUBBED_KEY, taken);
        }
        return taken;
    }

    /** The text a stub gives this call instead of the generated one. */
    public Optional<String> stubbedText(RoutingContext rc) {
        return stubbed(rc).filter(r -> r.kind() == Reply.Kind.TEXT).map(Reply::text);
    }

    /** The image to serve for this call: a stub's, else the PNG {@code rendered} draws. */
    public Media image(RoutingContext rc, Supplier<byte[]> rendered) {
        return stubbed(rc).filter(r -> r.kind() == Reply.Kind.IMAGE)
                .map(r -> new Media(r.contentType(), r::image))
                .orElseGet(() -> new Media("image/png", rendered));
    }

    /** How a task this call creates ends: a stub's task reply for it, else the first task rule that matches. */
    public Optional<TaskRule> taskRule(RoutingContext rc, Provider provider, String prompt) {
        Optional<TaskRule> stubbed = stubbed(rc).filter(r -> r.kind() == Reply.Kind.TASK).map(Reply::task);
        return stubbed.isPresent() ? stubbed : taskRules.take(provider, prompt);
    }

    /** The provider's own token delay, else the global one. */
    public Duration tokenDelay(ProviderSettings ps) {
        Duration d = ps.tokenDelay();
        return d != null ? d : settings.tokenDelay();
    }

    /** The provider's own latency, else the global one. */
    public Duration latency(ProviderSettings ps) {
        Duration d = ps.latency();
        return d != null ? d : settings.latency();
    }

    /** The request as recorded in the log. */
    public static RecordedRequest recorded(RoutingContext rc) {
        return rc.get(RECORD_KEY);
    }

    public static Provider provider(RoutingContext rc) {
        return rc.get(PROVIDER_KEY);
    }

    /**
     * {@code http://host:port} as the client addressed this server (its Host header), so that absolute URLs handed
     * out (image links) work from wherever the client is, also when the emulator listens on all interfaces.
     */
    public static String origin(RoutingContext rc) {
        return originOf(rc);
    }

    /**
     * The same server under another origin: {@code 127.0.0.1} when the client used {@code localhost} and the other way
     * round. For media the real service serves from a CDN host, so that a test can check the client does not send
     * its API key there (keys go only to the API's own origin). Falls back to {@link #origin} for other hosts.
     */
    public static String otherOrigin(RoutingContext rc) {
        String origin = originOf(rc);
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

    private static String originOf(RoutingContext rc) {
        String host = rc.request().getHeader("Host");
        if (host == null || host.isBlank()) {
            host = rc.request().localAddress().host() + ":" + rc.request().localAddress().port();
        }
        return rc.request().scheme() + "://" + host;
    }
}
