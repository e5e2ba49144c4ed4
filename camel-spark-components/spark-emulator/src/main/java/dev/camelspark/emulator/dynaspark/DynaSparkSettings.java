package dev.camelspark.emulator.dynaspark;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.camelspark.emulator.core.ProviderSettings;

/** DynaSpark switches: the hourly rate limit, how long image URLs live, the model named when none is asked. */
public class DynaSparkSettings extends ProviderSettings {

    @JsonProperty
    private volatile int requestsPerHour = 100;
    @JsonProperty
    private volatile long imageTtlSeconds = Duration.ofHours(24).toSeconds();
    @JsonProperty
    private volatile String defaultTextModel = "default";

    @Override
    public void validate() {
        super.validate();
        positive(requestsPerHour, "requestsPerHour");
        if (imageTtlSeconds < 0 || defaultTextModel == null) {
            throw new IllegalArgumentException("imageTtlSeconds must be >= 0 and defaultTextModel set");
        }
    }

    /** Requests per hour per key (or per client address without a key); the vendor's free tier has 100. */
    public int requestsPerHour() {
        return requestsPerHour;
    }

    public DynaSparkSettings requestsPerHour(int limit) {
        this.requestsPerHour = positive(limit, "requestsPerHour");
        return this;
    }

    /** How long a generated image URL serves the image, on the emulator clock (24 hours). */
    public Duration imageTtl() {
        return Duration.ofSeconds(imageTtlSeconds);
    }

    public DynaSparkSettings imageTtl(Duration ttl) {
        this.imageTtlSeconds = require(ttl, "imageTtl").toSeconds();
        return this;
    }

    /** The {@code model} answered for text when the request names none. */
    public String defaultTextModel() {
        return defaultTextModel;
    }

    public DynaSparkSettings defaultTextModel(String model) {
        this.defaultTextModel = require(model, "defaultTextModel");
        return this;
    }
}
