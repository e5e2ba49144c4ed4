package dev.camelspark.routes;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * At most {@code spark.batch.max-inputs-held} prompt and job files held by this instance at once, from the moment its
 * file consumer has claimed one until its exchange completes (an asynchronous task waiting for its result included).
 * The routes call {@link #acquire} on the consumer's own thread, before the threads EIP: while every lane is taken the
 * consumer waits there, so it claims the next input only once it can start it, and leaves the rest of a shared inbox
 * to the other instances of a cluster.
 * <p>
 * Why not the threads EIP alone: its pool bounds threads, not inputs; it queues what it cannot run yet (up to 1000 by
 * default), and an asynchronous task hands its thread back while it waits, so its consumer would go on claiming. The
 * queue held the first instance's claim on every input of a drop before the others had polled once.
 * <p>
 * {@code 0} (the default profile): no limit, every input found is queued for the threads, as one instance owns the
 * folder.
 */
public final class InputLimit {

    static final String OPTION = "spark.batch.max-inputs-held";
    private final Semaphore lanes;

    public InputLimit(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("invalid " + OPTION + " '" + max + "': allowed 0 (no limit) or more");
        }
        this.lanes = max == 0 ? null : new Semaphore(max, true);
    }

    /**
     * Waits for a lane, given back when the exchange completes. A shutdown ends the wait: the input, claimed but not
     * started, stays in the inbox (its claim is given back on the rollback) for whichever instance runs next.
     */
    public void acquire(Exchange exchange) throws InterruptedException {
        if (lanes == null) {
            return;
        }
        while (!lanes.tryAcquire(250, TimeUnit.MILLISECONDS)) {
            stopping(exchange);
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                lanes.release();
            }
        });
        stopping(exchange);
    }

    private static void stopping(Exchange exchange) {
        if (exchange.getContext().isStopping()) {
            throw new JobInterruptedException("interrupted by shutdown before it started");
        }
    }
}
