package dev.camelspark.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import dev.camelspark.emulator.control.ControlledClock;

/**
 * The emulator's notion of "now". Every time-based behaviour (rate-limit windows, image expiry, task life cycles)
 * reads this clock, so a test can jump a day ahead with {@link #advance(Duration)} instead of waiting. Timers that
 * pace streams and latency use real time; they are not meant to be skipped.
 */
public final class EmulatorClock implements InstantSource, ControlledClock {

    private final Clock system;
    private Duration offset = Duration.ZERO;
    private Instant frozenAt;

    public EmulatorClock() {
        this(Clock.systemUTC());
    }

    EmulatorClock(Clock system) {
        this.system = system;
    }

    @Override
    public synchronized Instant now() {
        return frozenAt != null ? frozenAt : system.instant().plus(offset);
    }

    /** The same as {@link #now()}: what the emulator's parts that only read time see of the clock. */
    @Override
    public Instant instant() {
        return now();
    }

    public long epochSecond() {
        return now().getEpochSecond();
    }

    /** Moves time forward; never backward, because windows and expiries assume monotonic time. */
    @Override
    public synchronized void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("The emulator clock only moves forward, got " + amount);
        }
        offset = offset.plus(amount);
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(amount);
        }
    }

    /** Stops time where it is; {@link #advance(Duration)} still moves it. */
    @Override
    public synchronized void freeze() {
        if (frozenAt == null) {
            frozenAt = now();
        }
    }

    /** Lets time run again from where it was frozen. */
    @Override
    public synchronized void resume() {
        if (frozenAt != null) {
            offset = Duration.between(system.instant(), frozenAt);
            frozenAt = null;
        }
    }

    @Override
    public synchronized boolean isFrozen() {
        return frozenAt != null;
    }

    /** Back to real time. */
    public synchronized void reset() {
        offset = Duration.ZERO;
        frozenAt = null;
    }
}
