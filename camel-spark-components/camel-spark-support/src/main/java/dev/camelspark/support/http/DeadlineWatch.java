package dev.camelspark.support.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * The deadlines of the calls in flight, kept by one timer that wakes at the earliest of them, instead of a timer per
 * call: scheduling and cancelling one takes the timer queue's lock twice per call, which every caller thread
 * contends for. A call is added when it starts and removed when it ends (two lock-free set operations); a call still
 * in flight at its deadline is cancelled on time, as before, which aborts its connection, whether it waits for the
 * headers or reads its body.
 */
final class DeadlineWatch {

    private final ScheduledExecutorService timer;
    private final Set<Watched> inFlight = ConcurrentHashMap.newKeySet();
    /** Whether a sweep is scheduled, and when (System.nanoTime): a new deadline earlier than that moves it. */
    private volatile boolean armed;
    private volatile long wakeAt;
    private ScheduledFuture<?> sweep;

    DeadlineWatch(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** One call's deadline; closing it (the call ended) takes it out of the watch. */
    final class Watched implements Runnable {
        private final Cancellable call;
        private final long expiresAt;

        private Watched(Cancellable call, long expiresAt) {
            this.call = call;
            this.expiresAt = expiresAt;
        }

        /** The call ended: nothing to cancel any more. */
        @Override
        public void run() {
            inFlight.remove(this);
        }
    }

    /** Cancels {@code call} unless it ended ({@link Watched#run()}) within {@code millis}. */
    Watched watch(Cancellable call, long millis) {
        Watched watched = new Watched(call, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
        inFlight.add(watched);
        // added first: a sweep that has just disarmed sees it (it iterates after), or this call sees it disarmed
        if (!armed || watched.expiresAt - wakeAt < 0) {
            wakeBy(watched.expiresAt);
        }
        return watched;
    }

    /** Calls being watched: one per call in flight that has a deadline. */
    int size() {
        return inFlight.size();
    }

    private synchronized void wakeBy(long at) {
        if (armed && at - wakeAt >= 0) {
            return;
        }
        if (sweep != null) {
            sweep.cancel(false);
        }
        try {
            sweep = timer.schedule(this::sweep, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
            wakeAt = at;
            armed = true;
        } catch (RejectedExecutionException e) {
            armed = false; // the transport is closing: its connections are closed, which ends every call
        }
    }

    /** Cancels the calls whose deadline has come, then waits for the next one. */
    private void sweep() {
        synchronized (this) {
            armed = false;
            sweep = null;
        }
        long now = System.nanoTime();
        boolean any = false;
        long next = 0;
        for (Watched watched : inFlight) {
            if (watched.expiresAt - now <= 0) {
                inFlight.remove(watched);
                watched.call.cancel();
            } else if (!any || watched.expiresAt - next < 0) {
                next = watched.expiresAt;
                any = true;
            }
        }
        if (any) {
            wakeBy(next);
        }
    }
}
