package dev.camelspark.sparkstream;

import dev.camelspark.support.SparkComponentSupport;
import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.SparkEndpointSupport;
import dev.camelspark.support.SparkProvider;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.ObjectHelper;

/** Chat completions with SparkAI Stream, plain or streamed. */
@Component("sparkstream")
public class SparkStreamComponent extends SparkComponentSupport {

    /** SparkStream: chat completions. */
    public static final SparkProvider PROVIDER = SparkProvider.of("sparkstream")
            .apiKeyVariable("SPARKSTREAM_API_KEY")
            .keyRequired()
            .headerPrefix(SparkStreamConstants.HEADER_PREFIX)
            .overridable("model", "maxTokens", "temperature", "systemMessage", "stream")
            .generations("chat")
            .build();

    @Metadata(label = "advanced", description = "Component-level option values, the defaults of every endpoint.")
    private SparkStreamConfiguration configuration = new SparkStreamConfiguration();

    @Override
    protected SparkEndpointSupport createSparkEndpoint(String uri, String remaining, SparkConfiguration configuration) {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new IllegalArgumentException("sparkstream: the operation is missing; use sparkstream:chat");
        }
        SparkStreamOperation operation;
        try {
            operation = SparkStreamOperation.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sparkstream: unknown operation '" + remaining + "'; allowed: chat", e);
        }
        return new SparkStreamEndpoint(uri, this, operation, (SparkStreamConfiguration) configuration);
    }

    @Override
    public SparkProvider provider() {
        return PROVIDER;
    }

    @Override
    public SparkStreamConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SparkStreamConfiguration configuration) {
        this.configuration = configuration;
    }
}
