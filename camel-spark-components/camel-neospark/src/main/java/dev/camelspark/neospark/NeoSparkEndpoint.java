package dev.camelspark.neospark;

import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.SparkEndpointSupport;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Generate images and videos with NeoSpark (paid tasks, created then polled), upload reference images, read the
 * listings, and consume finished tasks.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "neospark", title = "NeoSpark", syntax = "neospark:operation",
             category = { Category.AI }, headersClass = NeoSparkConstants.class)
public class NeoSparkEndpoint extends SparkEndpointSupport {

    @UriPath(description = "What to do: image, video, image-submit, video-submit, status, video-cancel, upload, models, "
                           + "video-models, sessions, user-images, billing-history; tasks as a consumer.",
             enums = "image,video,image-submit,video-submit,status,video-cancel,upload,models,video-models,sessions,"
                     + "user-images,billing-history,tasks")
    @Metadata(required = true)
    private final String operation;
    @UriParam
    private final NeoSparkConfiguration configuration;
    private final NeoSparkOperation kind;
    /** The session this endpoint generates images in when no sessionId is given: created once, on first use. */
    private final NeoSparkSession.Holder session = new NeoSparkSession.Holder();

    public NeoSparkEndpoint(String uri, NeoSparkComponent component, NeoSparkOperation kind,
                            NeoSparkConfiguration configuration) {
        super(uri, component);
        this.kind = kind;
        this.operation = kind.uriName();
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return switch (kind) {
            case upload -> new NeoSparkUploadProducer(this);
            case status, videoCancel -> new NeoSparkStatusProducer(this);
            case models, videoModels, sessions, userImages, billingHistory -> new NeoSparkListingProducer(this);
            case tasks -> throw new UnsupportedOperationException(
                    "neospark:tasks is a consumer: use it in from(...), not in to(...)");
            default -> throw new UnsupportedOperationException("neospark:" + operation + " is not available yet");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("neospark:" + operation
                                                + " is a producer: only neospark:tasks can be used in from(...)");
    }

    @Override
    public void validate(SparkConfiguration configuration) {
        ((NeoSparkConfiguration) configuration).validate(providerName(), kind);
    }

    /** Options first, then the key: NeoSpark refuses every call without one, so a route without one fails to start. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        requireApiKey(configuration);
    }

    public NeoSparkOperation getOperation() {
        return kind;
    }

    @Override
    public NeoSparkConfiguration getConfiguration() {
        return configuration;
    }

    NeoSparkSession.Holder session() {
        return session;
    }
}
