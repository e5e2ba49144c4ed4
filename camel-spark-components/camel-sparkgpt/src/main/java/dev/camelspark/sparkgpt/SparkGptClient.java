package dev.camelspark.sparkgpt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkCalls;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;

/**
 * SparkGPT on the wire: its three paths, a JSON POST with the key as a bearer token, the chat call (whole or
 * streamed) and the training data. Built once per endpoint with the endpoint's resolved key, base URL, timeouts and
 * limits, none of which a header can override.
 */
final class SparkGptClient {

    static final String ASK = "/api/askoutside";
    static final String ASK_STREAM = "/api/askoutsideStream";
    static final String MODEL_TRAIN = "/api/getModelTrain";

    private final SparkCalls calls;
    private final SparkGptConfiguration config;
    private final String apiKey;

    SparkGptClient(SparkCalls calls, SparkGptConfiguration config, String apiKey) {
        this.calls = calls;
        this.config = config;
        this.apiKey = apiKey;
    }

    /** The chat call of {@code message} to model {@code modelId}; streamed, it answers with an event stream. */
    SparkRequest ask(Integer modelId, String message, boolean stream) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model_id", modelId);
        body.put("user", message);
        if (stream) {
            body.put("stream", true);
        }
        return post(stream ? ASK_STREAM : ASK, body, CallKind.CHAT, stream);
    }

    /** The training questions and answers of model {@code modelId}. */
    CompletableFuture<SparkResponse> trainingData(Integer modelId) {
        return send(post(MODEL_TRAIN, Map.of("model_id", modelId), CallKind.READ, false));
    }

    CompletableFuture<SparkResponse> send(SparkRequest request) {
        return calls.call(request);
    }

    private SparkRequest post(String path, Map<String, Object> body, CallKind kind, boolean streamed) {
        return config.withTimeouts(SparkRequest.post(config.getBaseUrl(), path).bearer(apiKey).kind(kind)
                        .json(config.withAdditionalBodyProperties(body)),
                streamed).build();
    }
}
