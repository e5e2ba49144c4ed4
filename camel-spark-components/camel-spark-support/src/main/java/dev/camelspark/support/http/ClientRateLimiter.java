package dev.camelspark.support.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Client-side limits of one component, per API key: a token bucket for {@code requestsPerMinute}, a cap on calls in
 * flight for {@code maxConcurrentRequests}, and a pause until the reset time after a response said
 * {@code X-RateLimit-Remaining: 0}. Nothing here blocks: callers are told how long to wait, or queued.
 */
public final class ClientRateLimiter {

    private final Clock clock;
    private final Map<String, KeyState> keys = new ConcurrentHashMap<>();

    public ClientRateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** A stable, non-reversible name for an API key and base URL, so raw keys are not kept as map keys. */
    public static String keyOf(String baseUrl, String apiKey) {
        String raw = baseUrl + "|" + (apiKey == null ? "" : apiKey);
        return SparkHashes.sha256Hex(raw, 12);
    }

    /**
     * Takes a request slot for the key: returns 0 when the call may go now, or how many milliseconds to wait first
     * (the bucket is empty, or the provider said the limit is exhausted until its reset).
     */
    public long reserve(String key, int requestsPerMinute) {
        KeyState state = state(key);
        long paused = state.pausedUntil - clock.millis();
        if (paused > 0) {
            return paused;
        }
        if (requestsPerMinute <= 0) {
            return 0;
        }
        return state.bucket(requestsPerMinute, clock).tryTake();
    }

    /** Runs the call once a concurrency slot is free; the caller must {@link #release} it when done. */
    public void acquireSlot(String key, int maxConcurrent, Runnable call, Executor laterOn) {
        if (maxConcurrent <= 0) {
            call.run();
            return;
        }
        state(key).permits(maxConcurrent).acquire(call, laterOn);
    }

    public void release(String key, int maxConcurrent) {
        if (maxConcurrent > 0) {
            state(key).permits(maxConcurrent).release();
        }
    }

    /** Learns from a response: when no request is left, later calls with this key wait for the reset. */
    public void observe(String key, RateLimitInfo info) {
        observe(key, info, null);
    }

    /**
     * The same, the pause lasting at most {@code maxPause} ({@code maxRetryAfter}): a reset far in the future (or a
     * wrong one) must not stop every later call until a restart. After the pause the provider is asked again, and
     * a 429 naming a reset beyond {@code maxRetryAfter} fails that call at once.
     */
    public void observe(String key, RateLimitInfo info, Duration maxPause) {
        if (info != null && info.exhausted() && info.reset() != null) {
            KeyState state = state(key);
            long reset = info.reset().toEpochMilli();
            long until = maxPause == null ? reset : Math.min(reset, clock.millis() + maxPause.toMillis());
            synchronized (state) {
                state.pausedUntil = Math.max(state.pausedUntil, until);
                state.resetAt = Math.max(state.resetAt, reset);
            }
        }
    }

    /** When calls with this key may go again, or {@code null} when they are not paused. */
    public Instant pausedUntil(String key) {
        KeyState state = keys.get(key);
        return state == null || state.pausedUntil <= clock.millis() ? null : Instant.ofEpochMilli(state.pausedUntil);
    }

    /** The reset time the provider named for a pause in force (later than the pause when it was capped), or null. */
    public Instant resetOfPause(String key) {
        KeyState state = keys.get(key);
        return state == null || state.pausedUntil <= clock.millis() ? null : Instant.ofEpochMilli(state.resetAt);
    }

    private KeyState state(String key) {
        return keys.computeIfAbsent(key, k -> new KeyState());
    }

    private static final class KeyState {
        volatile long pausedUntil;
        volatile long resetAt;
        private volatile TokenBucket bucket;
        private volatile AsyncPermits permits;

        synchronized TokenBucket bucket(int perMinute, Clock clock) {
            if (bucket == null || bucket.perMinute != perMinute) {
                bucket = new TokenBucket(perMinute, clock);
            }
            return bucket;
        }

        synchronized AsyncPermits permits(int max) {
            if (permits == null) {
                permits = new AsyncPermits(max);
            }
            return permits;
        }
    }

    /** {@code perMinute} tokens refilled evenly over a minute (Bucket4j), on the limiter's clock so tests can move it. */
    static final class TokenBucket {
        final int perMinute;
        private final Bucket bucket;

        TokenBucket(int perMinute, Clock clock) {
            this.perMinute = perMinute;
            this.bucket = Bucket.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .withCustomTimePrecision(new TimeMeter() {
                        @Override
                        public long currentTimeNanos() {
                            return TimeUnit.MILLISECONDS.toNanos(clock.millis());
                        }

                        @Override
                        public boolean isWallClockBased() {
                            return true;
                        }
                    })
                    .build();
        }

        /** 0 when a token was taken, else the milliseconds until one is there. */
        long tryTake() {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(probe.getNanosToWaitForRefill()) + 1);
        }
    }
}
