package dev.camelspark.sparkgpt;


import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.http.RateLimitInfo;
import org.apache.camel.Exchange;

/** What the SparkGPT producers share: header overrides, the endpoint's {@link SparkGptClient}, the answer's headers. */
abstract class SparkGptProducerSupport extends SparkProducerSupport {

    SparkGptProducerSupport(SparkGptEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SparkGptEndpoint getEndpoint() {
        return (SparkGptEndpoint) super.getEndpoint();
    }

    /** The endpoint's configuration with this message's override headers applied, checked. */
    SparkGptConfiguration configurationFor(Exchange exchange) {
        return getEndpoint().withOverrides(exchange, getEndpoint().getConfiguration());
    }

    /** The endpoint's wire client. */
    SparkGptClient client() {
        return getEndpoint().client();
    }

    /** The model and the daily limit (SparkGPT limits requests per key per day), beside the call headers. */
    static void setModelHeaders(Exchange exchange, SparkGptConfiguration config, RateLimitInfo rateLimit) {
        exchange.getMessage().setHeader(SparkConstants.MODEL, String.valueOf(config.getModelId()));
        if (rateLimit != null && rateLimit.limit() != null) {
            exchange.getMessage().setHeader(SparkGptConstants.RATE_LIMIT_LIMIT, rateLimit.limit());
        }
    }
}
