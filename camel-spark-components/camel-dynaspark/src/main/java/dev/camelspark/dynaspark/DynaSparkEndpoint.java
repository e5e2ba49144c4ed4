package dev.camelspark.dynaspark;

import java.util.function.Supplier;

import dev.camelspark.support.observe.HealthProbe;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.SparkEndpointSupport;
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

/** Generate text, images and speech with DynaSpark (a free wrapper over Pollinations). */
@UriEndpoint(firstVersion = "1.0.0", scheme = "dynaspark", title = "DynaSpark", syntax = "dynaspark:operation",
             producerOnly = true, category = { Category.AI }, headersClass = DynaSparkConstants.class)
public class DynaSparkEndpoint extends SparkEndpointSupport {

    @UriPath(label = "producer", description = "What to generate: text, image or audio (speech).")
    @Metadata(required = true)
    private final DynaSparkOperation operation;
    @UriParam
    private final DynaSparkConfiguration configuration;
    private final Supplier<DynaSparkClient> client;

    public DynaSparkEndpoint(String uri, DynaSparkComponent component, DynaSparkOperation operation,
                             DynaSparkConfiguration configuration) {
        super(uri, component, operation.name(), DynaSparkConfiguration.OPERATION_OPTIONS);
        this.operation = operation;
        this.configuration = configuration;
        this.client = Suppliers.memorize(() -> new DynaSparkClient(calls(), configuration, apiKey()));
    }

    @Override
    public Producer createProducer() {
        return switch (operation) {
            case text -> new DynaSparkTextProducer(this);
            case image -> new DynaSparkImageProducer(this);
            case audio -> new DynaSparkAudioProducer(this);
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("dynaspark: only producers are supported (use it in to(...))");
    }

    public DynaSparkOperation getOperation() {
        return operation;
    }

    /** The wire client, with this endpoint's key, base URL, timeouts and limits: built once, on first use. */
    DynaSparkClient client() {
        return client.get();
    }

    /** The endpoint's configuration with this message's override headers applied, checked. */
    DynaSparkConfiguration configurationFor(Exchange exchange) {
        return withOverrides(exchange, configuration);
    }

    @Override
    public DynaSparkConfiguration getConfiguration() {
        return configuration;
    }

    /** DynaSpark's status page, at the host root beside {@code /api}; it takes no key, so only reachability is checked. */
    @Override
    public HealthProbe healthProbe() {
        String base = configuration.getBaseUrl().replaceAll("/+$", "");
        String root = base.endsWith("/api") ? base.substring(0, base.length() - "/api".length()) : base;
        return healthProbe(SparkRequest.get(root, "/status"), configuration).withoutKeyCheck();
    }
}
