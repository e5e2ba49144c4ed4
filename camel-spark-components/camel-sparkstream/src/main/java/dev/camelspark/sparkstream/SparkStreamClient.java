package dev.camelspark.sparkstream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.CallPolicy;
import dev.camelspark.support.http.SparkApiClient;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;

/**
 * SparkStream on the wire: the OpenAI-style {@code /v1/chat} with the key as a bearer token, answered whole or as an
 * event stream. Built once per endpoint with the endpoint's resolved key, base URL, timeouts and limits, none of
 * which a header can override.
 */
final class SparkStreamClient {

    static final String CHAT = "/v1/chat";

    private final Supplier<SparkApiClient> http;
    private final SparkStreamConfiguration config;
    private final String apiKey;
    private final CallPolicy policy;

    /** @param http the component's client, looked up per call: it is renewed when the component restarts */
    SparkStreamClient(Supplier<SparkApiClient> http, SparkStreamConfiguration config, String apiKey) {
        this.http = http;
        this.config = config;
        this.apiKey = apiKey;
        this.policy = config.callPolicy(apiKey);
    }

    /** The retry and limit settings of every call of this client. */
    CallPolicy policy() {
        return policy;
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
        return http.get().call(request, policy);
    }
}
