package dev.camelspark.sparkgpt;

import java.util.List;

import dev.camelspark.support.SparkChecks;
import dev.camelspark.support.SparkConfiguration;
import dev.camelspark.support.SparkOperationOptions;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of the {@code sparkgpt:} component: the SparkGPT parameters, plus the shared ones. */
@Configurer
@UriParams
public class SparkGptConfiguration extends SparkConfiguration {

    public static final String DEFAULT_BASE_URL = "https://sparkgpt.ai";
    /** Which options mean something for which operation: the others are refused on that endpoint. */
    public static final SparkOperationOptions OPERATION_OPTIONS = SparkOperationOptions.of("sparkgpt")
            .only(List.of("chat"), List.of("stream", "lenientStream"))
            .nowhere(SparkOperationOptions.SCHEDULED_POLL)
            .build();

    @UriParam(label = "producer", defaultValue = DEFAULT_BASE_URL,
              description = "The API's base URL (the path structure below it is kept). Point it at spark-emulator for tests.")
    private String baseUrl = DEFAULT_BASE_URL;
    // not "required" in the metadata: the component's modelId (camel.component.sparkgpt.model-id) can supply it, and
    // tooling would flag sparkgpt:chat without it; validate() refuses to start when neither sets it
    @UriParam(label = "producer", description = "The id of your trained model (the API's model_id), a positive integer. Required: set it on the endpoint or on the component.")
    private Integer modelId;
    @UriParam(label = "producer,chat", defaultValue = "false",
              description = "Stream the answer (/api/askoutsideStream): the body is then an Iterator of String deltas (also Closeable) delivered as they arrive; use .split(body()).streaming(), or convertBodyTo(String.class) for the whole text.")
    private boolean stream;
    @UriParam(label = "producer,chat", defaultValue = "false",
              description = "Accept a stream that ends without its closing DONE event instead of failing it as truncated.")
    private boolean lenientStream;

    /** Checks every option (both operations need the model), naming option, value and what is allowed. */
    @Override
    public void validate(String provider) {
        super.validate(provider);
        SparkChecks.of(provider)
                .that(modelId != null, "modelId", "(not set)", "the id of your trained model, a positive integer (required)")
                .atLeast("modelId", modelId, 1);
    }

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    @Override
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Integer getModelId() {
        return modelId;
    }

    @Override
    public String requestModel(String operation) {
        return modelId == null ? null : String.valueOf(modelId);
    }

    public void setModelId(Integer modelId) {
        this.modelId = modelId;
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
