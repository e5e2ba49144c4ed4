package dev.camelspark.neospark;

import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.SparkEndpointSupport;
import dev.camelspark.support.task.SparkTaskComponentSupport;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.ObjectHelper;

/** Generates images and videos with NeoSpark, uploads reference images, reads listings, and consumes finished tasks. */
@Component("neospark")
public class NeoSparkComponent extends SparkTaskComponentSupport {

    @Metadata(label = "advanced", description = "Component-level option values, the defaults of every endpoint.")
    private NeoSparkConfiguration configuration = new NeoSparkConfiguration();

    @Override
    protected SparkEndpointSupport createSparkEndpoint(String uri, String remaining, SparkConfiguration configuration) {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new IllegalArgumentException("neospark: the operation is missing; use one of "
                                               + NeoSparkOperation.allowed());
        }
        return new NeoSparkEndpoint(uri, this, NeoSparkOperation.fromUri(remaining),
                (NeoSparkConfiguration) configuration);
    }

    @Override
    public String providerName() {
        return "neospark";
    }

    @Override
    protected String apiKeyEnvironmentVariable() {
        return "NEOSPARK_API_KEY";
    }

    @Override
    public NeoSparkConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(NeoSparkConfiguration configuration) {
        this.configuration = configuration;
    }
}
