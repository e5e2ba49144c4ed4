package dev.camelspark.sparkdream;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.task.TaskCreation;
import dev.camelspark.support.task.TaskError;
import dev.camelspark.support.task.TaskProvider;
import dev.camelspark.support.task.TaskRecord;
import dev.camelspark.support.task.TaskSnapshot;
import dev.camelspark.support.task.TaskState;
import org.apache.camel.Exchange;

/**
 * {@code sparkdream:generate} and {@code submit} between the exchange and {@link SparkDreamClient}: the prompt and
 * every option are checked with Spark Dream's own codes before the create call, which is sent as the vendor
 * documents it: {@code {"model": "spark_dream_3_0", "input": [{"params": {...}}]}}; task objects are read by
 * {@link SparkDreamTasks}.
 */
final class SparkDreamTaskProvider implements TaskProvider<SparkDreamConfiguration> {

    static final int MAX_PROMPT = 800;

    private final String provider;
    private final SparkDreamClient client;

    SparkDreamTaskProvider(String provider, SparkDreamClient client) {
        this.provider = provider;
        this.client = client;
    }

    @Override
    public TaskCreation prepare(Exchange exchange, String operation, SparkDreamConfiguration config) {
        String prompt = exchange.getMessage().getBody(String.class);
        if (prompt == null) {
            throw SparkDreamConfiguration.invalid(provider, "body (prompt)", "null", "a prompt of 1 to 800 characters",
                    "003019001");
        }
        if (prompt.isEmpty() || prompt.length() > MAX_PROMPT) {
            throw SparkDreamConfiguration.invalid(provider, "body (prompt)", prompt.length() + " characters",
                    "1 to 800 characters", "003019002");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("prompt", prompt);
        putIfSet(params, "use_pre_llm", config.getUsePreLlm());
        putIfSet(params, "seed", config.getSeed());
        putIfSet(params, "scale", config.getScale());
        putIfSet(params, "width", config.getWidth());
        putIfSet(params, "height", config.getHeight());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", SparkDreamConfiguration.MODEL);
        body.put("input", List.of(Map.of("params", params)));
        // extra parameters are part of what was asked, so of the task key too
        body = config.withAdditionalBodyProperties(body);
        SparkRequest request = client.createRequest(body);
        return new TaskCreation(operation, request, new String(SparkJson.write(body), StandardCharsets.UTF_8));
    }

    @Override
    public CompletableFuture<SparkResponse> create(Exchange exchange, TaskCreation creation,
                                                   SparkDreamConfiguration config) {
        return client.send(creation.request());
    }

    /** A task object; a 200 whose JSON has no task id but an error is the error it carries. */
    @Override
    public TaskSnapshot readCreated(SparkResponse response, TaskCreation creation) {
        JsonNode json = response.json();
        if (json == null || !json.isObject()) {
            throw new SparkApiException(provider, response.status(), null,
                    "expected a task object from the create call, got " + response.mediaType());
        }
        TaskSnapshot task = SparkDreamTasks.read(json);
        if (task.taskId() == null || task.taskId().isBlank()) {
            TaskError error = SparkDreamTasks.error(json.get("error"));
            throw new SparkApiException(provider, response.status(), error.code(),
                    error.message() != null ? error.message() : "the create call answered without a task id: " + json);
        }
        return task;
    }

    @Override
    public CompletableFuture<TaskSnapshot> readTask(String taskId, String operation, SparkDreamConfiguration config) {
        return client.task(taskId).thenApply(SparkDreamTasks::read);
    }

    /** A task failed with one of the vendor's validation codes was refused: a validation failure, with that code. */
    @Override
    public SparkApiException failureOf(TaskRecord record, SparkApiException standard) {
        // Set.of refuses contains(null): a failure without a code (a plain-string error) is not a validation code
        if (record.state() == TaskState.FAILED && record.errorCode() != null
            && SparkDreamTasks.VALIDATION_CODES.contains(record.errorCode())) {
            return new SparkValidationException(provider, 0, record.errorCode(),
                    "task " + record.taskId() + " refused: " + record.errorMessage());
        }
        return standard;
    }

    @Override
    public Map<String, String> downloadAuthHeaders() {
        return client.downloadAuthHeaders();
    }

    private static void putIfSet(Map<String, Object> params, String name, Object value) {
        if (value != null) {
            params.put(name, value);
        }
    }
}
