package dev.camelspark.support.testcomponent;

import dev.camelspark.support.task.SparkTaskConfiguration;

/** The task options with a test default for the poll timeout. */
public class TestTaskConfiguration extends SparkTaskConfiguration {

    private String baseUrl = "http://localhost:1/api";
    private long pollTimeout = 60_000;

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    @Override
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
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
