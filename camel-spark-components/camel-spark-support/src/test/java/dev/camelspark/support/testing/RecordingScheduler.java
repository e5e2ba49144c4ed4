package dev.camelspark.support.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A real scheduler that remembers every delay it was asked for. Given a {@link ManualClock}, it "travels in time":
 * instead of waiting, it moves the clock forward by the delay and runs the task at once, so waits of half a minute
 * are tested without spending them.
 */
public final class RecordingScheduler extends ScheduledThreadPoolExecutor {

    private final List<Long> delays = new CopyOnWriteArrayList<>();
    private final ManualClock timeTravel;

    public RecordingScheduler(ManualClock timeTravel) {
        super(2, r -> {
            Thread t = new Thread(r, "recording-scheduler");
            t.setDaemon(true);
            return t;
        });
        this.timeTravel = timeTravel;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        long millis = unit.toMillis(delay);
        if (millis > 0) {
            delays.add(millis);
        }
        if (timeTravel != null && millis > 0) {
            timeTravel.advanceMillis(millis);
            return super.schedule(command, 0, unit);
        }
        return super.schedule(command, delay, unit);
    }

    /** The positive delays asked for, in milliseconds, in order. */
    public List<Long> delays() {
        return List.copyOf(delays);
    }
}
