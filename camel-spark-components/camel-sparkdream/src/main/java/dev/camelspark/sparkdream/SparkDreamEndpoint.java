package dev.camelspark.sparkdream;

import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.observe.HealthProbe;
import dev.camelspark.support.task.SparkTaskConsumer;
import dev.camelspark.support.task.SparkTaskEndpointSupport;
import dev.camelspark.support.task.SparkTaskStatusProducer;
import dev.camelspark.support.task.SparkTaskSubmitProducer;
import dev.camelspark.support.task.TaskDelivery;
import dev.camelspark.support.task.TaskProvider;
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
public class SparkDreamEndpoint extends SparkTaskEndpointSupport<SparkDreamConfiguration> {

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
            case generate -> new SparkTaskSubmitProducer<>(this, SparkDreamOperation.generate.name(), TaskDelivery.EXCHANGE);
            case submit -> new SparkTaskSubmitProducer<>(this, SparkDreamOperation.generate.name(), TaskDelivery.CONSUMER);
            case status -> new SparkTaskStatusProducer<>(this, SparkDreamOperation.generate.name());
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
        SparkTaskConsumer<SparkDreamConfiguration> consumer = new SparkTaskConsumer<>(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The wire client, with this endpoint's key, base URL, timeouts and limits; producers and consumer share it. */
    @Override
    protected TaskProvider<SparkDreamConfiguration> createTasks() {
        return new SparkDreamTaskProvider(providerName(),
                new SparkDreamClient(providerName(), calls(), configuration, apiKey()));
    }

    public SparkDreamOperation getOperation() {
        return operation;
    }

    @Override
    public SparkDreamConfiguration getConfiguration() {
        return configuration;
    }

    /** The status of a task that does not exist: 404 once the key is accepted, 401 when it is refused; nothing is paid. */
    @Override
    public HealthProbe healthProbe() {
        return healthProbe(SparkRequest.get(configuration.getBaseUrl(), SparkDreamClient.TASK_PATH + "camel-spark-health-check")
                .bearer(apiKey()), configuration).alsoUpOn(404);
    }
}
