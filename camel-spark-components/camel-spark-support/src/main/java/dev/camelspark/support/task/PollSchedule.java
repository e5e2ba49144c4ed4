package dev.camelspark.support.task;

import java.time.Duration;

/**
 * How often a task is polled: first after {@code interval}, then each wait {@link #FACTOR} times longer, up to
 * {@code maxInterval}.
 */
public record PollSchedule(Duration interval, Duration maxInterval) {

    /** Each wait is this much longer than the one before. */
    public static final double FACTOR = 1.5;

    public PollSchedule {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + interval);
        }
        if (maxInterval.compareTo(interval) < 0) {
            maxInterval = interval;
        }
    }

    /** The wait after {@code current}. */
    public Duration next(Duration current) {
        long next = (long) Math.ceil(current.toMillis() * FACTOR);
        return Duration.ofMillis(Math.min(next, maxInterval.toMillis()));
    }
}
