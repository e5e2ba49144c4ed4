package dev.camelspark.sparkstream;

import java.util.function.Supplier;

import dev.camelspark.support.observe.HealthProbe;
import dev.camelspark.support.http.SparkRequest;
import java.util.Map;
import java.util.List;
import dev.camelspark.support.SparkEndpointSupport;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.util.function.Suppliers;

/**
 * Chat completions with SparkAI Stream, plain or streamed. The service is announced but not yet live: today
 * spark-emulator is its only implementation, so point {@code baseUrl} at it.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "sparkstream", title = "SparkAI Stream", syntax = "sparkstream:operation",
             producerOnly = true, category = { Category.AI }, headersClass = SparkStreamConstants.class)
public class SparkStreamEndpoint extends SparkEndpointSupport {

    @UriPath(label = "producer", description = "What to do: chat (a message or a conversation in, the assistant's answer out).")
    @Metadata(required = true)
    private final SparkStreamOperation operation;
    @UriParam
    private final SparkStreamConfiguration configuration;
    private final Supplier<SparkStreamClient> client;

    public SparkStreamEndpoint(String uri, SparkStreamComponent component, SparkStreamOperation operation,
                               SparkStreamConfiguration configuration) {
        super(uri, component, operation.name(), SparkStreamConfiguration.OPERATION_OPTIONS);
        this.operation = operation;
        this.configuration = configuration;
        this.client = Suppliers.memorize(() -> new SparkStreamClient(calls(), configuration, apiKey()));
    }

    @Override
    public Producer createProducer() {
        return new SparkStreamChatProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("sparkstream: only producers are supported (use it in to(...))");
    }

    public SparkStreamOperation getOperation() {
        return operation;
    }

    /** The wire client, with this endpoint's key, base URL, timeouts and limits: built once, on first use. */
    SparkStreamClient client() {
        return client.get();
    }

    @Override
    public SparkStreamConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * SparkAI Stream has no free call: the probe sends a chat without messages, which the API refuses with 400 after
     * checking the key and before generating anything, so no token is spent (it counts as one request per minute).
     */
    @Override
    public HealthProbe healthProbe() {
        String key = apiKey();
        return healthProbe(SparkRequest.post(configuration.getBaseUrl(), "/v1/chat").bearer(key)
                .json(Map.of("model", configuration.getModel(), "messages", List.of(), "stream", false)), configuration)
                .alsoUpOn(400);
    }
}
