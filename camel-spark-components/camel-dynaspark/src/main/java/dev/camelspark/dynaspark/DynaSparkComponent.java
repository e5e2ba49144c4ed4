package dev.camelspark.dynaspark;

import dev.camelspark.support.SparkComponentSupport;
import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.SparkEndpointSupport;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.ObjectHelper;

/** Generates text, images and speech with DynaSpark. */
@Component("dynaspark")
public class DynaSparkComponent extends SparkComponentSupport {

    @Metadata(label = "advanced", description = "Component-level option values, the defaults of every endpoint.")
    private DynaSparkConfiguration configuration = new DynaSparkConfiguration();

    @Override
    protected SparkEndpointSupport createSparkEndpoint(String uri, String remaining, SparkConfiguration configuration) {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new IllegalArgumentException("dynaspark: the operation is missing; use dynaspark:text, dynaspark:image or dynaspark:audio");
        }
        DynaSparkOperation operation;
        try {
            operation = DynaSparkOperation.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dynaspark: unknown operation '" + remaining + "'; allowed: text, image, audio", e);
        }
        return new DynaSparkEndpoint(uri, this, operation, (DynaSparkConfiguration) configuration);
    }

    @Override
    public String providerName() {
        return "dynaspark";
    }

    @Override
    protected String apiKeyEnvironmentVariable() {
        return "DYNASPARK_API_KEY";
    }

    @Override
    public DynaSparkConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DynaSparkConfiguration configuration) {
        this.configuration = configuration;
    }
}
