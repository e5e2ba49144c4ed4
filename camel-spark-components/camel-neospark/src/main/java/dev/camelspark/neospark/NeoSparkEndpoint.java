package dev.camelspark.neospark;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.SparkMediaDelivery;
import dev.camelspark.support.SparkTaskConfiguration;
import dev.camelspark.support.task.SparkTaskConsumer;
import dev.camelspark.support.task.SparkTaskEndpointSupport;
import dev.camelspark.support.task.TaskDelivery;
import dev.camelspark.support.task.TaskRecord;
import dev.camelspark.support.task.TaskSnapshot;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Generate images and videos with NeoSpark (paid tasks, created then polled without holding a thread), upload
 * reference images, read the listings, and consume finished tasks.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "neospark", title = "NeoSpark", syntax = "neospark:operation",
             category = { Category.AI }, headersClass = NeoSparkConstants.class)
public class NeoSparkEndpoint extends SparkTaskEndpointSupport {

    @UriPath(label = "common", description = "What to do: image, video, image-submit, video-submit, status, video-cancel, upload, models, "
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
        super(uri, component, kind.uriName(), NeoSparkConfiguration.OPERATION_OPTIONS);
        this.kind = kind;
        this.operation = kind.uriName();
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return switch (kind) {
            case image -> new NeoSparkImageProducer(this, TaskDelivery.EXCHANGE);
            case imageSubmit -> new NeoSparkImageProducer(this, TaskDelivery.CONSUMER);
            case video -> new NeoSparkVideoProducer(this, TaskDelivery.EXCHANGE);
            case videoSubmit -> new NeoSparkVideoProducer(this, TaskDelivery.CONSUMER);
            case upload -> new NeoSparkUploadProducer(this);
            case status, videoCancel -> new NeoSparkStatusProducer(this);
            case models, videoModels, sessions, userImages, billingHistory -> new NeoSparkListingProducer(this);
            case tasks -> throw new UnsupportedOperationException(
                    "neospark:tasks is a consumer: use it in from(...), not in to(...)");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (kind != NeoSparkOperation.tasks) {
            throw new UnsupportedOperationException("neospark:" + operation
                                                    + " is a producer: only neospark:tasks can be used in from(...)");
        }
        SparkTaskConsumer consumer = new SparkTaskConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
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

    /** Reads an image message or a video task, as the submission was recorded. */
    @Override
    public CompletableFuture<TaskSnapshot> readTask(String taskId, String recordedOperation, SparkTaskConfiguration c) {
        NeoSparkConfiguration config = (NeoSparkConfiguration) c;
        boolean video = NeoSparkApi.VIDEO.equals(recordedOperation);
        String apiKey = requireApiKey(config);
        return getClient().call(NeoSparkApi.taskStatus(config, apiKey, taskId, video), config.callPolicy(apiKey))
                .thenApply(answer -> {
                    var data = NeoSparkApi.data(answer, getComponent().getClock());
                    return NeoSparkApi.task(data, config, video).toSnapshot(data);
                });
    }

    @Override
    public Map<String, String> apiAuthHeaders(String apiKey) {
        return NeoSparkApi.authHeaders(apiKey);
    }

    /**
     * The first result as the body (every URL is in {@code CamelNeoSparkMediaUrls}). A video is never read into
     * memory, whatever its size: it goes to {@code downloadDirectory} or to a temp-file-backed stream.
     */
    @Override
    protected CompletableFuture<Void> deliverResult(Exchange exchange, TaskRecord record, SparkTaskConfiguration config) {
        if (record.mediaUrl() == null || !NeoSparkApi.VIDEO.equals(record.operation())) {
            return super.deliverResult(exchange, record, config);
        }
        String apiKey = resolveApiKey(config);
        return SparkMediaDelivery.deliver(exchange, getDownloader(), config, record.mediaUrl(), apiAuthHeaders(apiKey),
                null, apiKey, 0);
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
