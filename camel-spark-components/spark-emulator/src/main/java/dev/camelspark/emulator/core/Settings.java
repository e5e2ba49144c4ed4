package dev.camelspark.emulator.core;

import java.time.Duration;

/**
 * Settings the control API reads and changes as JSON (the fields annotated {@code @JsonProperty}): the emulator's
 * global ones and each provider's. A PUT is applied to a copy first and checked with {@link #validate()}, so a bad
 * value changes nothing.
 */
public interface Settings {

    /** Checks values set through the control API, where the fluent setters' checks do not run. */
    void validate();

    /** The duration, when it is zero or positive. */
    static Duration nonNegative(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive, got " + d);
        }
        return d;
    }
}
