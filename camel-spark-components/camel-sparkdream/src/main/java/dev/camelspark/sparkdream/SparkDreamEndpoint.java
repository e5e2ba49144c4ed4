package dev.camelspark.sparkdream;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.SparkTaskConfiguration;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.task.SparkTaskConsumer;
import dev.camelspark.support.task.SparkTaskEndpointSupport;
import dev.camelspark.support.task.SparkTaskStatusProducer;
import dev.camelspark.support.task.TaskDelivery;
import dev.camelspark.support.task.TaskIds;
import dev.camelspark.support.task.TaskRecord;
import dev.camelspark.support.task.TaskSnapshot;
import dev.camelspark.support.task.TaskState;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * Generate images with Spark Dream 3.0 (Vtrix): each image is a paid task, created then polled without holding a
 * thread, recorded in a task store so a restart resumes it instead of paying again.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "sparkdream", title = "Spark Dream", syntax = "sparkdream:operation",
             category = { Category.AI }, headersClass = SparkDreamConstants.class)
public class SparkDreamEndpoint extends SparkTaskEndpointSupport {

    static final String CREATE_PATH = "/model/v1/generation";
    static final String TASK_PATH = "/model/v1/generation/task/";

    @UriPath(label = "common", description = "What to do: generate (submit and wait), submit (submit, return the task id), status (read a task), or tasks (consumer: the ended tasks of a taskGroup).")
    @Metadata(required = true)
    private final SparkDreamOperation operation;
    @UriParam
    private final SparkDreamConfiguration configuration;

    public SparkDreamEndpoint(String uri, SparkDreamComponent component, SparkDreamOperation operation,
                              SparkDreamConfiguration configuration) {
        super(uri, component, operation.name(), SparkDreamConfiguration.OPERATION_OPTIONS);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return switch (operation) {
            case generate -> new SparkDreamGenerateProducer(this, TaskDelivery.EXCHANGE);
            case submit -> new SparkDreamGenerateProducer(this, TaskDelivery.CONSUMER);
            case status -> new SparkTaskStatusProducer(this, SparkDreamOperation.generate.name());
            case tasks -> throw new IllegalArgumentException(
                    "sparkdream:tasks is a consumer: use it in from(...); to submit use sparkdream:submit");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != SparkDreamOperation.tasks) {
            throw new IllegalArgumentException("sparkdream:" + operation
                                               + " is a producer: use it in to(...); the consumer is sparkdream:tasks");
        }
        SparkTaskConsumer consumer = new SparkTaskConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Options first, then the key: Spark Dream refuses every call without one, so a route without one fails to start. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        requireApiKey(configuration);
    }

    @Override
    public CompletableFuture<TaskSnapshot> readTask(String taskId, String op, SparkTaskConfiguration config) {
        String key = resolveApiKey(config);
        SparkRequest request = SparkProducerSupport.withTimeouts(SparkRequest.get(config.getBaseUrl(),
                        TASK_PATH + TaskIds.check(providerName(), "task id", taskId)), config, false)
                .bearer(key)
                .kind(CallKind.READ)
                .build();
        return getClient().call(request, config.callPolicy(key)).thenApply(response -> {
            if (response.json() == null || !response.json().isObject()) {
                throw new SparkApiException(providerName(), response.status(), null,
                        "expected a task object from " + request.describe() + ", got " + response.mediaType());
            }
            return SparkDreamTasks.read(response.json());
        });
    }

    /** Vtrix keys go in {@code Authorization: Bearer}; media on the CDN get none. */
    @Override
    public Map<String, String> apiAuthHeaders(String apiKey) {
        return apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    }

    /** A task failed with one of the vendor's validation codes was refused: a validation failure, with that code. */
    @Override
    public SparkApiException failureOf(TaskRecord record) {
        // Set.of refuses contains(null): a failure without a code (a plain-string error) is not a validation code
        if (record.state() == TaskState.FAILED && record.errorCode() != null
            && SparkDreamTasks.VALIDATION_CODES.contains(record.errorCode())) {
            return new SparkValidationException(providerName(), 0, record.errorCode(),
                    "task " + record.taskId() + " refused: " + record.errorMessage());
        }
        return super.failureOf(record);
    }

    public SparkDreamOperation getOperation() {
        return operation;
    }

    @Override
    public SparkDreamConfiguration getConfiguration() {
        return configuration;
    }
}
