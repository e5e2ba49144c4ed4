package dev.camelspark.sparkstream;

import dev.camelspark.support.SparkChecks;
import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.SparkOperationOptions;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of the {@code sparkstream:} component: every parameter of {@code POST /v1/chat}, plus the shared ones. */
@Configurer
@UriParams
public class SparkStreamConfiguration extends SparkConfiguration {

    /** Announced, not yet live: spark-emulator is the only implementation today. */
    public static final String DEFAULT_BASE_URL = "https://api.sparkaistream.com";
    /** One operation, chat, takes every option; the scheduled-poll options apply to none (there is no consumer). */
    public static final SparkOperationOptions OPERATION_OPTIONS = SparkOperationOptions.of("sparkstream")
            .nowhere(SparkOperationOptions.SCHEDULED_POLL)
            .build();

    @UriParam(label = "producer", defaultValue = DEFAULT_BASE_URL,
              description = "The API's base URL (the path structure below it is kept). The service is announced but not yet live: point it at spark-emulator.")
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "producer", defaultValue = "spark-1", enums = "spark-1,spark-turbo,spark-pro",
              description = "The model: spark-1 (balanced, 4096 tokens), spark-turbo (fast, 4096) or spark-pro (reasoning, 8192).")
    private String model = SparkStreamModel.SPARK_1.apiName();
    @UriParam(label = "producer",
              description = "The most tokens the answer may have, from 1 to the model's limit (4096, or 8192 for spark-pro); the service's default when unset.")
    private Integer maxTokens;
    @UriParam(label = "producer", description = "Randomness of the answer, 0.0 to 2.0.")
    private Double temperature;
    @UriParam(label = "producer", description = "A system message, sent first, before the body's messages.")
    private String systemMessage;
    @UriParam(label = "producer", defaultValue = "false",
              description = "Stream the answer: the body is then an Iterator of String deltas (also Closeable) delivered as they arrive; use .split(body()).streaming(), or convertBodyTo(String.class) for the whole text. The headers only the end of a stream tells (finish reason, usage, cost) are set when the stream has been read to its end.")
    private boolean stream;
    @UriParam(label = "producer", defaultValue = "false",
              description = "Accept a stream that ends without its closing DONE event instead of failing it as truncated.")
    private boolean lenientStream;

    /** Checks every option, naming option, value and what is allowed; the token limit depends on the model. */
    @Override
    public void validate(String provider) {
        super.validate(provider);
        SparkChecks checks = SparkChecks.of(provider).notBlank("model", model).oneOf("model", model, SparkStreamModel.NAMES);
        int limit = SparkStreamModel.of(model).maxTokens();
        checks.that(maxTokens == null || maxTokens >= 1 && maxTokens <= limit, "maxTokens", maxTokens,
                "from 1 to " + limit + " for model " + model)
                .range("temperature", temperature, 0.0, 2.0);
    }

    /** The model as a table entry (validated, so never {@code null}). */
    public SparkStreamModel modelEntry() {
        return SparkStreamModel.of(model);
    }

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    @Override
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getModel() {
        return model;
    }

    @Override
    public String requestModel(String operation) {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public Double getTemperature() {
        return temperature;
    }

    public void setTemperature(Double temperature) {
        this.temperature = temperature;
    }

    public String getSystemMessage() {
        return systemMessage;
    }

    public void setSystemMessage(String systemMessage) {
        this.systemMessage = systemMessage;
    }

    public boolean isStream() {
        return stream;
    }

    public void setStream(boolean stream) {
        this.stream = stream;
    }

    public boolean isLenientStream() {
        return lenientStream;
    }

    public void setLenientStream(boolean lenientStream) {
        this.lenientStream = lenientStream;
    }
}
