package dev.camelspark.sparkgpt;

import dev.camelspark.support.SparkComponentSupport;
import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.SparkEndpointSupport;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.ObjectHelper;

/** Chats with models trained on SparkGPT and reads their training data. */
@Component("sparkgpt")
public class SparkGptComponent extends SparkComponentSupport {

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
    public String providerName() {
        return "sparkgpt";
    }

    @Override
    protected String apiKeyEnvironmentVariable() {
        return "SPARKGPT_API_KEY";
    }

    @Override
    public SparkGptConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SparkGptConfiguration configuration) {
        this.configuration = configuration;
    }
}
