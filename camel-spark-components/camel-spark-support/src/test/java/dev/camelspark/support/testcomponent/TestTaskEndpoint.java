package dev.camelspark.support.testcomponent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.task.SparkTaskComponentSupport;
import dev.camelspark.support.task.SparkTaskConsumer;
import dev.camelspark.support.task.SparkTaskEndpointSupport;
import dev.camelspark.support.task.SparkTaskStatusProducer;
import dev.camelspark.support.task.SparkTaskSubmitProducer;
import dev.camelspark.support.task.TaskProvider;
import dev.camelspark.support.task.TaskDelivery;
import dev.camelspark.support.task.TaskSnapshot;
import dev.camelspark.support.task.TaskState;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;

/** {@code testtasks:generate}, {@code submit}, {@code status} and {@code from("testtasks:tasks")}. */
public class TestTaskEndpoint extends SparkTaskEndpointSupport<TestTaskConfiguration> {

    private final String operation;
    private final TestTaskConfiguration configuration;

    TestTaskEndpoint(String uri, SparkTaskComponentSupport component, String operation,
                     TestTaskConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public TestTaskConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public Producer createProducer() {
        return switch (operation) {
            case "generate" -> new SparkTaskSubmitProducer<>(this, "generate", TaskDelivery.EXCHANGE);
            case "submit" -> new SparkTaskSubmitProducer<>(this, "generate", TaskDelivery.CONSUMER);
            case "status" -> new SparkTaskStatusProducer<>(this, "generate");
            default -> throw new IllegalArgumentException("unknown operation " + operation);
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SparkTaskConsumer<TestTaskConfiguration> consumer = new SparkTaskConsumer<>(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected TaskProvider<TestTaskConfiguration> createTasks() {
        return new TestTasks(this);
    }

    /** The test API's task object in shared terms: done, failed, cancelled are final; anything else is running. */
    static TaskSnapshot snapshot(JsonNode task) {
        String status = task.path("status").asText();
        TaskState state = switch (status) {
            case "done" -> TaskState.COMPLETED;
            case "failed" -> TaskState.FAILED;
            case "cancelled" -> TaskState.CANCELLED;
            default -> TaskState.RUNNING;
        };
        JsonNode error = task.path("error");
        return new TaskSnapshot(task.path("id").asText(), status, state,
                TaskSnapshot.progress(task.has("progress") ? task.get("progress").asDouble() * 100 : null),
                task.hasNonNull("url") ? List.of(task.get("url").asText()) : List.of(),
                task.hasNonNull("cost") ? new BigDecimal(task.get("cost").asText()) : null,
                error.path("code").asText(null), error.path("message").asText(null),
                Map.of("CamelTestTaskPrompt", "x"), task);
    }

    // URI options, bound by reflection (the real components have generated configurers)

    public void setBaseUrl(String baseUrl) {
        configuration.setBaseUrl(baseUrl);
    }

    public void setPollInterval(long v) {
        configuration.setPollInterval(v);
    }

    public void setMaxPollInterval(long v) {
        configuration.setMaxPollInterval(v);
    }

    public void setPollTimeout(long v) {
        configuration.setPollTimeout(v);
    }

    public void setTaskGroup(String v) {
        configuration.setTaskGroup(v);
    }

    public void setTaskStore(Object v) {
        configuration.setTaskStore(v);
    }

    public void setTaskStoreDirectory(String v) {
        configuration.setTaskStoreDirectory(v);
    }

    public void setDownload(boolean v) {
        configuration.setDownload(v);
    }

    public void setCorrelationHeaders(String v) {
        configuration.setCorrelationHeaders(v);
    }

    public void setOnUnknownOutcome(String v) {
        configuration.setOnUnknownOutcome(v);
    }
}
