package dev.camelspark.dynaspark;

import dev.camelspark.support.SparkComponentSupport;
import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.SparkEndpointSupport;
import dev.camelspark.support.SparkProvider;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.ObjectHelper;

/** Generates text, images and speech with DynaSpark. */
@Component("dynaspark")
public class DynaSparkComponent extends SparkComponentSupport {

    /** DynaSpark: text, image and audio, answered at once; the key is optional (the free tier takes calls without one). */
    public static final SparkProvider PROVIDER = SparkProvider.of("dynaspark")
            .apiKeyVariable("DYNASPARK_API_KEY")
            .headerPrefix(DynaSparkConstants.HEADER_PREFIX)
            .overridable("model", "temperature", "topP", "presencePenalty", "frequencyPenalty", "json", "system",
                    "stream", "privateGeneration", "seed", "referrer", "voice", "width", "height", "nologo", "wm")
            .generations("text", "image", "audio")
            .build();

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
    public SparkProvider provider() {
        return PROVIDER;
    }

    @Override
    public DynaSparkConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DynaSparkConfiguration configuration) {
        this.configuration = configuration;
    }
}
