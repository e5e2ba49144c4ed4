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
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.core.EmulatorContext;
import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.ProviderApi;
import dev.camelspark.emulator.core.ProviderSettings;
import dev.camelspark.emulator.dynaspark.DynaSparkSettings;
import dev.camelspark.emulator.neospark.NeoSparkSettings;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import dev.camelspark.emulator.sparkgpt.SparkGptSettings;
import dev.camelspark.emulator.sparkstream.SparkStreamSettings;

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

    private final String host;
    private final EmulatorServer server;
    private final EmulatorClock clock = new EmulatorClock();
    private final EmulatorSettings settings = new EmulatorSettings();
    private final Faults faults = new Faults();
    private final TaskRules taskRules = new TaskRules();
    private final Stubs stubs;
    private final List<Stub> builderStubs;
    private final RequestLog requests;
    private final Map<Provider, ProviderContext> contexts = new EnumMap<>(Provider.class);
    private final Map<Provider, ProviderApi> apis = new EnumMap<>(Provider.class);
    private final JsonNode settingsDefaults;
    private final Map<Provider, JsonNode> providerDefaults = new EnumMap<>(Provider.class);

    private SparkEmulator(Builder b) {
        this.host = b.host;
        this.server = new EmulatorServer(b.host, b.port);
        this.requests = new RequestLog(settings::maxLoggedRequests);
        this.stubs = new Stubs(p -> apis.containsKey(p) ? apis.get(p).operations() : Map.of());
        EmulatorState state = new EmulatorState(clock, settings, faults, taskRules, stubs, requests);
        b.providers.forEach((p, factory) -> {
            ProviderContext context = new ProviderContext(p, state);
            contexts.put(p, context);
            apis.put(p, factory.apply(context));
        });
        b.globalSettings.forEach(c -> c.accept(settings));
        apis.values().forEach(api -> b.everyProvider.forEach(c -> c.accept(api.settings())));
        b.providerSettings.forEach((p, list) -> list.forEach(c -> c.accept(settings(p))));
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
        if (!server.isStarted()) {
            server.start(contexts, apis, new EmulatorControls(this));
            LOG.info("Spark emulator listening on {}", url());
        }
        return this;
    }

    /** The port listened on (the actual one when started with port 0). */
    public int port() {
        return server.port();
    }

    /**
     * How many TCP connections clients have opened to this emulator since it started: a client that reuses its
     * pooled connections opens a few for many calls, one that aborts or closes them opens one per call.
     */
    public long connectionsOpened() {
        return server.connectionsOpened();
    }

    /**
     * How many TCP connections are open right now: a client that released a connection (closed or aborted it, as it
     * must when a route stops reading a stream) no longer counts; a pooled idle connection still does.
     */
    public long connectionsOpen() {
        return server.connectionsOpen();
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

    public SparkDreamSettings sparkdream() {
        return settings(Provider.SPARKDREAM, SparkDreamSettings.class);
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
        server.close();
    }

    /** Configures an emulator; {@link #build()} creates it, {@link SparkEmulator#start()} binds the port. */
    public static final class Builder {
        private int port = 0;
        private String host = "localhost";
        private final Map<Provider, Function<EmulatorContext, ProviderApi>> providers = ProviderCatalog.defaults();
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
            return configure(Provider.DYNASPARK, DynaSparkSettings.class, customizer);
        }

        public Builder sparkgpt(Consumer<SparkGptSettings> customizer) {
            return configure(Provider.SPARKGPT, SparkGptSettings.class, customizer);
        }

        public Builder sparkstream(Consumer<SparkStreamSettings> customizer) {
            return configure(Provider.SPARKSTREAM, SparkStreamSettings.class, customizer);
        }

        public Builder sparkdream(Consumer<SparkDreamSettings> customizer) {
            return configure(Provider.SPARKDREAM, SparkDreamSettings.class, customizer);
        }

        public Builder neospark(Consumer<NeoSparkSettings> customizer) {
            return configure(Provider.NEOSPARK, NeoSparkSettings.class, customizer);
        }

        private <T extends ProviderSettings> Builder configure(Provider provider, Class<T> type,
                Consumer<T> customizer) {
            return configure(provider, s -> customizer.accept(type.cast(s)));
        }

        /**
         * Emulates a provider with this implementation instead of the built-in one, e.g. {@code provider(
         * Provider.SPARKGPT, MySparkGptApi::new)}: see {@link ProviderApi} for what it implements.
         */
        public Builder provider(Provider provider, Function<EmulatorContext, ProviderApi> factory) {
            providers.put(provider, factory);
            return this;
        }

        public SparkEmulator build() {
            return new SparkEmulator(this);
        }
    }
}
