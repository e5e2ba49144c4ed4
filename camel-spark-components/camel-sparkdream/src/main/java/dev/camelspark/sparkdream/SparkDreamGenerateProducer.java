package dev.camelspark.sparkdream;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkHeaderOverrides;
import dev.camelspark.support.SparkTaskConfiguration;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.task.SparkTaskProducerSupport;
import dev.camelspark.support.task.TaskCreation;
import dev.camelspark.support.task.TaskDelivery;
import dev.camelspark.support.task.TaskError;
import dev.camelspark.support.task.TaskSnapshot;
import org.apache.camel.Exchange;

/**
 * {@code sparkdream:generate} (prompt in, image out, the route's thread free meanwhile) and {@code sparkdream:submit}
 * (prompt in, task id out). The prompt and every option are checked with Spark Dream's own codes before the create
 * call, which is sent as the vendor documents it: {@code {"model": "spark_dream_3_0", "input": [{"params": {...}}]}}.
 */
class SparkDreamGenerateProducer extends SparkTaskProducerSupport {

    static final int MAX_PROMPT = 800;

    private static final SparkHeaderOverrides OVERRIDES = SparkHeaderOverrides.of("sparkdream",
            SparkDreamConstants.HEADER_PREFIX, "usePreLlm", "seed", "scale", "width", "height");

    SparkDreamGenerateProducer(SparkDreamEndpoint endpoint, TaskDelivery delivery) {
        super(endpoint, delivery);
    }

    @Override
    public SparkDreamEndpoint getEndpoint() {
        return (SparkDreamEndpoint) super.getEndpoint();
    }

    @Override
    protected SparkTaskConfiguration configurationFor(Exchange exchange) {
        getEndpoint().checkOverrideHeaders(exchange, OVERRIDES);
        return OVERRIDES.resolve(exchange, getEndpoint().getConfiguration(), getEndpoint()::validate);
    }

    @Override
    protected TaskCreation prepare(Exchange exchange, SparkTaskConfiguration taskConfig) {
        SparkDreamConfiguration config = (SparkDreamConfiguration) taskConfig;
        String prompt = exchange.getMessage().getBody(String.class);
        if (prompt == null) {
            throw SparkDreamConfiguration.invalid(provider(), "body (prompt)", "null", "a prompt of 1 to 800 characters",
                    "003019001");
        }
        if (prompt.isEmpty() || prompt.length() > MAX_PROMPT) {
            throw SparkDreamConfiguration.invalid(provider(), "body (prompt)", prompt.length() + " characters",
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
        byte[] json = SparkJson.write(body);
        SparkRequest request = withTimeouts(SparkRequest.post(config.getBaseUrl(), SparkDreamEndpoint.CREATE_PATH), config,
                false)
                .bearer(getEndpoint().resolveApiKey(config))
                .json(body)
                .kind(CallKind.PAID_CREATE)
                .build();
        return new TaskCreation(SparkDreamOperation.generate.name(), request, new String(json, StandardCharsets.UTF_8));
    }

    /** A task object; a 200 whose JSON has no task id but an error is the error it carries. */
    @Override
    protected TaskSnapshot readCreated(SparkResponse response) {
        JsonNode json = response.json();
        if (json == null || !json.isObject()) {
            throw new SparkApiException(provider(), response.status(), null,
                    "expected a task object from the create call, got " + response.mediaType());
        }
        TaskSnapshot task = SparkDreamTasks.read(json);
        if (task.taskId() == null || task.taskId().isBlank()) {
            TaskError error = SparkDreamTasks.error(json.get("error"));
            throw new SparkApiException(provider(), response.status(), error.code(),
                    error.message() != null ? error.message() : "the create call answered without a task id: " + json);
        }
        return task;
    }

    private static void putIfSet(Map<String, Object> params, String name, Object value) {
        if (value != null) {
            params.put(name, value);
        }
    }
}
