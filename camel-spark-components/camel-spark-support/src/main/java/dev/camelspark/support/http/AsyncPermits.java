package dev.camelspark.support.http;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;

/**
 * A counting semaphore that never blocks: a caller without a permit leaves its work in a queue, and the work runs
 * when a permit is released. Used for {@code maxConcurrentRequests}, so waiting for a slot holds no thread.
 */
final class AsyncPermits {

    private final int max;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int inUse;

    AsyncPermits(int max) {
        this.max = max;
    }

    /** Runs {@code work} now if a permit is free (on this thread), else once one is released. */
    void acquire(Runnable work, java.util.concurrent.Executor laterOn) {
        synchronized (this) {
            if (inUse >= max) {
                waiting.add(() -> laterOn.execute(work));
                return;
            }
            inUse++;
        }
        work.run();
    }

    void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inUse--;
                return;
            }
            // the permit passes straight to the next waiter
        }
        try {
            next.run();
        } catch (RejectedExecutionException e) {
            // the component is stopping and its waiting calls were already failed: the permit goes nowhere
        }
    }

    synchronized int inUse() {
        return inUse;
    }
}
