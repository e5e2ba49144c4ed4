package dev.camelspark.support.error;

import org.apache.camel.Exchange;

/**
 * Exchange properties that Camel's AI components set on failure. Camel 4.18 has no shared constant for them yet
 * (it arrives in a later release as {@code GenAiErrorProperties}), so the names are spelled out here, identical.
 */
public final class SparkErrorProperties {

    /** The {@link AiErrorCategory} name of the failure. */
    public static final String ERROR_CATEGORY = "CamelAiErrorCategory";
    /** How long the provider asked to wait before trying again, in milliseconds, when it said so. */
    public static final String RETRY_AFTER_MILLIS = "CamelAiRetryAfterMillis";

    private SparkErrorProperties() {
    }

    /** Sets the exception on the exchange together with the two AI error properties. */
    public static void fail(Exchange exchange, Throwable failure) {
        Throwable cause = SparkApiException.unwrap(failure);
        if (cause instanceof SparkApiException spark) {
            exchange.setProperty(ERROR_CATEGORY, spark.getCategory().name());
            if (spark.getRetryAfterMillis() != null) {
                exchange.setProperty(RETRY_AFTER_MILLIS, spark.getRetryAfterMillis());
            }
        } else {
            exchange.setProperty(ERROR_CATEGORY, AiErrorCategory.UNKNOWN.name());
        }
        exchange.setException(cause);
    }
}
