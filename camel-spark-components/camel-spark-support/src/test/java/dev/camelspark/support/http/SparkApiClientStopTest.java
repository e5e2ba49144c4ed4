package dev.camelspark.support.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.camelspark.support.error.SparkTransportException;
import dev.camelspark.support.testing.ClientFixture;
import dev.camelspark.support.testing.HttpTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.camelspark.support.http.SparkApiClientRetryTest.failure;
import static dev.camelspark.support.testing.HttpTestServer.json;
import static dev.camelspark.support.testing.HttpTestServer.status;
import static org.assertj.core.api.Assertions.assertThat;

/** What happens to calls that wait (for a retry, for a slot) when their component stops: they fail, never hang. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SparkApiClientStopTest {

    private final HttpTestServer server = new HttpTestServer();
    private final ClientFixture fx = ClientFixture.create();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
        fx.close();
        server.close();
    }

    @Test
    void aCallWaitingForItsRetryFailsWhenAbandonedAndIsNotSentAgain() throws Exception {
        server.on("/r", status(503, "busy", "Retry-After", "30"));
        CompletableFuture<SparkResponse> call = fx.client.call(SparkRequest.get(server.url(), "/r").build(),
                new CallPolicy(2, Duration.ofSeconds(60), "k", 0, 0));
        assertThat(call).isNotDone();

        fx.client.abandonWaiting();

        Throwable e = failure(call);
        assertThat(e).isInstanceOf(SparkTransportException.class).hasMessageContaining("the component is stopping");
        assertThat(((SparkTransportException) e).isOutcomeUnknown()).isFalse();
        assertThat(((SparkTransportException) e).getAttempts()).isEqualTo(1);
        assertThat(server.hits("/r")).isEqualTo(1);
    }

    @Test
    void aCallQueuedForASlotFailsWhenAbandonedAndNeverReachesTheServer() throws Exception {
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.on("/slow", exchange -> {
            firstArrived.countDown();
            release.await();
            HttpTestServer.respond(exchange, 200, "{}", "Content-Type", "application/json");
        });
        CallPolicy one = new CallPolicy(0, Duration.ofSeconds(60), "k", 0, 1);
        try {
            Future<CompletableFuture<SparkResponse>> first = callers.submit(() -> fx.client.call(
                    SparkRequest.get(server.url(), "/slow").build(), one));
            assertThat(firstArrived.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<SparkResponse> queued = fx.client.call(SparkRequest.get(server.url(), "/slow").build(), one);
            assertThat(queued).isNotDone();

            fx.client.abandonWaiting();
            assertThat(failure(queued)).hasMessageContaining("the component is stopping");

            // the call in flight is not abandoned: it finishes, and the slot it frees runs nothing
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(server.hits("/slow")).isEqualTo(1);
            server.on("/next", json("{}"));
            // the freed slot first passes (on the scheduler) to the abandoned waiter, which hands it straight back
            CompletableFuture<SparkResponse> next = fx.client.call(SparkRequest.get(server.url(), "/next").build(), one);
            assertThat(next.get(10, TimeUnit.SECONDS).status()).as("slot free again").isEqualTo(200);
        } finally {
            release.countDown();
        }
    }
}
