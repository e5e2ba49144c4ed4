package dev.camelspark.sparkdream;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkCalls;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.task.TaskIds;

/**
 * Spark Dream (the Vtrix gateway) on the wire: its two paths, the key as a bearer token on API calls (media on the
 * CDN get none), the create call and the status read. Built once per endpoint with the endpoint's resolved key,
 * base URL, timeouts and limits, none of which a header can override.
 */
final class SparkDreamClient {

    static final String CREATE_PATH = "/model/v1/generation";
    static final String TASK_PATH = "/model/v1/generation/task/";

    private final String provider;
    private final SparkCalls calls;
    private final SparkDreamConfiguration config;
    private final String apiKey;

    SparkDreamClient(String provider, SparkCalls calls, SparkDreamConfiguration config, String apiKey) {
        this.provider = provider;
        this.calls = calls;
        this.config = config;
        this.apiKey = apiKey;
    }

    /** The create call of {@code body}: a {@code PAID_CREATE}, never resent when its outcome is unknown. */
    SparkRequest createRequest(Map<String, Object> body) {
        return config.withTimeouts(SparkRequest.post(config.getBaseUrl(), CREATE_PATH), false)
                .bearer(apiKey)
                .json(body)
                .kind(CallKind.PAID_CREATE)
                .build();
    }

    CompletableFuture<SparkResponse> send(SparkRequest request) {
        return calls.call(request);
    }

    /** Reads a task: its task object, checked to be one. */
    CompletableFuture<JsonNode> task(String taskId) {
        SparkRequest request = config.withTimeouts(SparkRequest.get(config.getBaseUrl(),
                        TASK_PATH + TaskIds.check(provider, "task id", taskId)), false)
                .bearer(apiKey)
                .kind(CallKind.READ)
                .build();
        return send(request).thenApply(response -> {
            if (response.json() == null || !response.json().isObject()) {
                throw new SparkApiException(provider, response.status(), null,
                        "expected a task object from " + request.describe() + ", got " + response.mediaType());
            }
            return response.json();
        });
    }

    /** The key in {@code Authorization: Bearer}, for downloads from the API's own origin only. */
    Map<String, String> downloadAuthHeaders() {
        return apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    }
}
