package dev.camelspark.neospark;

import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.task.TaskIds;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code neospark:status} reads a task, {@code neospark:video-cancel} cancels a running video task: the id in (the
 * body, or header {@code CamelSparkTaskId}), the {@link NeoSparkTask} out, with the task headers set. A failed task
 * is an answer here, not an error: the exchange fails only when the call does (unknown id: 404). Nothing is recorded:
 * tasks are tracked by the producers that submit them.
 *
 * <p>video-cancel reads the task first and only cancels it while it runs: for a finished task NeoSpark's DELETE does
 * not cancel but deletes it, video included, and a "cancel" must never throw away a paid result. A cancelled task
 * that was submitted with video-submit reaches the tasks consumer as a failure.
 */
class NeoSparkStatusProducer extends SparkProducerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(NeoSparkStatusProducer.class);

    private final NeoSparkEndpoint endpoint;

    NeoSparkStatusProducer(NeoSparkEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        NeoSparkConfiguration config = endpoint.configurationFor(exchange);
        // the body, else header CamelSparkTaskId; checked before it goes into a path
        String id = TaskIds.fromMessage(exchange.getMessage(), provider(), "task id");
        Message message = exchange.getMessage();
        if (endpoint.getOperation() == NeoSparkOperation.videoCancel) {
            return read(exchange, id, true).thenCompose(task -> {
                if (task.isFinal()) {
                    deliver(message, task, false);
                    return CompletableFuture.completedFuture(null);
                }
                SparkRequest delete = endpoint.client().delete(NeoSparkClient.VIDEO_TASKS + "/" + id).build();
                return endpoint.call(exchange, delete).thenAccept(data -> {
                    if (data.isObject()) {
                        deliver(message, endpoint.client().task(data, true), true);
                    } else {
                        // it ended between the two calls, and the service deleted it instead of cancelling it
                        LOG.warn("NeoSpark video task {} ended just before it was cancelled; the service deleted it", id);
                        deliver(message, task, false);
                    }
                });
            });
        }
        return read(exchange, id, isVideo(config, id)).thenAccept(task -> deliver(message, task, null));
    }

    /** With taskType auto, ids that start with {@code video_} are video tasks, the others image messages. */
    private static boolean isVideo(NeoSparkConfiguration config, String id) {
        return switch (config.getTaskType() == null ? "auto" : config.getTaskType()) {
            case "video" -> true;
            case "image" -> false;
            default -> id.startsWith("video_");
        };
    }

    private CompletableFuture<NeoSparkTask> read(Exchange exchange, String id, boolean video) {
        return endpoint.call(exchange, endpoint.client().taskStatus(id, video))
                .thenApply(data -> endpoint.client().task(data, video));
    }

    /** The task is the body; the headers every task answer sets beside it. */
    private static void deliver(Message message, NeoSparkTask task, Boolean cancelled) {
        message.setHeader(SparkConstants.TASK_ID, task.id());
        if (task.status() != null) {
            message.setHeader(SparkConstants.TASK_STATUS, task.status());
        }
        if (task.progress() != null) {
            message.setHeader(SparkConstants.PROGRESS, task.progress());
        }
        if (task.actualCost() != null) {
            message.setHeader(SparkConstants.COST, task.actualCost());
        }
        if (!task.mediaUrls().isEmpty()) {
            message.setHeader(SparkConstants.MEDIA_URL, task.mediaUrls().get(0));
        }
        task.resultHeaders().forEach(message::setHeader);
        if (cancelled != null) {
            message.setHeader(NeoSparkConstants.CANCELLED, cancelled);
        }
        message.setBody(task);
    }
}
