package dev.camelspark.sparkstream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkHeaderOverrides;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.http.CallKind;
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

    static final String CHAT = "/v1/chat";

    private static final SparkHeaderOverrides OVERRIDES = SparkHeaderOverrides.of("sparkstream",
            SparkStreamConstants.HEADER_PREFIX, "model", "maxTokens", "temperature", "systemMessage", "stream");

    SparkStreamChatProducer(SparkStreamEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SparkStreamEndpoint getEndpoint() {
        return (SparkStreamEndpoint) super.getEndpoint();
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        getEndpoint().checkOverrideHeaders(exchange, OVERRIDES);
        SparkStreamConfiguration config = OVERRIDES.resolve(exchange, getEndpoint().getConfiguration(),
                getEndpoint()::validate);
        List<ChatMessage> messages = ChatMessages.of(provider(), exchange.getMessage(), config.getSystemMessage());
        String apiKey = getEndpoint().requireApiKey(config);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", config.getModel());
        body.put("messages", messages);
        if (config.getMaxTokens() != null) {
            body.put("max_tokens", config.getMaxTokens());
        }
        if (config.getTemperature() != null) {
            body.put("temperature", config.getTemperature());
        }
        body.put("stream", config.isStream()); // always sent: the API's default may change before it goes live
        SparkRequest request = withTimeouts(SparkRequest.post(config.getBaseUrl(), CHAT).bearer(apiKey)
                .kind(CallKind.CHAT).json(config.withAdditionalBodyProperties(body)), config, config.isStream()).build();

        if (config.isStream()) {
            return openEventStream(exchange, request, config.callPolicy(apiKey), config, config.isLenientStream())
                    .thenAccept(stream -> {
                        exchange.getMessage().setHeader(SparkConstants.MODEL, config.getModel());
                        stream.whenComplete(ended -> setStreamEndHeaders(exchange, config, ended));
                    });
        }
        return getEndpoint().getClient().call(request, config.callPolicy(apiKey))
                .thenAccept(answer -> readCompletion(exchange, config, answer));
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
