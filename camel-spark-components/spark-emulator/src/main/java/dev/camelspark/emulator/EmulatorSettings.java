package dev.camelspark.emulator;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.camelspark.emulator.core.Settings;

/**
 * Settings shared by every provider. Mutable at runtime and safe to change while requests are served: each field is
 * volatile and read once per request. A provider's own settings may override the latency and the token delay.
 */
public class EmulatorSettings implements Settings {

    @JsonProperty
    private volatile long latencyMillis;
    @JsonProperty
    private volatile long tokenDelayMillis = 15;
    @JsonProperty
    private volatile long stallCapSeconds = 300;
    @JsonProperty
    private volatile int maxLoggedBodyBytes = 16 * 1024;
    @JsonProperty
    private volatile int maxLoggedRequests = 2_000;

    /** Added before every provider answer (not the control API). */
    public Duration latency() {
        return Duration.ofMillis(latencyMillis);
    }

    public EmulatorSettings latency(Duration latency) {
        this.latencyMillis = Settings.nonNegative(latency, "latency").toMillis();
        return this;
    }

    /** Pause between two events of a streamed answer. */
    public Duration tokenDelay() {
        return Duration.ofMillis(tokenDelayMillis);
    }

    public EmulatorSettings tokenDelay(Duration delay) {
        this.tokenDelayMillis = Settings.nonNegative(delay, "tokenDelay").toMillis();
        return this;
    }

    /** How long a stalled stream is held open at most before the emulator closes it. */
    public Duration stallCap() {
        return Duration.ofSeconds(stallCapSeconds);
    }

    public EmulatorSettings stallCap(Duration cap) {
        this.stallCapSeconds = Math.max(1, Settings.nonNegative(cap, "stallCap").toSeconds());
        return this;
    }

    /** Request bodies longer than this are cut in the request log. */
    public int maxLoggedBodyBytes() {
        return maxLoggedBodyBytes;
    }

    public EmulatorSettings maxLoggedBodyBytes(int bytes) {
        this.maxLoggedBodyBytes = Math.max(0, bytes);
        return this;
    }

    /** The request log keeps the most recent requests only, so a long-running standalone emulator stays small. */
    public int maxLoggedRequests() {
        return maxLoggedRequests;
    }

    public EmulatorSettings maxLoggedRequests(int count) {
        this.maxLoggedRequests = Math.max(1, count);
        return this;
    }

    @Override
    public void validate() {
        if (latencyMillis < 0 || tokenDelayMillis < 0) {
            throw new IllegalArgumentException("latencyMillis and tokenDelayMillis must be zero or positive");
        }
        if (stallCapSeconds < 1) {
            throw new IllegalArgumentException("stallCapSeconds must be at least 1");
        }
        if (maxLoggedBodyBytes < 0 || maxLoggedRequests < 1) {
            throw new IllegalArgumentException("maxLoggedBodyBytes must be >= 0 and maxLoggedRequests >= 1");
        }
    }
}
