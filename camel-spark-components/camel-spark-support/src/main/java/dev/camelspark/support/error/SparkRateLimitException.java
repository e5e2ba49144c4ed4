package dev.camelspark.support.error;

import java.time.Instant;

/** The provider (HTTP 429) or the client-side limiter refused the call; the reset time says when to try again. */
public class SparkRateLimitException extends SparkApiException {

    public SparkRateLimitException(String provider, int httpStatus, String providerCode, String providerMessage,
                                   Long retryAfterMillis, Instant rateLimitReset) {
        super(provider, httpStatus, providerCode, providerMessage, retryAfterMillis, rateLimitReset, null);
    }

    /** With a message of its own, saying more than the provider's (why the call was not retried, say). */
    public SparkRateLimitException(String message, String provider, int httpStatus, String providerCode,
                                   String providerMessage, Long retryAfterMillis, Instant rateLimitReset) {
        super(message, provider, httpStatus, providerCode, providerMessage, retryAfterMillis, rateLimitReset, null);
    }

    @Override
    public AiErrorCategory getCategory() {
        return AiErrorCategory.RATE_LIMIT;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
