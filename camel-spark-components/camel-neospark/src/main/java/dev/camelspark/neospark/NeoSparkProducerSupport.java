package dev.camelspark.neospark;

import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.http.SparkRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the NeoSpark producers that create no task share: header overrides, calls through {@link NeoSparkApi} (the
 * key, the envelope), ids checked before they go into a path, and the task headers.
 */
abstract class NeoSparkProducerSupport extends SparkProducerSupport {

    /** Ids go into paths: only what the service's own ids are made of. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    NeoSparkProducerSupport(NeoSparkEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public NeoSparkEndpoint getEndpoint() {
        return (NeoSparkEndpoint) super.getEndpoint();
    }

    /** The endpoint's configuration with this message's override headers applied, checked. */
    NeoSparkConfiguration configurationFor(Exchange exchange) {
        return NeoSparkApi.OVERRIDES.resolve(exchange, getEndpoint().getConfiguration(), getEndpoint()::validate);
    }

    /** Sends the call and answers the envelope's {@code data} (a JSON null when the service sent none). */
    CompletableFuture<JsonNode> call(Exchange exchange, NeoSparkConfiguration config, String apiKey,
                                     SparkRequest request) {
        return getEndpoint().getClient().call(request, config.callPolicy(apiKey)).thenApply(answer -> {
            setCallHeaders(exchange, answer.rateLimit(), answer.attempts());
            return NeoSparkApi.data(answer, getEndpoint().getComponent().getClock());
        });
    }

    /** The task or upload id: the body, else header {@code CamelSparkTaskId}; checked before it goes into a path. */
    String requiredId(Exchange exchange, String what) {
        Message message = exchange.getMessage();
        String id = message.getBody(String.class);
        if (id == null || id.isBlank()) {
            id = message.getHeader(SparkConstants.TASK_ID, String.class);
        }
        if (id == null || id.isBlank() || !ID.matcher(id.strip()).matches()) {
            throw new SparkValidationException(provider(), "body (" + what + ")", id == null ? "null" : id,
                    "an id of letters, digits, '_', '-' and '.', in the body or in header " + SparkConstants.TASK_ID,
                    null);
        }
        return id.strip();
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
