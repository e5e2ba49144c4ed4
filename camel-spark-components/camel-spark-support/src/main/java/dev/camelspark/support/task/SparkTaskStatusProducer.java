package dev.camelspark.support.task;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.http.SparkJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code <provider>:status}: reads one task. The task id is the body, or header {@code CamelSparkTaskId} when the
 * body is empty, checked before it goes into a path ({@link TaskIds}); the answer sets {@code CamelSparkTaskStatus},
 * {@code CamelSparkProgress} (0-100), {@code CamelSparkMediaUrl} and {@code CamelSparkCost} when known, and the body
 * becomes the provider's task object as a {@code Map}. One status call, nothing recorded: tasks are tracked by the
 * producers that submit them.
 */
public class SparkTaskStatusProducer<C extends SparkTaskConfiguration> extends SparkProducerSupport {

    private final SparkTaskEndpointSupport<C> endpoint;
    private final String operation;

    /** @param operation the kind of task read, for providers with several ({@link TaskRecord#operation()}) */
    public SparkTaskStatusProducer(SparkTaskEndpointSupport<C> endpoint, String operation) {
        super(endpoint);
        this.endpoint = endpoint;
        this.operation = operation;
    }

    @Override
    public SparkTaskEndpointSupport<C> getEndpoint() {
        return endpoint;
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        Message message = exchange.getMessage();
        String id = TaskIds.fromMessage(message, provider(), "task id");
        C config = getEndpoint().getConfiguration();
        return getEndpoint().tasks().readTask(id, operation, config).thenAccept(task -> {
            message.setHeader(SparkConstants.TASK_ID, task.taskId() != null ? task.taskId() : id);
            message.setHeader(SparkConstants.TASK_STATUS, task.status());
            Integer progress = task.state() == TaskState.COMPLETED ? Integer.valueOf(100) : task.progress();
            if (progress != null) {
                message.setHeader(SparkConstants.PROGRESS, progress);
            }
            if (!task.mediaUrls().isEmpty()) {
                message.setHeader(SparkConstants.MEDIA_URL, task.mediaUrls().get(0));
            }
            if (task.cost() != null) {
                message.setHeader(SparkConstants.COST, task.cost());
            }
            task.resultHeaders().forEach(message::setHeader);
            message.setBody(task.raw() != null && task.raw().isObject()
                    ? SparkJson.MAPPER.convertValue(task.raw(), new TypeReference<LinkedHashMap<String, Object>>() {
                    })
                    : Map.of("id", id, "status", String.valueOf(task.status())));
        });
    }
}
