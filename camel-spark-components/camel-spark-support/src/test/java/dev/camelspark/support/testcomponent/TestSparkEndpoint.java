package dev.camelspark.support.testcomponent;

import dev.camelspark.support.SparkEndpointSupport;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;

/** {@code testspark:call} (a JSON call with header overrides) and {@code testspark:media} (generate, then deliver). */
public class TestSparkEndpoint extends SparkEndpointSupport {

    private final String operation;
    private final TestSparkConfiguration configuration;

    TestSparkEndpoint(String uri, TestSparkComponent component, String operation, TestSparkConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public TestSparkConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public Producer createProducer() {
        return switch (operation) {
            case "call" -> new TestCallProducer(this);
            case "media" -> new TestMediaProducer(this);
            default -> throw new IllegalArgumentException("unknown operation " + operation);
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("producer only");
    }

    // URI options, bound by reflection (the real components have generated configurers)

    public void setBaseUrl(String baseUrl) {
        configuration.setBaseUrl(baseUrl);
    }

    public void setApiKey(String apiKey) {
        configuration.setApiKey(apiKey);
    }

    public void setMaxRetries(int maxRetries) {
        configuration.setMaxRetries(maxRetries);
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        configuration.setMaxRetryAfter(maxRetryAfter);
    }

    public void setTemperature(Double temperature) {
        configuration.setTemperature(temperature);
    }

    public void setDownload(boolean download) {
        configuration.setDownload(download);
    }

    public void setAllowedDownloadHosts(String hosts) {
        configuration.setAllowedDownloadHosts(hosts);
    }

    public void setMaxDownloadSize(long max) {
        configuration.setMaxDownloadSize(max);
    }
}
