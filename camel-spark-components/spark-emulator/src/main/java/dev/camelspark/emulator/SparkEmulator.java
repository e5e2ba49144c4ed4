package dev.camelspark.emulator;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.control.ControlApi;
import dev.camelspark.emulator.core.EmulatorContext;
import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.ProviderApi;
import dev.camelspark.emulator.core.ProviderCatalog;
import dev.camelspark.emulator.core.ProviderRouter;
import dev.camelspark.emulator.core.Responses;
import dev.camelspark.emulator.dynaspark.DynaSparkSettings;
import dev.camelspark.emulator.neospark.NeoSparkSettings;
import dev.camelspark.emulator.sparkgpt.SparkGptSettings;
import dev.camelspark.emulator.sparkstream.SparkStreamSettings;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * A local stand-in for the five AI generation APIs: one HTTP server on one port, each API under its own path prefix
 * (see {@link Provider}), plus a control API under {@code /_emulator/}.
 *
 * <pre>{@code
 * try (SparkEmulator emu = SparkEmulator.builder().port(0).build().start()) {
 *     String base = emu.baseUrl(Provider.DYNASPARK);        // http://localhost:PORT/dynaspark/api
 *     emu.faults().add(Fault.respond(503).header("Retry-After", "1").times(1));
 *     ...
 *     emu.requests(Provider.DYNASPARK);                     // what the client sent
 * }
 * }</pre>
 */
