package dev.camelspark.sparkstream;

import dev.camelspark.support.SparkEndpointSupport;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

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

    public SparkStreamEndpoint(String uri, SparkStreamComponent component, SparkStreamOperation operation,
                               SparkStreamConfiguration configuration) {
        super(uri, component, operation.name(), SparkStreamConfiguration.OPERATION_OPTIONS);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new SparkStreamChatProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("sparkstream: only producers are supported (use it in to(...))");
    }

    /** Options first, then the key: the API refuses every call without one, so a route without one fails to start. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        requireApiKey(configuration);
    }

    public SparkStreamOperation getOperation() {
        return operation;
    }

    @Override
    public SparkStreamConfiguration getConfiguration() {
        return configuration;
    }
}
