package dev.camelspark.sparkdream;

import java.time.Clock;

import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.SparkEndpointSupport;
import dev.camelspark.support.SparkProvider;
import dev.camelspark.support.http.SparkErrorDecoder;
import dev.camelspark.support.task.SparkTaskComponentSupport;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.ObjectHelper;

/** Generates images with Spark Dream 3.0 through the Vtrix gateway: tasks created, then polled without blocking. */
@Component("sparkdream")
public class SparkDreamComponent extends SparkTaskComponentSupport {

    /** Spark Dream: each image is a paid task; submit hands its result to the tasks consumer, so it is no generation. */
    public static final SparkProvider PROVIDER = SparkProvider.of("sparkdream")
            .apiKeyVariable("SPARKDREAM_API_KEY")
            .keyRequired()
            .headerPrefix(SparkDreamConstants.HEADER_PREFIX)
            .overridable("usePreLlm", "seed", "scale", "width", "height")
            .generations("generate")
            .tasks("generate")
            .build();

    @Metadata(label = "advanced", description = "Component-level option values, the defaults of every endpoint.")
    private SparkDreamConfiguration configuration = new SparkDreamConfiguration();

    @Override
    protected SparkEndpointSupport createSparkEndpoint(String uri, String remaining, SparkConfiguration configuration) {
        if (ObjectHelper.isEmpty(remaining)) {
            throw new IllegalArgumentException(
                    "sparkdream: the operation is missing; use sparkdream:generate, submit, status or tasks");
        }
        SparkDreamOperation operation;
        try {
            operation = SparkDreamOperation.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sparkdream: unknown operation '" + remaining
                                               + "'; allowed: generate, submit, status, tasks", e);
        }
        return new SparkDreamEndpoint(uri, this, operation, (SparkDreamConfiguration) configuration);
    }

    @Override
    protected SparkErrorDecoder createErrorDecoder(Clock clock) {
        return new VtrixErrorDecoder(clock);
    }

    @Override
    public SparkProvider provider() {
        return PROVIDER;
    }

    @Override
    public SparkDreamConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SparkDreamConfiguration configuration) {
        this.configuration = configuration;
    }
}
