package dev.camelspark.sparkstream;

import static dev.camelspark.support.SparkCallHeaders.setCallHeaders;
import static dev.camelspark.support.SparkCallHeaders.setUsageHeaders;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.sse.SparkEventStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code sparkstream:chat}: a message or a conversation in, the assistant's answer out, with its id, finish reason,
 * token usage and cost in headers. With {@code stream=true} the body is the stream of deltas, and those headers are
 * set when the route has read it to its end (the last chunk carries the finish reason and the usage).
 */
class SparkStreamChatProducer extends SparkProducerSupport {

    SparkStreamChatProducer(SparkStreamEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SparkStreamEndpoint getEndpoint() {
        return (SparkStreamEndpoint) super.getEndpoint();
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        SparkStreamConfiguration config = getEndpoint().withOverrides(exchange, getEndpoint().getConfiguration());
        List<ChatMessage> messages = ChatMessages.of(provider(), exchange.getMessage(), config.getSystemMessage());
        SparkStreamClient client = getEndpoint().client();
        SparkRequest request = client.chat(config.getModel(), messages, config.getMaxTokens(), config.getTemperature(),
                config.isStream());
        if (config.isStream()) {
            return openEventStream(exchange, request, getEndpoint().calls().policy(), config, config.isLenientStream())
                    .thenAccept(stream -> {
                        exchange.getMessage().setHeader(SparkConstants.MODEL, config.getModel());
                        stream.whenComplete(ended -> setStreamEndHeaders(exchange, config, ended));
                    });
        }
        return client.send(request).thenAccept(answer -> readCompletion(exchange, config, answer));
    }

    /** A {@code chat.completion}: the message's content is the body, the rest goes to headers. */
    private void readCompletion(Exchange exchange, SparkStreamConfiguration config, SparkResponse answer) {
        JsonNode json = answer.json();
        JsonNode choice = json == null ? null : json.path("choices").path(0);
        JsonNode content = choice == null ? null : choice.path("message").path("content");
        if (content == null || !content.isTextual()) {
            throw unexpectedAnswer(answer, "a chat.completion with choices[0].message.content");
        }
        Message message = exchange.getMessage();
        message.setBody(content.asText());
        setCallHeaders(exchange, answer.rateLimit(), answer.attempts());
        setResultHeaders(exchange, config, SparkJson.text(json, "id"), SparkJson.text(json, "model"),
                SparkJson.text(choice, "finish_reason"), json.get("usage"));
    }

    private void setStreamEndHeaders(Exchange exchange, SparkStreamConfiguration config, SparkEventStream stream) {
        setResultHeaders(exchange, config, stream.getId(), stream.getModel(), stream.getFinishReason(),
                stream.getUsage());
    }

    /** Id, model, finish reason, tokens, and the cost from the published price of the model that answered. */
    private static void setResultHeaders(Exchange exchange, SparkStreamConfiguration config, String id, String model,
                                         String finishReason, JsonNode usage) {
        Message message = exchange.getMessage();
        String answeredBy = model != null ? model : config.getModel();
        message.setHeader(SparkConstants.MODEL, answeredBy);
        if (id != null) {
            message.setHeader(SparkStreamConstants.RESPONSE_ID, id);
        }
        if (finishReason != null) {
            message.setHeader(SparkStreamConstants.FINISH_REASON, finishReason);
        }
        setUsageHeaders(exchange, usage);
        SparkStreamModel priced = SparkStreamModel.of(answeredBy);
        if (priced != null && usage != null && usage.path("total_tokens").canConvertToLong()) {
            message.setHeader(SparkConstants.COST, priced.cost(usage.path("total_tokens").asLong()));
        }
    }
}
