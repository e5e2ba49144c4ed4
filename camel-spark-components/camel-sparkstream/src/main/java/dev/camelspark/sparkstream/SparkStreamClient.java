package dev.camelspark.sparkstream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkCalls;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;

/**
 * SparkStream on the wire: the OpenAI-style {@code /v1/chat} with the key as a bearer token, answered whole or as an
 * event stream. Built once per endpoint with the endpoint's resolved key, base URL, timeouts and limits, none of
 * which a header can override.
 */
final class SparkStreamClient {

    static final String CHAT = "/v1/chat";

    private final SparkCalls calls;
    private final SparkStreamConfiguration config;
    private final String apiKey;

    SparkStreamClient(SparkCalls calls, SparkStreamConfiguration config, String apiKey) {
        this.calls = calls;
        this.config = config;
        this.apiKey = apiKey;
    }

    /** The chat call; {@code stream} is always sent, since the API's default may change before it goes live. */
    SparkRequest chat(String model, List<ChatMessage> messages, Integer maxTokens, Double temperature, boolean stream) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", messages);
        if (maxTokens != null) {
            body.put("max_tokens", maxTokens);
        }
        if (temperature != null) {
            body.put("temperature", temperature);
        }
        body.put("stream", stream);
        return config.withTimeouts(SparkRequest.post(config.getBaseUrl(), CHAT).bearer(apiKey).kind(CallKind.CHAT)
                .json(config.withAdditionalBodyProperties(body)), stream).build();
    }

    CompletableFuture<SparkResponse> send(SparkRequest request) {
        return calls.call(request);
    }
}
