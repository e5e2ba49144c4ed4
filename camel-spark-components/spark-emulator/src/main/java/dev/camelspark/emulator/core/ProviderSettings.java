package dev.camelspark.emulator.core;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What every provider's settings have: optional overrides of the global latency and token delay, and a deny-list of
 * API keys answered with 401. Subclasses add the provider's own switches, as volatile fields annotated
 * {@code @JsonProperty} so that the control API can read and update them (a PUT replaces the fields it names).
 * Collections are replaced whole, never modified in place, so readers need no lock.
 */
public abstract class ProviderSettings implements Settings {

    @JsonProperty
    private volatile Long latencyMillis;
    @JsonProperty
    private volatile Long tokenDelayMillis;
    @JsonProperty
    private volatile Set<String> deniedKeys = Set.of("invalid-key");

    /** This provider's latency, or null to use the global one. */
    public Duration latency() {
        Long v = latencyMillis;
        return v == null ? null : Duration.ofMillis(v);
    }

    public ProviderSettings latency(Duration latency) {
        this.latencyMillis = latency == null ? null : Settings.nonNegative(latency, "latency").toMillis();
        return this;
    }

    /** This provider's pause between streamed events, or null to use the global one. */
    public Duration tokenDelay() {
        Long v = tokenDelayMillis;
        return v == null ? null : Duration.ofMillis(v);
    }

    public ProviderSettings tokenDelay(Duration delay) {
        this.tokenDelayMillis = delay == null ? null : Settings.nonNegative(delay, "tokenDelay").toMillis();
        return this;
    }

    /** Keys answered with 401 (default {@code invalid-key}). */
    public Set<String> deniedKeys() {
        return deniedKeys;
    }

    public ProviderSettings deniedKeys(Collection<String> keys) {
        this.deniedKeys = Set.copyOf(keys);
        return this;
    }

    public boolean isDenied(String key) {
        return key != null && deniedKeys.contains(key);
    }

    /** Subclasses add their own checks and call this one. */
    @Override
    public void validate() {
        Long latency = latencyMillis;
        Long delay = tokenDelayMillis;
        if ((latency != null && latency < 0) || (delay != null && delay < 0)) {
            throw new IllegalArgumentException("latencyMillis and tokenDelayMillis must be zero or positive");
        }
        if (deniedKeys == null) {
            throw new IllegalArgumentException("deniedKeys must be a list (possibly empty)");
        }
    }

    protected static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    protected static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    protected static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    protected static Set<String> lowerAll(Collection<String> values) {
        return values.stream().map(ProviderSettings::lower).collect(Collectors.toUnmodifiableSet());
    }
}
