package dev.camelspark.support.testcomponent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.SparkChecks;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.task.TaskCreation;
import dev.camelspark.support.task.TaskProvider;
import dev.camelspark.support.task.TaskSnapshot;
import org.apache.camel.Exchange;

/** The test API's tasks: POST {baseUrl}/tasks with the prompt, GET {baseUrl}/tasks/{id}, the key as a bearer. */
class TestTasks implements TaskProvider<TestTaskConfiguration> {

    private final TestTaskEndpoint endpoint;

    TestTasks(TestTaskEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public TaskCreation prepare(Exchange exchange, String operation, TestTaskConfiguration config) {
        String prompt = SparkChecks.of(endpoint.providerName()).bodyText(exchange, "prompt");
        Map<String, Object> body = Map.of("prompt", prompt);
        SparkRequest request = SparkRequest.post(config.getBaseUrl(), "/tasks").bearer(endpoint.apiKey()).json(body)
                .kind(CallKind.PAID_CREATE).readTimeout(Duration.ofSeconds(10)).build();
        return new TaskCreation(operation, request, new String(SparkJson.write(body), StandardCharsets.UTF_8));
    }

    @Override
    public CompletableFuture<SparkResponse> create(Exchange exchange, TaskCreation creation,
                                                   TestTaskConfiguration config) {
        return endpoint.getClient().call(creation.request(), config.callPolicy(endpoint.apiKey()));
    }

    @Override
    public TaskSnapshot readCreated(SparkResponse response, TaskCreation creation) {
        return TestTaskEndpoint.snapshot(response.json());
    }

    @Override
    public CompletableFuture<TaskSnapshot> readTask(String taskId, String operation, TestTaskConfiguration config) {
        String key = endpoint.apiKey();
        SparkRequest request = SparkRequest.get(config.getBaseUrl(), "/tasks/" + taskId).bearer(key)
                .kind(CallKind.READ).readTimeout(Duration.ofSeconds(10)).build();
        return endpoint.getClient().call(request, config.callPolicy(key))
                .thenApply(r -> TestTaskEndpoint.snapshot(r.json()));
    }

    @Override
    public Map<String, String> downloadAuthHeaders() {
        String key = endpoint.apiKey();
        return key == null ? Map.of() : Map.of("Authorization", "Bearer " + key);
    }
}
