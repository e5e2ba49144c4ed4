package dev.camelspark.sparkstream;

import dev.camelspark.support.SparkConstants;
import org.apache.camel.spi.Metadata;

/**
 * Headers of the {@code sparkstream:} component. The shared {@code CamelSpark*} result headers are inherited; the
 * {@code CamelSparkStream<Option>} headers override the endpoint option of the same name for one message.
 * <p>
 * With {@code stream=true} the answer has not arrived when the message leaves the producer: the headers only the end
 * of the stream tells ({@link #RESPONSE_ID}, {@link #FINISH_REASON}, the token headers and {@code CamelSparkCost}) are
 * set on the message when the route has read the stream to its end (after the {@code split}, or
 * {@code convertBodyTo(String.class)}).
 */
public final class SparkStreamConstants extends SparkConstants {

    public static final String HEADER_PREFIX = "CamelSparkStream";

    @Metadata(description = "Overrides option model.", javaType = "String", enums = "spark-1,spark-turbo,spark-pro")
    public static final String OVERRIDE_MODEL = "CamelSparkStreamModel";
    @Metadata(description = "Overrides option maxTokens (1 to the model's limit).", javaType = "Integer")
    public static final String OVERRIDE_MAX_TOKENS = "CamelSparkStreamMaxTokens";
    @Metadata(description = "Overrides option temperature (0.0-2.0).", javaType = "Double")
    public static final String OVERRIDE_TEMPERATURE = "CamelSparkStreamTemperature";
    @Metadata(description = "Overrides option systemMessage.", javaType = "String")
    public static final String OVERRIDE_SYSTEM_MESSAGE = "CamelSparkStreamSystemMessage";
    @Metadata(description = "Overrides option stream.", javaType = "Boolean")
    public static final String OVERRIDE_STREAM = "CamelSparkStreamStream";

    @Metadata(description = "The id of the completion (chat-...); for a stream, set when it has been read to its end.",
              javaType = "String")
    public static final String RESPONSE_ID = "CamelSparkStreamResponseId";
    @Metadata(description = "Why the answer ended: stop, or length when maxTokens cut it; for a stream, set when it has been read to its end.",
              javaType = "String")
    public static final String FINISH_REASON = "CamelSparkStreamFinishReason";

    private SparkStreamConstants() {
    }
}
