package dev.camelspark.sparkgpt;

import java.util.Map;

import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkHeaderOverrides;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.RateLimitInfo;
import dev.camelspark.support.http.SparkRequest;
import org.apache.camel.Exchange;

/** What the SparkGPT producers share: header overrides, a JSON POST with the key as Bearer, the answer's headers. */
abstract class SparkGptProducerSupport extends SparkProducerSupport {

    static final String ASK = "/api/askoutside";
    static final String ASK_STREAM = "/api/askoutsideStream";
    static final String MODEL_TRAIN = "/api/getModelTrain";

    private static final SparkHeaderOverrides OVERRIDES = SparkHeaderOverrides.of("sparkgpt",
            SparkGptConstants.HEADER_PREFIX, "modelId", "stream");

    SparkGptProducerSupport(SparkGptEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SparkGptEndpoint getEndpoint() {
        return (SparkGptEndpoint) super.getEndpoint();
    }

    /** The endpoint's configuration with this message's override headers applied, checked. */
    SparkGptConfiguration configurationFor(Exchange exchange) {
        getEndpoint().checkOverrideHeaders(exchange, OVERRIDES);
        return OVERRIDES.resolve(exchange, getEndpoint().getConfiguration(), getEndpoint()::validate);
    }

    /** A POST of {@code body} as JSON, authorised by the key. */
    static SparkRequest post(SparkGptConfiguration config, String path, String apiKey, Map<String, Object> body,
                             CallKind kind, boolean streamed) {
        return withTimeouts(SparkRequest.post(config.getBaseUrl(), path).bearer(apiKey).kind(kind)
                        .json(config.withAdditionalBodyProperties(body)),
                config, streamed).build();
    }

    /** The model and the daily limit (SparkGPT limits requests per key per day), beside the call headers. */
    static void setModelHeaders(Exchange exchange, SparkGptConfiguration config, RateLimitInfo rateLimit) {
        exchange.getMessage().setHeader(SparkConstants.MODEL, String.valueOf(config.getModelId()));
        if (rateLimit != null && rateLimit.limit() != null) {
            exchange.getMessage().setHeader(SparkGptConstants.RATE_LIMIT_LIMIT, rateLimit.limit());
        }
    }
}
