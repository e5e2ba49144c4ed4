package dev.camelspark.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.http.RateLimitInfo;
import dev.camelspark.support.observe.SparkObservation;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The headers every answered call sets: the rate-limit state and the attempt count, and the token counts of an
 * OpenAI-style {@code usage} object. Public so that code beside a producer (an endpoint, an answer reader) sets them
 * as the producers do.
 */
public final class SparkCallHeaders {

    private SparkCallHeaders() {
    }

    /** Surfaces the rate-limit state and the attempt count of a call. */
    public static void setCallHeaders(Exchange exchange, RateLimitInfo rateLimit, int attempts) {
        Message message = exchange.getMessage();
        message.setHeader(SparkConstants.ATTEMPTS, attempts);
        if (rateLimit != null) {
            if (rateLimit.remaining() != null) {
                message.setHeader(SparkConstants.RATE_LIMIT_REMAINING, rateLimit.remaining());
            }
            if (rateLimit.reset() != null) {
                message.setHeader(SparkConstants.RATE_LIMIT_RESET, rateLimit.reset().getEpochSecond());
            }
        }
    }

    /** Sets the token headers from an OpenAI-style {@code usage} object, when there is one. */
    public static void setUsageHeaders(Exchange exchange, JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return;
        }
        Message message = exchange.getMessage();
        SparkObservation.tokens(exchange, usage.hasNonNull("prompt_tokens") ? usage.get("prompt_tokens").asInt() : null,
                usage.hasNonNull("completion_tokens") ? usage.get("completion_tokens").asInt() : null);
        if (usage.hasNonNull("prompt_tokens")) {
            message.setHeader(SparkConstants.PROMPT_TOKENS, usage.get("prompt_tokens").asInt());
        }
        if (usage.hasNonNull("completion_tokens")) {
            message.setHeader(SparkConstants.COMPLETION_TOKENS, usage.get("completion_tokens").asInt());
        }
        if (usage.hasNonNull("total_tokens")) {
            message.setHeader(SparkConstants.TOTAL_TOKENS, usage.get("total_tokens").asInt());
        }
    }
}
