package dev.camelspark.neospark;

import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.http.SparkRequest;
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
class NeoSparkStatusProducer extends NeoSparkProducerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(NeoSparkStatusProducer.class);

    NeoSparkStatusProducer(NeoSparkEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        NeoSparkConfiguration config = configurationFor(exchange);
        String id = requiredId(exchange, "task id");
        Message message = exchange.getMessage();
        if (getEndpoint().getOperation() == NeoSparkOperation.videoCancel) {
            return read(exchange, id, true).thenCompose(task -> {
                if (task.isFinal()) {
                    deliver(message, task, false);
                    return CompletableFuture.completedFuture(null);
                }
                SparkRequest delete = client().delete(NeoSparkClient.VIDEO_TASKS + "/" + id).build();
                return call(exchange, delete).thenAccept(data -> {
                    if (data.isObject()) {
                        deliver(message, client().task(data, true), true);
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
        return call(exchange, client().taskStatus(id, video)).thenApply(data -> client().task(data, video));
    }

    private static void deliver(Message message, NeoSparkTask task, Boolean cancelled) {
        setTaskHeaders(message, task);
        if (cancelled != null) {
            message.setHeader(NeoSparkConstants.CANCELLED, cancelled);
        }
        message.setBody(task);
    }
}