public final class SparkEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SparkEmulator.class);
    private static final long START_TIMEOUT_SECONDS = 30;

    private final String host;
    private final int requestedPort;
    private final Vertx vertx;
    private final EmulatorClock clock = new EmulatorClock();
    private final EmulatorSettings settings = new EmulatorSettings();
    private final Faults faults = new Faults();
    private final TaskRules taskRules = new TaskRules();
    private final Stubs stubs;
    private final List<Stub> builderStubs;
    private final RequestLog requests;
    private final Map<Provider, ProviderApi> apis = new EnumMap<>(Provider.class);
    private final EmulatorContext context;
    private final JsonNode settingsDefaults;
    private final Map<Provider, JsonNode> providerDefaults = new EnumMap<>(Provider.class);
    private volatile HttpServer server;

    private SparkEmulator(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.requests = new RequestLog(settings::maxLoggedRequests);
        this.stubs = new Stubs(p -> apis.containsKey(p) ? apis.get(p).operations() : Map.of());
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())))
                .setWorkerPoolSize(4)
                // no .vertx cache folder in the user's working directory
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        this.context = new EmulatorContext(vertx, clock, settings, faults, requests, taskRules, stubs);
        for (Function<EmulatorContext, ProviderApi> factory : b.providers) {
            ProviderApi api = factory.apply(context);
            apis.put(api.provider(), api);
        }
        b.globalSettings.forEach(c -> c.accept(settings));
        apis.values().forEach(api -> b.everyProvider.forEach(c -> c.accept(api.settings())));
        b.providerSettings.forEach((p, list) -> {
            ProviderApi api = apis.get(p);
            if (api == null) {
                throw new IllegalStateException(p.id() + " is not emulated by this version");
            }
            list.forEach(c -> c.accept(api.settings()));
        });
        this.builderStubs = List.copyOf(b.stubs);
        builderStubs.forEach(stubs::add);
        // what reset() goes back to: the defaults as customised by the builder
        this.settingsDefaults = Json.MAPPER.valueToTree(settings);
        apis.forEach((p, api) -> providerDefaults.put(p, Json.MAPPER.valueToTree(api.settings())));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts answering; returns this once listening. */
    public synchronized SparkEmulator start() {
        if (server != null) {
            return this;
        }
        Router router = Router.router(vertx);
        for (Provider p : Provider.values()) {
            ProviderApi api = apis.get(p);
            if (api != null) {
                router.route(p.prefix() + "/*").subRouter(ProviderRouter.create(context, api));
            } else {
                router.route(p.prefix() + "/*").handler(rc -> Responses.json(rc, 501,
                        Map.of("error", p.id() + " is not emulated by this version of the emulator")));
            }
        }
        // /_emulator as the README and the start-up banner write it, and everything below /_emulator/
        router.get("/_emulator").handler(rc -> Responses.json(rc, 200, describe()));
        router.route("/_emulator/*").subRouter(new ControlApi(this).router(vertx));
        router.get("/").handler(rc -> Responses.json(rc, 200, describe()));
        router.route().handler(rc -> Responses.json(rc, 404, Map.of("error", "Not found: " + rc.request().path()
                + " (APIs live under /dynaspark/api, /sparkgpt, /sparkstream, /sparkdream, /neospark/api/v1)")));

        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(requestedPort)
                // DynaSpark carries the whole prompt in the query string
                .setMaxInitialLineLength(64 * 1024)
                .setMaxHeaderSize(64 * 1024)
                // HTTP/1.1 only, like the clients it stands in for: a reset or stall fault then affects one call,
                // not every call multiplexed on an HTTP/2 connection
                .setHttp2ClearTextEnabled(false);
        try {
            server = vertx.createHttpServer(options).requestHandler(router).listen()
                    .toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (isBindFailure(cause)) {
                throw new EmulatorPortInUseException(host, requestedPort);
            }
            throw new IllegalStateException("Cannot start the spark emulator on " + host + ":" + requestedPort
                    + ": " + cause.getMessage(), cause);
        }
        LOG.info("Spark emulator listening on {}", url());
        return this;
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    /** The port listened on (the actual one when started with port 0). */
    public int port() {
        HttpServer s = server;
        if (s == null) {
            throw new IllegalStateException("The emulator is not started");
        }
        return s.actualPort();
    }

    public String host() {
        return host;
    }

    /** {@code http://localhost:PORT} (or the bound host, when it is not a wildcard address). */
    public String url() {
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        String h = wildcard ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port();
    }

    /** What to set as the component's {@code baseUrl}, e.g. {@code http://localhost:PORT/dynaspark/api}. */
    public String baseUrl(Provider provider) {
        return url() + provider.basePath();
    }

    /** The providers this emulator implements. */
    public Set<Provider> providers() {
        return Collections.unmodifiableSet(apis.keySet());
    }

    public Faults faults() {
        return faults;
    }

    public RequestLog requests() {
        return requests;
    }

    /**
     * How the next generation tasks end (Spark Dream, NeoSpark): without a rule they complete after the provider's
     * configured durations; {@code tasks().add(TaskRule.fail("003019095", "Internal generation error").times(1))}
     * makes the next one fail, {@code TaskRule.stuck()} never finish.
     */
    public TaskRules tasks() {
        return taskRules;
    }

    /**
     * What to answer given requests with: {@code stubs().add(Stub.on(Provider.DYNASPARK, "text")
     * .prompt(Match.contains("camel")).replyText("Camels store fat."))}.
     */
    public Stubs stubs() {
        return stubs;
    }

    public List<RecordedRequest> requests(Provider provider) {
        return requests.of(provider);
    }

    public EmulatorClock clock() {
        return clock;
    }

    /** Global settings: latency, token delay, stall cap, request log size. */
    public EmulatorSettings settings() {
        return settings;
    }

    /** A provider's live settings. */
    public ProviderSettings settings(Provider provider) {
        ProviderApi api = apis.get(provider);
        if (api == null) {
            throw new IllegalArgumentException(provider.id() + " is not emulated by this version");
        }
        return api.settings();
    }

    public <T extends ProviderSettings> T settings(Provider provider, Class<T> type) {
        return type.cast(settings(provider));
    }

    public DynaSparkSettings dynaspark() {
        return settings(Provider.DYNASPARK, DynaSparkSettings.class);
    }

    public SparkGptSettings sparkgpt() {
        return settings(Provider.SPARKGPT, SparkGptSettings.class);
    }

    public SparkStreamSettings sparkstream() {
        return settings(Provider.SPARKSTREAM, SparkStreamSettings.class);
    }

    public NeoSparkSettings neospark() {
        return settings(Provider.NEOSPARK, NeoSparkSettings.class);
    }

    /**
     * Back to the state right after start: no faults, no task rules, only the builder's stubs, empty request log,
     * fresh rate-limit counters and balances, no tasks or generated media, clock on real time, settings as the
     * builder configured them.
     */
    public void reset() {
        faults.clear();
        taskRules.clear();
        stubs.clear();
        builderStubs.forEach(stubs::add);
        requests.clear();
        clock.reset();
        try {
            Json.MAPPER.readerForUpdating(settings).readValue(settingsDefaults);
            for (Map.Entry<Provider, ProviderApi> e : apis.entrySet()) {
                Json.MAPPER.readerForUpdating(e.getValue().settings()).readValue(providerDefaults.get(e.getKey()));
                e.getValue().reset();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot restore default settings", e);
        }
    }

    /** Base URLs and state, as answered by {@code GET /} and {@code GET /_emulator}. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("service", "spark-emulator");
        out.put("url", url());
        Map<String, String> bases = new LinkedHashMap<>();
        for (Provider p : Provider.values()) {
            bases.put(p.id(), baseUrl(p) + (apis.containsKey(p) ? "" : " (not emulated yet)"));
        }
        out.put("baseUrls", bases);
        out.put("control", url() + "/_emulator");
        out.put("clock", clock.now().toString());
        return out;
    }

    @Override
    public synchronized void close() {
        HttpServer s = server;
        server = null;
        try {
            if (s != null) {
                s.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.debug("Closing the emulator's server failed", e);
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("Closing Vert.x failed", e);
        }
    }

    /** Configures an emulator; {@link #build()} creates it, {@link SparkEmulator#start()} binds the port. */
    public static final class Builder {
        private int port = 0;
        private String host = "localhost";
        private final List<Function<EmulatorContext, ProviderApi>> providers = new ArrayList<>(ProviderCatalog.defaults());
        private final List<Consumer<EmulatorSettings>> globalSettings = new ArrayList<>();
        private final Map<Provider, List<Consumer<ProviderSettings>>> providerSettings = new EnumMap<>(Provider.class);
        private final List<Consumer<ProviderSettings>> everyProvider = new ArrayList<>();
        private final List<Stub> stubs = new ArrayList<>();

        private Builder() {
        }

        /** A stub in place from the start, and again after every {@link SparkEmulator#reset()}. */
        public Builder stub(Stub stub) {
            stubs.add(new Stub(stub));
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to bind, {@code localhost} by default; {@code 0.0.0.0} to be reachable from elsewhere. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder tokenDelay(Duration delay) {
            return settings(s -> s.tokenDelay(delay));
        }

        public Builder latency(Duration latency) {
            return settings(s -> s.latency(latency));
        }

        /** Any global setting. */
        public Builder settings(Consumer<EmulatorSettings> customizer) {
            globalSettings.add(customizer);
            return this;
        }

        /** Any provider's settings, for providers without a typed method here. */
        public Builder configure(Provider provider, Consumer<ProviderSettings> customizer) {
            providerSettings.computeIfAbsent(provider, p -> new ArrayList<>()).add(customizer);
            return this;
        }

        /** Settings common to all providers (deny-list, latency, token delay), applied to each emulated one. */
        public Builder everyProvider(Consumer<ProviderSettings> customizer) {
            everyProvider.add(customizer);
            return this;
        }

        public Builder dynaspark(Consumer<DynaSparkSettings> customizer) {
            return configure(Provider.DYNASPARK, s -> customizer.accept((DynaSparkSettings) s));
        }

        public Builder sparkgpt(Consumer<SparkGptSettings> customizer) {
            return configure(Provider.SPARKGPT, s -> customizer.accept((SparkGptSettings) s));
        }

        public Builder sparkstream(Consumer<SparkStreamSettings> customizer) {
            return configure(Provider.SPARKSTREAM, s -> customizer.accept((SparkStreamSettings) s));
        }

        public Builder neospark(Consumer<NeoSparkSettings> customizer) {
            return configure(Provider.NEOSPARK, s -> customizer.accept((NeoSparkSettings) s));
        }

        /** Adds a provider implementation (replacing the built-in one for the same provider). */
        public Builder provider(Function<EmulatorContext, ProviderApi> factory) {
            providers.add(factory);
            return this;
        }

        public SparkEmulator build() {
            return new SparkEmulator(this);
        }
    }
}
