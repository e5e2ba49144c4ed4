package dev.camelspark.support;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkApiClient;
import dev.camelspark.support.http.SparkCalls;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.media.MediaDownloader;
import dev.camelspark.support.observe.GenAiEndpoint;
import dev.camelspark.support.observe.HealthProbe;
import dev.camelspark.support.observe.SparkObservation;
import org.apache.camel.Exchange;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.function.Suppliers;

/**
 * What every Spark endpoint does: validate its options at start-up, resolve its key, reach the component's client.
 * A {@link ScheduledPollEndpoint}, so the {@code tasks} consumers of the task components take Camel's scheduled-poll
 * options ({@code delay}, {@code initialDelay}, {@code greedy}, ...); on the other operations, and on the components
 * without a consumer, those options do nothing and are refused at start-up ({@link SparkOperationOptions}).
 */
public abstract class SparkEndpointSupport extends ScheduledPollEndpoint implements GenAiEndpoint {

    /** How long a health probe may take: a probe that waits long tells a dashboard nothing. */
    public static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(10);

    private final String operation;
    private final SparkOperationOptions operationOptions;
    /** Resolved once: a header can never override the key. */
    private volatile String apiKey;
    private volatile boolean apiKeyResolved;
    private volatile SparkHeaderOverrides overrides;
    private final Supplier<SparkCalls> calls = Suppliers.memorize(
            () -> new SparkCalls(this::getClient, getConfiguration().callPolicy(apiKey())));

    /** An endpoint whose options all apply to it. */
    protected SparkEndpointSupport(String uri, SparkComponentSupport component) {
        this(uri, component, null, SparkOperationOptions.NONE);
    }

    /**
     * @param operation        the operation as its URI names it ({@code text}, {@code image-submit})
     * @param operationOptions which of the component's options mean something for which operation
     */
    protected SparkEndpointSupport(String uri, SparkComponentSupport component, String operation,
                                   SparkOperationOptions operationOptions) {
        super(uri, component);
        this.operation = operation;
        this.operationOptions = operationOptions;
    }

    /** The URI's options are bound here: one that does nothing for the operation is refused first, by name. */
    @Override
    public void configureProperties(Map<String, Object> options) {
        if (operation != null) {
            operationOptions.checkEndpoint(operation, options.keySet());
        }
        super.configureProperties(options);
    }

    /**
     * Refuses, before any call, a message whose headers override options that do nothing for this operation (a
     * {@code CamelNeoSparkResolution} on {@code neospark:video}).
     */
    public void checkOverrideHeaders(Exchange exchange, SparkHeaderOverrides overrides) {
        if (operation != null) {
            operationOptions.checkHeaders(operation, exchange.getMessage(), overrides.optionByHeader());
        }
    }

    /** The per-message overrides of the options the provider declares overridable. */
    public SparkHeaderOverrides overrides() {
        SparkHeaderOverrides o = overrides;
        if (o == null) {
            o = provider().overrides();
            overrides = o;
        }
        return o;
    }

    /**
     * The configuration for this message: {@code configuration} with its override headers applied, refused first
     * when one does nothing for this operation, then checked as a whole.
     */
    public <C extends SparkConfiguration> C withOverrides(Exchange exchange, C configuration) {
        SparkHeaderOverrides o = overrides();
        if (!o.anyOn(exchange.getMessage())) {
            return configuration; // the usual message: no header of ours, nothing to apply or refuse
        }
        checkOverrideHeaders(exchange, o);
        return o.resolve(exchange, configuration, this::validate);
    }

    /**
     * The model this message asks for, as metrics and traces name it ({@code gen_ai.request.model}): the endpoint's,
     * or the one its override header names; {@code null} when no model applies. Never fails: a header that cannot be
     * applied fails the call itself, and this then names the endpoint's model.
     */
    @Override
    public String requestModel(Exchange exchange) {
        SparkConfiguration config = getConfiguration();
        try {
            config = overrides().resolve(exchange, config, c -> {
            });
        } catch (RuntimeException e) {
            // refused by the call, with the reason
        }
        return config.requestModel(operation);
    }

    @Override
    public String genAiOperation() {
        return SparkObservation.genAiOperationOf(operation);
    }

    @Override
    public String responseModel(Exchange exchange) {
        return exchange.getMessage().getHeader(SparkConstants.MODEL, String.class);
    }

    /**
     * The cheap call of this endpoint's producer health check, with this endpoint's base URL and key: free, never a
     * generation. {@code null}: no health check (the default).
     */
    public HealthProbe healthProbe() {
        return null;
    }

    /**
     * A health probe for {@code request} under {@code config}'s base URL, key and connect timeout: a read, answered
     * within {@link #HEALTH_TIMEOUT} (or {@code requestTimeout} if shorter), never retried.
     */
    protected HealthProbe healthProbe(SparkRequest.Builder request, SparkConfiguration config) {
        Duration timeout = Duration.ofMillis(Math.min(HEALTH_TIMEOUT.toMillis(), config.getRequestTimeout()));
        request.kind(CallKind.READ).connectTimeout(Duration.ofMillis(config.getConnectTimeout())).readTimeout(timeout)
                .deadline(timeout);
        return HealthProbe.of(request.build(), calls().policy().limiterKey());
    }

    /** The operation as its URI names it, or {@code null}. */
    public String getOperationName() {
        return operation;
    }

    /** Which options mean something for which operation; {@link SparkOperationOptions#NONE} when all apply. */
    public SparkOperationOptions getOperationOptions() {
        return operationOptions;
    }

    public abstract SparkConfiguration getConfiguration();

    @Override
    public SparkComponentSupport getComponent() {
        return (SparkComponentSupport) super.getComponent();
    }

    @Override
    public String providerName() {
        return getComponent().providerName();
    }

    /** What this endpoint's provider is, as its component declares it. */
    public SparkProvider provider() {
        return getComponent().provider();
    }

    /**
     * The key of this endpoint's calls: its own, else the environment variable; {@code null} when neither is set (only
     * for providers that take calls without a key: the others refuse to start). Resolved once, since no header can
     * override it.
     */
    public String apiKey() {
        if (!apiKeyResolved) {
            apiKey = getComponent().resolveApiKey(getConfiguration().getApiKey());
            apiKeyResolved = true;
        }
        return apiKey;
    }

    /**
     * Fails, before any call, naming the option and the environment variable when the provider refuses calls without
     * a key and none is set.
     */
    private void checkApiKey() {
        if (provider().keyRequired() && apiKey() == null) {
            throw new SparkValidationException(providerName(), 0, null,
                    "no API key: set option apiKey or environment variable "
                    + getComponent().apiKeyEnvironmentVariable() + "; the " + providerName()
                    + " API refuses calls without one");
        }
    }

    /** This endpoint's calls: the component's client with this endpoint's key, retry and limit settings. */
    public SparkCalls calls() {
        return calls.get();
    }

    public SparkApiClient getClient() {
        return getComponent().getClient();
    }

    public MediaDownloader getDownloader() {
        return getComponent().getDownloader();
    }

    /**
     * Checks a configuration for this endpoint: at start-up its own, and per message the one with header overrides
     * applied; the configuration knows which of its rules apply to this endpoint's operation.
     */
    public final void validate(SparkConfiguration configuration) {
        configuration.validate(providerName(), operation);
    }

    /**
     * Bad options fail when the route starts, not at the first message; then the key, so that a provider which refuses
     * calls without one fails to start without one.
     */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        validate(getConfiguration());
        checkApiKey();
    }
}
