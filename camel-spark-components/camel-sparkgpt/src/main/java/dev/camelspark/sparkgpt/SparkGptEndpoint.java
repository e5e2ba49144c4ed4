package dev.camelspark.sparkgpt;

import java.util.function.Supplier;

import java.util.Map;

import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkEndpointSupport;
import dev.camelspark.support.http.RateLimitInfo;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.observe.HealthProbe;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.util.function.Suppliers;

/** Chat with a model trained on SparkGPT, plain or streamed, and read its training questions and answers. */
@UriEndpoint(firstVersion = "1.0.0", scheme = "sparkgpt", title = "SparkGPT", syntax = "sparkgpt:operation",
             producerOnly = true, category = { Category.AI }, headersClass = SparkGptConstants.class)
public class SparkGptEndpoint extends SparkEndpointSupport {

    @UriPath(label = "producer", description = "What to do: chat (message in, answer out) or training-data (the model's training Q&A).",
             enums = "chat,training-data")
    @Metadata(required = true)
    private final String operation;
    @UriParam
    private final SparkGptConfiguration configuration;
    private final Supplier<SparkGptClient> client;
    private final SparkGptOperation kind;

    public SparkGptEndpoint(String uri, SparkGptComponent component, SparkGptOperation kind,
                            SparkGptConfiguration configuration) {
        super(uri, component, kind.uriName(), SparkGptConfiguration.OPERATION_OPTIONS);
        this.kind = kind;
        this.operation = kind.uriName();
        this.configuration = configuration;
        this.client = Suppliers.memorize(() -> new SparkGptClient(calls(), configuration, apiKey()));
    }

    @Override
    public Producer createProducer() {
        return switch (kind) {
            case chat -> new SparkGptChatProducer(this);
            case trainingData -> new SparkGptTrainingDataProducer(this);
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("sparkgpt: only producers are supported (use it in to(...))");
    }

    public SparkGptOperation getOperation() {
        return kind;
    }

    /** The wire client, with this endpoint's key, base URL, timeouts and limits: built once, on first use. */
    SparkGptClient client() {
        return client.get();
    }

    /** The endpoint's configuration with this message's override headers applied, checked. */
    SparkGptConfiguration configurationFor(Exchange exchange) {
        return withOverrides(exchange, configuration);
    }

    /** The model and the daily limit (SparkGPT limits requests per key per day), beside the call headers. */
    static void setModelHeaders(Exchange exchange, SparkGptConfiguration config, RateLimitInfo rateLimit) {
        exchange.getMessage().setHeader(SparkConstants.MODEL, String.valueOf(config.getModelId()));
        if (rateLimit != null && rateLimit.limit() != null) {
            exchange.getMessage().setHeader(SparkGptConstants.RATE_LIMIT_LIMIT, rateLimit.limit());
        }
    }

    @Override
    public SparkGptConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The training data of the endpoint's model (a free read): 401 for a refused key, 403 for a model the key does not
     * own. Without a model id the request is refused with 400 after the key was checked, which proves the key. Each
     * probe counts against the key's daily requests: see {@code healthCheckCacheTime}.
     */
    @Override
    public HealthProbe healthProbe() {
        String key = apiKey();
        Map<String, Object> body = configuration.getModelId() == null ? Map.of()
                : Map.of("model_id", configuration.getModelId());
        HealthProbe probe = healthProbe(SparkRequest.post(configuration.getBaseUrl(), "/api/getModelTrain")
                .bearer(key).json(body), configuration);
        return configuration.getModelId() == null ? probe.alsoUpOn(400) : probe;
    }
}
