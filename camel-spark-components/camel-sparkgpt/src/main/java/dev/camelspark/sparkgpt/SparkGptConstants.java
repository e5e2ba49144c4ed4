package dev.camelspark.sparkgpt;

import dev.camelspark.support.SparkConstants;
import org.apache.camel.spi.Metadata;

/**
 * Headers of the {@code sparkgpt:} component. The shared {@code CamelSpark*} result headers are inherited
 * ({@code CamelSparkModel} holds the model id); the {@code CamelSparkGpt*} override headers below replace the endpoint
 * option of the same name for one message.
 */
public final class SparkGptConstants extends SparkConstants {

    public static final String HEADER_PREFIX = "CamelSparkGpt";

    @Metadata(description = "Overrides option modelId (a positive integer).", javaType = "Integer")
    public static final String OVERRIDE_MODEL_ID = "CamelSparkGptModelId";
    @Metadata(description = "Overrides option stream (chat).", javaType = "Boolean")
    public static final String OVERRIDE_STREAM = "CamelSparkGptStream";
    @Metadata(description = "Requests the key may make per day (X-RateLimit-Limit); CamelSparkRateLimitRemaining says how many are left today.",
              javaType = "Long")
    public static final String RATE_LIMIT_LIMIT = "CamelSparkGptRateLimitLimit";

    private SparkGptConstants() {
    }
}
