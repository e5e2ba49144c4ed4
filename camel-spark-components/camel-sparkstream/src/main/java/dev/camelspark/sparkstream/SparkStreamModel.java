package dev.camelspark.sparkstream;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** The SparkAI Stream models, with their token limits and published prices. */
public enum SparkStreamModel {

    SPARK_1("spark-1", 4096, "0.0003"),
    SPARK_TURBO("spark-turbo", 4096, "0.0006"),
    SPARK_PRO("spark-pro", 8192, "0.0012");

    /** The names the API accepts, in the order of the price list. */
    public static final List<String> NAMES = Arrays.stream(values()).map(SparkStreamModel::apiName).toList();

    private final String apiName;
    private final int maxTokens;
    private final BigDecimal pricePer1kTokens;

    SparkStreamModel(String apiName, int maxTokens, String pricePer1kTokens) {
        this.apiName = apiName;
        this.maxTokens = maxTokens;
        this.pricePer1kTokens = new BigDecimal(pricePer1kTokens);
    }

    /** The model of this API name, or {@code null} for one we do not know. */
    public static SparkStreamModel of(String apiName) {
        for (SparkStreamModel model : values()) {
            if (model.apiName.equals(apiName)) {
                return model;
            }
        }
        return null;
    }

    public String apiName() {
        return apiName;
    }

    /** The most tokens an answer of this model may have ({@code max_tokens}). */
    public int maxTokens() {
        return maxTokens;
    }

    /** The published price in USD per 1,000 tokens, prompt and answer alike. */
    public BigDecimal pricePer1kTokens() {
        return pricePer1kTokens;
    }

    /** What {@code totalTokens} cost in USD, exactly: total / 1000 × price. */
    public BigDecimal cost(long totalTokens) {
        return pricePer1kTokens.multiply(BigDecimal.valueOf(totalTokens)).movePointLeft(3);
    }
}
