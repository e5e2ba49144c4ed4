package dev.camelspark.sparkgpt;

import dev.camelspark.support.SparkComponentSupport;
import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.SparkEndpointSupport;
import dev.camelspark.support.SparkProvider;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.ObjectHelper;

/** Chats with models trained on SparkGPT and reads their training data. */
@Component("sparkgpt")
public class SparkGptComponent extends SparkComponentSupport {

    /** SparkGPT: chat with a trained model; its training data is a listing, not a generation. */
    public static final SparkProvider PROVIDER = SparkProvider.of("sparkgpt")
            .apiKeyVariable("SPARKGPT_API_KEY")
            .keyRequired()
            .headerPrefix(SparkGptConstants.HEADER_PREFIX)
            .overridable("modelId", "stream")
            .generations("chat")
            .build();

    @Metadata(label = "advanced", description = "Component-level option values, the defaults of every endpoint.")
    private SparkGptConfiguration configuration = new SparkGptConfiguration();

    @Override
    protected SparkEndpointSupport createSparkEndpoint(String uri, String remaining, SparkConfiguration configuration) {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new IllegalArgumentException("sparkgpt: the operation is missing; use sparkgpt:"
                                               + SparkGptOperation.allowed().replace(", ", " or sparkgpt:"));
        }
        return new SparkGptEndpoint(uri, this, SparkGptOperation.fromUri(remaining),
                (SparkGptConfiguration) configuration);
    }

    @Override
    public SparkProvider provider() {
        return PROVIDER;
    }

    @Override
    public SparkGptConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SparkGptConfiguration configuration) {
        this.configuration = configuration;
    }
}
