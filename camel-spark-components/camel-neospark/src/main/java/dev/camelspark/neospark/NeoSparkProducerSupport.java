package dev.camelspark.neospark;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.task.TaskIds;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the NeoSpark producers that create no task share: header overrides, calls through {@link NeoSparkClient} (the
 * key, the envelope), ids checked before they go into a path, and the task headers.
 */
abstract class NeoSparkProducerSupport extends SparkProducerSupport {

    NeoSparkProducerSupport(NeoSparkEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public NeoSparkEndpoint getEndpoint() {
        return (NeoSparkEndpoint) super.getEndpoint();
    }

    /** The endpoint's configuration with this message's override headers applied, checked. */
    NeoSparkConfiguration configurationFor(Exchange exchange) {
        return getEndpoint().configurationFor(exchange);
    }

    /** The endpoint's wire client. */
    NeoSparkClient client() {
        return getEndpoint().client();
    }

    /** Sends the call and answers the envelope's {@code data} (a JSON null when the service sent none). */
    CompletableFuture<JsonNode> call(Exchange exchange, SparkRequest request) {
        return client().send(request).thenApply(answer -> {
            setCallHeaders(exchange, answer.rateLimit(), answer.attempts());
            return client().data(answer);
        });
    }

    /** The task or upload id: the body, else header {@code CamelSparkTaskId}; checked before it goes into a path. */
    String requiredId(Exchange exchange, String what) {
        return TaskIds.fromMessage(exchange.getMessage(), provider(), what);
    }

    /** The headers every task answer sets; the body is the task itself. */
    static void setTaskHeaders(Message message, NeoSparkTask task) {
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
    }
}
