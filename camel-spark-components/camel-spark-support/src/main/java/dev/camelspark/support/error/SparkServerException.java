package dev.camelspark.support.error;

import java.time.Instant;

/** The provider failed (HTTP 5xx, or a stream that broke off). */
public class SparkServerException extends SparkApiException {

    public SparkServerException(String provider, int httpStatus, String providerCode, String providerMessage) {
        super(provider, httpStatus, providerCode, providerMessage);
    }

    public SparkServerException(String provider, int httpStatus, String providerCode, String providerMessage,
                                Long retryAfterMillis, Instant rateLimitReset, Throwable cause) {
        super(provider, httpStatus, providerCode, providerMessage, retryAfterMillis, rateLimitReset, cause);
    }

    @Override
    public AiErrorCategory getCategory() {
        return AiErrorCategory.SERVER_ERROR;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
