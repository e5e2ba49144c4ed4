package dev.camelspark.support.testcomponent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dev.camelspark.support.SparkTaskConfiguration;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.task.SparkTaskProducerSupport;
import dev.camelspark.support.task.TaskCreation;
import dev.camelspark.support.task.TaskDelivery;
import dev.camelspark.support.task.TaskSnapshot;
import org.apache.camel.Exchange;

/** POST {baseUrl}/tasks with the prompt. */
class TestTaskProducer extends SparkTaskProducerSupport {

    TestTaskProducer(TestTaskEndpoint endpoint, TaskDelivery delivery) {
        super(endpoint, delivery);
    }

    @Override
    protected SparkTaskConfiguration configurationFor(Exchange exchange) {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected TaskCreation prepare(Exchange exchange, SparkTaskConfiguration config) {
        String prompt = requiredText(exchange, "prompt");
        Map<String, Object> body = Map.of("prompt", prompt);
        String key = getEndpoint().resolveApiKey(config);
        SparkRequest request = SparkRequest.post(config.getBaseUrl(), "/tasks").bearer(key).json(body)
                .kind(CallKind.PAID_CREATE).readTimeout(Duration.ofSeconds(10)).build();
        return new TaskCreation("generate", request, new String(SparkJson.write(body), StandardCharsets.UTF_8));
    }

    @Override
    protected TaskSnapshot readCreated(SparkResponse response) {
        return TestTaskEndpoint.snapshot(response.json());
    }
}
