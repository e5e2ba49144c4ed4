package dev.camelspark.support.testcomponent;

import dev.camelspark.support.SparkChecks;
import dev.camelspark.support.SparkMediaConfiguration;

/** A component configuration with a few options of the kinds real components have. */
public class TestSparkConfiguration extends SparkMediaConfiguration {

    private String baseUrl = "http://localhost:1/api";
    private Double temperature;
    private Integer maxTokens;
    private String system;
    private boolean lenient;

    @Override
    public void validate(String provider) {
        super.validate(provider);
        SparkChecks.of(provider)
                .range("temperature", temperature, 0, 2)
                .range("maxTokens", maxTokens, 1, 4096);
    }

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    @Override
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Double getTemperature() {
        return temperature;
    }

    public void setTemperature(Double temperature) {
        this.temperature = temperature;
    }

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public String getSystem() {
        return system;
    }

    public void setSystem(String system) {
        this.system = system;
    }

    public boolean isLenient() {
        return lenient;
    }

    public void setLenient(boolean lenient) {
        this.lenient = lenient;
    }
}
