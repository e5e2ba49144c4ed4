package dev.camelspark.neospark;

import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.SparkEndpointSupport;
import dev.camelspark.support.SparkProvider;
import dev.camelspark.support.task.SparkTaskComponentSupport;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.ObjectHelper;

/** Generates images and videos with NeoSpark, uploads reference images, reads listings, and consumes finished tasks. */
@Component("neospark")
public class NeoSparkComponent extends SparkTaskComponentSupport {

    /** NeoSpark: images and videos are paid tasks, counted in credits; the rest are listings, reads and uploads. */
    public static final SparkProvider PROVIDER = SparkProvider.of("neospark")
            .apiKeyVariable("NEOSPARK_API_KEY")
            .keyRequired()
            .headerPrefix(NeoSparkConstants.HEADER_PREFIX)
            .overridable("sessionId", "model", "resolution", "aspectRatio", "numImages", "negativePrompt",
                    "refUploadId", "refUploadIds", "refImagePaths", "strength", "provider", "quality", "optimizePrompt",
                    "sessionTitle", "videoModel", "duration", "ratio", "videoResolution", "generateAudio",
                    "firstFrameUrl", "referenceImageUrls", "referenceVideoUrls", "referenceAudioUrl", "taskType",
                    "limit", "offset", "type")
            .generations("image", "video")
            .tasks("image", "video")
            .costUnit("credits")
            .build();

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
    public SparkProvider provider() {
        return PROVIDER;
    }

    @Override
    public NeoSparkConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(NeoSparkConfiguration configuration) {
        this.configuration = configuration;
    }
}
