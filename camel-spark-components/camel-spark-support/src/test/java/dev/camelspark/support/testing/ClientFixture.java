package dev.camelspark.support.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.camelspark.support.http.ClientRateLimiter;
import dev.camelspark.support.http.DefaultErrorDecoder;
import dev.camelspark.support.http.SparkApiClient;
import dev.camelspark.support.http.SparkHttpTransport;
import dev.camelspark.support.http.TransportSettings;

/** A {@link SparkApiClient} wired the way a component wires it, with everything closed at the end of a test. */
public final class ClientFixture implements AutoCloseable {

    public final Clock clock;
    public final SparkHttpTransport transport;
    public final ClientRateLimiter limiter;
    public final ScheduledExecutorService scheduler;
    public final SparkApiClient client;

    private ClientFixture(Clock clock, ScheduledExecutorService scheduler) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.transport = new SparkHttpTransport(new TransportSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), 20,
                null, null, 0, "camel-spark-test", clock));
        this.limiter = new ClientRateLimiter(clock);
        this.client = new SparkApiClient("test", transport, limiter, scheduler, scheduler,
                new DefaultErrorDecoder(clock));
    }

    public static ClientFixture create() {
        return new ClientFixture(Clock.systemUTC(), Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "client-fixture-scheduler");
            t.setDaemon(true);
            return t;
        }));
    }

    public static ClientFixture create(Clock clock, ScheduledExecutorService scheduler) {
        return new ClientFixture(clock, scheduler);
    }

    @Override
    public void close() {
        transport.close();
        scheduler.shutdownNow();
    }
}
