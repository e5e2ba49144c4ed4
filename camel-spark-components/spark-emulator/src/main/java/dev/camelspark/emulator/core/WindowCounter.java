package dev.camelspark.emulator.core;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts usage per key in fixed windows aligned on the epoch (whole hours, minutes, UTC days), read from the emulator
 * clock: advancing the clock by one window always starts a fresh one. Used for requests and for tokens.
 */
public final class WindowCounter {

    /** The outcome of one attempt: whether it was allowed, and what to put in rate-limit headers. */
    public record Usage(boolean allowed, long limit, long remaining, Instant resetAt) {

        /**
         * Seconds until the window resets, rounded up and at least 1: the value for {@code Retry-After}. Rounded from
         * the exact time, not from whole milliseconds, so that waiting that long always lands in the next window.
         */
        public long retryAfterSeconds(Instant now) {
            Duration left = Duration.between(now, resetAt);
            return Math.max(1, left.getSeconds() + (left.getNano() > 0 ? 1 : 0));
        }
    }

    private static final class Window {
        long start;
        long used;
    }

    private final InstantSource clock;
    private final long windowMillis;
    private final Map<String, Window> windows = new HashMap<>();

    public WindowCounter(InstantSource clock, Duration window) {
        this.clock = clock;
        this.windowMillis = window.toMillis();
    }

    /** Adds {@code cost} to the key's window if it stays within {@code limit}; otherwise adds nothing. */
    public synchronized Usage tryAcquire(String key, long cost, long limit) {
        Window w = current(key);
        boolean allowed = w.used + cost <= limit;
        if (allowed) {
            w.used += cost;
        }
        return usage(w, allowed, limit);
    }

    /** The key's usage without adding anything. */
    public synchronized Usage peek(String key, long limit) {
        Window w = current(key);
        return usage(w, w.used < limit, limit);
    }

    public synchronized void clear() {
        windows.clear();
    }

    private Window current(String key) {
        long now = clock.instant().toEpochMilli();
        long start = now - Math.floorMod(now, windowMillis);
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w.start < start);
        }
        Window w = windows.computeIfAbsent(key, k -> new Window());
        if (w.start != start) {
            w.start = start;
            w.used = 0;
        }
        return w;
    }

    private Usage usage(Window w, boolean allowed, long limit) {
        return new Usage(allowed, limit, Math.max(0, limit - w.used), Instant.ofEpochMilli(w.start + windowMillis));
    }
}
