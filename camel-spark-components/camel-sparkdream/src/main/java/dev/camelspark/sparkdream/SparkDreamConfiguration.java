package dev.camelspark.sparkdream;

import java.math.BigDecimal;
import java.util.List;

import dev.camelspark.support.SparkOperationOptions;
import dev.camelspark.support.task.SparkTaskConfiguration;
import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the {@code sparkdream:} component: the parameters of Spark Dream 3.0 (the prompt is the body), plus the
 * shared ones and the task options. Values are checked as Spark Dream checks them, and a refusal carries the
 * vendor's error code (api-contracts.md §4), so a bad request never costs a call.
 */
@Configurer
@UriParams
public class SparkDreamConfiguration extends SparkTaskConfiguration {

    public static final String DEFAULT_BASE_URL = "https://cloud.vtrix.ai";
    public static final String MODEL = "spark_dream_3_0";
    static final int MIN_SIZE = 512;
    static final int MAX_SIZE = 2048;
    /**
     * Which options mean something for which operation: the others are refused on that endpoint. The generation
     * parameters go with a submission; the media options with whoever hands the image out; the polling options with
     * whoever polls the task (the submitting producer, or the tasks consumer taking over a previous run's tasks).
     */
    public static final SparkOperationOptions OPERATION_OPTIONS = SparkOperationOptions.of("sparkdream")
            .only(List.of("generate", "submit"), List.of("usePreLlm", "seed", "scale", "width", "height"))
            .only(List.of("generate", "submit"), SparkOperationOptions.TASK_SUBMISSION)
            .only(List.of("generate", "submit"), List.of("additionalBodyProperty"))
            .only(List.of("generate", "tasks"), SparkOperationOptions.MEDIA)
            .only(List.of("generate", "submit", "tasks"), SparkOperationOptions.TASK_POLLING)
            .only(List.of("generate", "submit", "tasks"), List.of("taskGroup"))
            .only(List.of("tasks"), SparkOperationOptions.SCHEDULED_POLL)
            .build();

    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URL,
              description = "The API's base URL (the Vtrix gateway; the path structure below it is kept). Point it at spark-emulator for tests.")
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "producer",
              description = "Let the service expand and optimise the prompt first (use_pre_llm): worth it for short prompts. The service's default is false.")
    private Boolean usePreLlm;
    @UriParam(label = "producer",
              description = "Random seed: -1 (random, the service's default) or a positive integer; the same seed and parameters give much the same image.")
    private Long seed;
    @UriParam(label = "producer",
              description = "How strongly the prompt steers the image, 1 to 10 (the service's default is 2.5).")
    private Double scale;
    @UriParam(label = "producer",
              description = "Image width, 512 to 2048; set with height or not at all (1328 x 1328 when unset). Aspect ratio between 1:3 and 3:1. Recommended: 1328x1328, 1472x1104, 1584x1056, 1664x936, 2016x864.")
    private Integer width;
    @UriParam(label = "producer", description = "Image height, 512 to 2048; set with width or not at all.")
    private Integer height;
    @UriParam(label = "task", defaultValue = "300000", javaType = "java.time.Duration",
              description = "The longest a task is polled; past it the exchange fails with a SparkTaskTimeoutException (the task is not cancelled: Spark Dream has no cancel).")
    private long pollTimeout = 300_000;

    /** Checks every option; the generation parameters with Spark Dream's own codes (003019004-007). */
    @Override
    public String requestModel(String operation) {
        return MODEL;
    }

    @Override
    public void validate(String provider) {
        super.validate(provider);
        if (getMaxCostPerTask() != null) {
            // a limit that cannot be checked must not look like one: refused, not silently ignored
            throw invalid(provider, "maxCostPerTask", BigDecimal.valueOf(getMaxCostPerTask()).toPlainString(),
                    "unset: Spark Dream's price of a task is only known once the task has completed (usage.cost, in"
                    + " CamelSparkCost), so no limit can be checked before it is paid for", null);
        }
        if (seed != null && seed != -1 && seed <= 0) {
            throw invalid(provider, "seed", seed, "-1 (random) or a positive integer", "003019004");
        }
        if (scale != null && (scale.isNaN() || scale < 1 || scale > 10)) {
            throw invalid(provider, "scale", scale, "from 1 to 10", "003019005");
        }
        if ((width == null) != (height == null)) {
            throw invalid(provider, width == null ? "height" : "width", width == null ? height : width,
                    "only together with " + (width == null ? "width" : "height") + " (both or neither)", "003019006");
        }
        if (width != null) {
            checkSide(provider, "width", width);
            checkSide(provider, "height", height);
            if ((long) width * height > (long) MAX_SIZE * MAX_SIZE || Math.max(width, height) > 3 * Math.min(width, height)) {
                throw invalid(provider, "width x height", width + "x" + height, "an aspect ratio between 1:3 and 3:1",
                        "003019007");
            }
        }
    }

    private static void checkSide(String provider, String option, int value) {
        if (value < MIN_SIZE || value > MAX_SIZE) {
            throw invalid(provider, option, value, "from " + MIN_SIZE + " to " + MAX_SIZE, "003019006");
        }
    }

    static SparkValidationException invalid(String provider, String option, Object value, String allowed, String code) {
        return new SparkValidationException(provider, option, value, allowed, code);
    }

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    @Override
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Boolean getUsePreLlm() {
        return usePreLlm;
    }

    public void setUsePreLlm(Boolean usePreLlm) {
        this.usePreLlm = usePreLlm;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public Double getScale() {
        return scale;
    }

    public void setScale(Double scale) {
        this.scale = scale;
    }

    public Integer getWidth() {
        return width;
    }

    public void setWidth(Integer width) {
        this.width = width;
    }

    public Integer getHeight() {
        return height;
    }

    public void setHeight(Integer height) {
        this.height = height;
    }

    @Override
    public long getPollTimeout() {
        return pollTimeout;
    }

    @Override
    public void setPollTimeout(long pollTimeout) {
        this.pollTimeout = pollTimeout;
    }
}
