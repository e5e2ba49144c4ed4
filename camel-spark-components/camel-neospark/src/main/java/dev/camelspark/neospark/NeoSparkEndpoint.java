package dev.camelspark.neospark;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.observe.HealthProbe;
import dev.camelspark.support.task.SparkTaskConsumer;
import dev.camelspark.support.task.SparkTaskEndpointSupport;
import dev.camelspark.support.task.SparkTaskSubmitProducer;
import dev.camelspark.support.task.TaskDelivery;
import dev.camelspark.support.task.TaskProvider;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.util.function.Suppliers;

import static dev.camelspark.support.SparkCallHeaders.setCallHeaders;

/**
 * Generate images and videos with NeoSpark (paid tasks, created then polled without holding a thread), upload
 * reference images, read the listings, and consume finished tasks.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "neospark", title = "NeoSpark", syntax = "neospark:operation",
             category = { Category.AI }, headersClass = NeoSparkConstants.class)
public class NeoSparkEndpoint extends SparkTaskEndpointSupport<NeoSparkConfiguration> {

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
    private final Supplier<NeoSparkClient> client;

    public NeoSparkEndpoint(String uri, NeoSparkComponent component, NeoSparkOperation kind,
                            NeoSparkConfiguration configuration) {
        super(uri, component, kind.uriName(), NeoSparkConfiguration.OPERATION_OPTIONS);
        this.kind = kind;
        this.operation = kind.uriName();
        this.configuration = configuration;
        this.client = Suppliers.memorize(() -> new NeoSparkClient(calls(), configuration, apiKey(), getComponent().getClock()));
    }

    @Override
    public Producer createProducer() {
        return switch (kind) {
            case image -> new SparkTaskSubmitProducer<>(this, NeoSparkClient.IMAGE, TaskDelivery.EXCHANGE);
            case imageSubmit -> new SparkTaskSubmitProducer<>(this, NeoSparkClient.IMAGE, TaskDelivery.CONSUMER);
            case video -> new SparkTaskSubmitProducer<>(this, NeoSparkClient.VIDEO, TaskDelivery.EXCHANGE);
            case videoSubmit -> new SparkTaskSubmitProducer<>(this, NeoSparkClient.VIDEO, TaskDelivery.CONSUMER);
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
        SparkTaskConsumer<NeoSparkConfiguration> consumer = new SparkTaskConsumer<>(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The wire client, with this endpoint's key, base URL, timeouts and limits: built once, on first use. */
    NeoSparkClient client() {
        return client.get();
    }

    /**
     * Sends a call that creates no task (an upload, a listing, a status read or cancel), sets the call headers, and
     * answers the envelope's {@code data} (a JSON null when the service sent none).
     */
    CompletableFuture<JsonNode> call(Exchange exchange, SparkRequest request) {
        return client().send(request).thenApply(answer -> {
            setCallHeaders(exchange, answer.rateLimit(), answer.attempts());
            return client().data(answer);
        });
    }

    @Override
    protected TaskProvider<NeoSparkConfiguration> createTasks() {
        return new NeoSparkTaskProvider(client(), session);
    }

    public NeoSparkOperation getOperation() {
        return kind;
    }

    @Override
    public NeoSparkConfiguration getConfiguration() {
        return configuration;
    }

    /** The image models' list: free, and refused with 401 for a bad key. */
    @Override
    public HealthProbe healthProbe() {
        return healthProbe(client().get("/drawing/models/config"), configuration);
    }
}
