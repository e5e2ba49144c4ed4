package dev.camelspark.sparkgpt;

import static dev.camelspark.support.SparkCallHeaders.setCallHeaders;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import org.apache.camel.Exchange;

/**
 * {@code sparkgpt:chat}: the message in, the trained model's answer out; with {@code stream=true} a stream of deltas
 * from {@code /api/askoutsideStream} (which carries no id, model, finish reason or usage).
 */
class SparkGptChatProducer extends SparkProducerSupport {

    private final SparkGptEndpoint endpoint;

    SparkGptChatProducer(SparkGptEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        SparkGptConfiguration config = endpoint.configurationFor(exchange);
        String message = requiredText(exchange, "message");
        SparkRequest request = endpoint.client().ask(config.getModelId(), message, config.isStream());
        if (config.isStream()) {
            return openEventStream(exchange, request, endpoint.calls().policy(), config, config.isLenientStream())
                    .thenAccept(stream -> SparkGptEndpoint.setModelHeaders(exchange, config, stream.getRateLimit()));
        }
        return endpoint.client().send(request).thenAccept(answer -> readAnswer(exchange, config, answer));
    }

    /** {@code {"message": {"role": "assistant", "content": "..."}}}: the content is the body. */
    private void readAnswer(Exchange exchange, SparkGptConfiguration config, SparkResponse answer) {
        JsonNode content = answer.json() == null ? null : answer.json().path("message").path("content");
        if (content == null || !content.isTextual()) {
            throw unexpectedAnswer(answer, "{\"message\": {\"content\": ...}}");
        }
        exchange.getMessage().setBody(content.asText());
        setCallHeaders(exchange, answer.rateLimit(), answer.attempts());
        SparkGptEndpoint.setModelHeaders(exchange, config, answer.rateLimit());
    }
}
