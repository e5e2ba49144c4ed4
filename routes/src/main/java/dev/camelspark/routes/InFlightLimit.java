package dev.camelspark.routes;

import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * At most {@code spark.batch.max-in-flight} generations in flight at once, whatever their source: a job takes a
 * permit before its call and gives it back when its exchange completes, so an asynchronous task waiting for its
 * result counts while it holds no thread. A concurrency limit, not a rate.
 * <p>
 * Camel's own {@code throttle} in {@code ConcurrentRequests} mode does the same, but in Camel 4.18 a route holding one
 * can no longer be dumped as XML ({@code camel.main.dump-routes}, JMX, the CLI): the XML writer asks every throttle for
 * its {@code timePeriodMillis}, which a concurrent-requests throttle refuses to give.
 */
public final class InFlightLimit {

    private final Semaphore permits;
    private final Consumer<Exchange> onAcquired;

    /** @param onAcquired told when a job holds its permit (until then it is queued) */
    public InFlightLimit(int max, Consumer<Exchange> onAcquired) {
        if (max < 1) {
            throw new IllegalArgumentException("invalid spark.batch.max-in-flight '" + max + "': allowed 1 or more");
        }
        this.permits = new Semaphore(max, true);
        this.onAcquired = onAcquired;
    }

    /** Waits for a permit (the caller's thread, as the throttle does); it is given back when the exchange completes. */
    public void acquire(Exchange exchange) throws InterruptedException {
        permits.acquire();
        onAcquired.accept(exchange);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                permits.release();
            }
        });
    }
}
