package dev.camelspark.neospark;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code neospark:status} reads a task, {@code neospark:video-cancel} cancels a running video task: the id in, the
 * {@link NeoSparkTask} out, with the task headers set. A failed task is an answer here, not an error: the exchange
 * fails only when the call does (unknown id: 404).
 *
 * <p>video-cancel reads the task first and only cancels it while it runs: for a finished task NeoSpark's DELETE does
 * not cancel but deletes it, video included, and a "cancel" must never throw away a paid result.
 */
class NeoSparkStatusProducer extends NeoSparkProducerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(NeoSparkStatusProducer.class);

    static final String IMAGE_STATUS = "/drawing/messages/";
    static final String VIDEO_TASKS = "/video/generations/";

    NeoSparkStatusProducer(NeoSparkEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        NeoSparkConfiguration config = configurationFor(exchange);
        String apiKey = getEndpoint().requireApiKey(config);
        String id = requiredId(exchange, "task id");
        Message message = exchange.getMessage();
        if (getEndpoint().getOperation() == NeoSparkOperation.videoCancel) {
            return read(exchange, config, apiKey, id, true).thenCompose(task -> {
                if (task.isFinal()) {
                    deliver(message, task, false);
                    return CompletableFuture.completedFuture(null);
                }
                return call(exchange, config, apiKey, authorised(SparkRequest.delete(config.getBaseUrl(),
                        VIDEO_TASKS + id), config, apiKey, CallKind.READ).build()).thenAccept(data -> {
                            if (data.isObject()) {
                                deliver(message, NeoSparkTask.ofVideo(data, url -> resolveMediaUrl(config.getBaseUrl(), url)),
                                        true);
                            } else {
                                // it ended between the two calls, and the service deleted it instead of cancelling
                                LOG.warn("NeoSpark video task {} ended just before it was cancelled; the service deleted it", id);
                                deliver(message, task, false);
                            }
                        });
            });
        }
        return read(exchange, config, apiKey, id, isVideo(config, id)).thenAccept(task -> deliver(message, task, null));
    }

    /** With taskType auto, ids that start with {@code video_} are video tasks, the others image messages. */
    private static boolean isVideo(NeoSparkConfiguration config, String id) {
        return switch (config.getTaskType() == null ? "auto" : config.getTaskType()) {
            case "video" -> true;
            case "image" -> false;
            default -> id.startsWith("video_");
        };
    }

    CompletableFuture<NeoSparkTask> read(Exchange exchange, NeoSparkConfiguration config, String apiKey, String id,
                                         boolean video) {
        SparkRequest request = authorised(SparkRequest.get(config.getBaseUrl(), (video ? VIDEO_TASKS : IMAGE_STATUS) + id),
                config, apiKey, CallKind.READ).build();
        return call(exchange, config, apiKey, request).thenApply(data -> task(data, config, video));
    }

    private NeoSparkTask task(JsonNode data, NeoSparkConfiguration config, boolean video) {
        if (!data.isObject()) {
            throw new dev.camelspark.support.error.SparkApiException(provider(), 200, null,
                    "expected a task object in data, got: " + data);
        }
        return video ? NeoSparkTask.ofVideo(data, url -> resolveMediaUrl(config.getBaseUrl(), url))
                : NeoSparkTask.ofImage(data, url -> resolveMediaUrl(config.getBaseUrl(), url));
    }

    private static void deliver(Message message, NeoSparkTask task, Boolean cancelled) {
        setTaskHeaders(message, task);
        if (cancelled != null) {
            message.setHeader(NeoSparkConstants.CANCELLED, cancelled);
        }
        message.setBody(task);
    }
}
