package dev.camelspark.neospark;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.camelspark.support.SparkTaskConfiguration;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.task.SparkTaskProducerSupport;
import dev.camelspark.support.task.TaskDelivery;
import dev.camelspark.support.task.TaskSnapshot;
import dev.camelspark.support.task.TaskState;
import org.apache.camel.Exchange;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * What the image and video producers share on top of the task machinery: header overrides, {@code maxCostPerTask}
 * checked against the contract's price before any call, the create call (a {@code PAID_CREATE}, never resent when
 * its outcome is unknown) and the envelope of its answer.
 */
abstract class NeoSparkTaskProducer extends SparkTaskProducerSupport {

    NeoSparkTaskProducer(NeoSparkEndpoint endpoint, TaskDelivery delivery) {
        super(endpoint, delivery);
    }

    @Override
    public NeoSparkEndpoint getEndpoint() {
        return (NeoSparkEndpoint) super.getEndpoint();
    }

    @Override
    protected NeoSparkConfiguration configurationFor(Exchange exchange) {
        getEndpoint().checkOverrideHeaders(exchange, NeoSparkApi.OVERRIDES);
        return NeoSparkApi.OVERRIDES.resolve(exchange, getEndpoint().getConfiguration(), getEndpoint()::validate);
    }

    /**
     * The created task, as the envelope of the create answer tells it. That answer never carries the results, so a
     * task it already calls completed is read once more before it is handed out.
     */
    @Override
    protected TaskSnapshot readCreated(SparkResponse response) {
        var data = NeoSparkApi.object(NeoSparkApi.data(response, getEndpoint().getComponent().getClock()),
                "the created task");
        TaskSnapshot created = created(data).toSnapshot(data);
        if (created.state() == TaskState.COMPLETED && created.mediaUrls().isEmpty()) {
            return new TaskSnapshot(created.taskId(), created.status(), TaskState.RUNNING, created.progress(),
                    created.mediaUrls(), created.cost(), null, null, created.resultHeaders(), created.raw());
        }
        return created;
    }

    abstract NeoSparkTask created(com.fasterxml.jackson.databind.JsonNode data);

    /**
     * Refuses, before any call, a task whose estimated cost is above {@code maxCostPerTask}, and under that cap an
     * {@code additionalBodyProperty} replacing one of the {@code priced} fields the estimate is made from.
     */
    void checkCost(SparkTaskConfiguration config, int estimate, String formula, String... priced) {
        Double max = config.getMaxCostPerTask();
        Map<String, Object> extras = config.getAdditionalBodyProperty();
        if (max != null && extras != null) {
            for (String field : priced) {
                if (extras.containsKey(field)) {
                    throw new SparkValidationException(provider(), "additionalBodyProperty." + field,
                            extras.get(field), "a field the price is not estimated from while maxCostPerTask is set;"
                                               + " use the component's own option", null);
                }
            }
        }
        if (max != null && estimate > max) {
            throw new SparkValidationException(provider(), "estimated cost", estimate + " credits (" + formula + ")",
                    "at most " + BigDecimal.valueOf(max).stripTrailingZeros().toPlainString()
                    + " credits (maxCostPerTask)", null);
        }
    }

    /** The JSON body as sent: also the part of the task key that says what was asked. */
    static String json(Map<String, Object> body) {
        return new String(SparkJson.write(body), StandardCharsets.UTF_8);
    }

    /** A create call of {@code json} to {@code path}. */
    static SparkRequest create(NeoSparkConfiguration config, String apiKey, String path, String json) {
        return NeoSparkApi.authorised(SparkRequest.post(config.getBaseUrl(), path), config, apiKey, CallKind.PAID_CREATE)
                .entity(new StringEntity(json, ContentType.APPLICATION_JSON))
                .build();
    }

    static void putIfSet(Map<String, Object> body, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())
            && !(value instanceof java.util.Collection<?> c && c.isEmpty())) {
            body.put(name, value);
        }
    }
}
