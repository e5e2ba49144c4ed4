package dev.camelspark.emulator.sparkstream;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A SparkAI Stream plan: requests and tokens allowed per minute per key. */
public record Plan(@JsonProperty("requestsPerMinute") int requestsPerMinute,
        @JsonProperty("tokensPerMinute") int tokensPerMinute) {

    public static final Plan STARTER = new Plan(30, 15_000);
    public static final Plan PRO = new Plan(90, 75_000);

    @JsonCreator
    public Plan {
        if (requestsPerMinute <= 0 || tokensPerMinute <= 0) {
            throw new IllegalArgumentException("plan limits must be positive");
        }
    }
}
