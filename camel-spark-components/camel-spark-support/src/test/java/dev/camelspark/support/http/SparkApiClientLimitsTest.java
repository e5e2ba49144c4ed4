package dev.camelspark.support.http;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelspark.support.error.SparkRateLimitException;
import dev.camelspark.support.testing.ClientFixture;
import dev.camelspark.support.testing.HttpTestServer;
import dev.camelspark.support.testing.ManualClock;
import dev.camelspark.support.testing.RecordingScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.camelspark.support.http.SparkApiClientRetryTest.failure;
import static dev.camelspark.support.testing.HttpTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Client-side limits through the client: budgets that make calls wait, caps that queue them, pauses after a 0. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SparkApiClientLimitsTest {

    private final HttpTestServer server = new HttpTestServer();
    private final ManualClock clock = ManualClock.startingNow();
    private final RecordingScheduler scheduler = new RecordingScheduler(clock);
    private final ClientFixture fx = ClientFixture.create(clock, scheduler);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
        fx.close();
        server.close();
    }

    private SparkRequest get(String path) {
        return SparkRequest.get(server.url(), path).build();
    }

    @Test
    void requestsPerMinuteMakesTheExcessCallWaitForItsToken() throws Exception {
        server.on("/r", json("{}"));
        CallPolicy twoPerMinute = new CallPolicy(0, Duration.ofSeconds(60), "key", 2, 0);
        fx.client.call(get("/r"), twoPerMinute).get(10, TimeUnit.SECONDS);
        fx.client.call(get("/r"), twoPerMinute).get(10, TimeUnit.SECONDS);
        assertThat(scheduler.delays()).isEmpty();

        SparkResponse third = fx.client.call(get("/r"), twoPerMinute).get(10, TimeUnit.SECONDS);
        assertThat(scheduler.delays()).as("waited for the next token, not refused").hasSize(1)
                .allSatisfy(d -> assertThat(d).isBetween(29_900L, 30_001L));
        assertThat(third.attempts()).isEqualTo(1);
        assertThat(server.hits("/r")).isEqualTo(3);
    }

    @Test
    void theBudgetBelongsToTheKey() throws Exception {
        server.on("/r", json("{}"));
        fx.client.call(get("/r"), new CallPolicy(0, Duration.ofSeconds(60), "a", 1, 0)).get(10, TimeUnit.SECONDS);
        fx.client.call(get("/r"), new CallPolicy(0, Duration.ofSeconds(60), "b", 1, 0)).get(10, TimeUnit.SECONDS);
        assertThat(scheduler.delays()).isEmpty();
    }

    @Test
    void maxConcurrentRequestsQueuesWithoutBlockingTheCaller() throws Exception {
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        server.on("/slow", exchange -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            firstArrived.countDown();
            release.await();
            inFlight.decrementAndGet();
            HttpTestServer.respond(exchange, 200, "{}", "Content-Type", "application/json");
        });
        CallPolicy one = new CallPolicy(0, Duration.ofSeconds(60), "key", 0, 1);

        // the first attempt of a call runs on its caller's thread: park that caller elsewhere
        Future<CompletableFuture<SparkResponse>> first = callers.submit(() -> fx.client.call(get("/slow"), one));
        assertThat(firstArrived.await(10, TimeUnit.SECONDS)).isTrue();

        // this thread is not held: the call comes back at once, queued
        CompletableFuture<SparkResponse> second = fx.client.call(get("/slow"), one);
        assertThat(second).isNotDone();
        assertThat(server.hits("/slow")).isEqualTo(1);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(server.hits("/slow")).isEqualTo(2);
        assertThat(maxInFlight.get()).isEqualTo(1);
    }

    @Test
    void aFailedCallGivesItsSlotBack() throws Exception {
        server.onSequence("/r", HttpTestServer.status(400, "{\"error\":\"bad\"}"), json("{}"));
        CallPolicy one = new CallPolicy(0, Duration.ofSeconds(60), "key", 0, 1);
        failure(fx.client.call(get("/r"), one));
        assertThat(fx.client.call(get("/r"), one)).as("runs at once: the slot is free").isCompleted();
    }

    @Test
    void remainingZeroPausesTheKeyUntilTheReset() throws Exception {
        Instant reset = clock.instant().plusSeconds(10);
        server.onSequence("/r",
                json("{}", "X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "0",
                        "X-RateLimit-Reset", String.valueOf(reset.getEpochSecond())),
                json("{}", "X-RateLimit-Remaining", "99"));
        CallPolicy policy = new CallPolicy(0, Duration.ofSeconds(60), "key", 0, 0);
        assertThat(fx.client.call(get("/r"), policy).get(10, TimeUnit.SECONDS).rateLimit().remaining()).isZero();
        assertThat(fx.limiter.pausedUntil("key")).isEqualTo(reset);

        SparkResponse next = fx.client.call(get("/r"), policy).get(10, TimeUnit.SECONDS);
        assertThat(scheduler.delays()).containsExactly(10_000L);
        assertThat(next.rateLimit().remaining()).isEqualTo(99L);
        assertThat(server.hits("/r")).isEqualTo(2);
    }

    @Test
    void aPauseIsCappedByMaxRetryAfterThenTheProviderIsAskedAgain() throws Exception {
        // a reset an hour away (or a wrong one) must not stop every later call until a restart
        Instant reset = clock.instant().plusSeconds(3600);
        server.onSequence("/r",
                json("{}", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", String.valueOf(reset.getEpochSecond())),
                json("{}", "X-RateLimit-Remaining", "99"));
        CallPolicy policy = new CallPolicy(2, Duration.ofSeconds(60), "key", 0, 0);
        fx.client.call(get("/r"), policy).get(10, TimeUnit.SECONDS);
        assertThat(fx.limiter.pausedUntil("key")).as("paused for maxRetryAfter, not an hour")
                .isEqualTo(clock.instant().plusSeconds(60));

        SparkResponse next = fx.client.call(get("/r"), policy).get(10, TimeUnit.SECONDS);
        assertThat(scheduler.delays()).containsExactly(60_000L);
        assertThat(next.rateLimit().remaining()).isEqualTo(99L);
        assertThat(server.hits("/r")).isEqualTo(2);
    }

    @Test
    void aPauseBeyondThisCallsMaxRetryAfterFailsAtOnceWithoutACallNamingTheReset() throws Exception {
        Instant reset = clock.instant().plusSeconds(600);
        server.on("/r", json("{}", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", String.valueOf(reset.getEpochSecond())));
        // the pause was set by an endpoint that waits up to 10 minutes; this one waits up to a minute
        fx.client.call(get("/r"), new CallPolicy(2, Duration.ofMinutes(10), "key", 0, 0)).get(10, TimeUnit.SECONDS);

        Throwable e = failure(fx.client.call(get("/r"), new CallPolicy(2, Duration.ofSeconds(60), "key", 0, 0)));
        assertThat(e).isInstanceOf(SparkRateLimitException.class)
                .hasMessageContaining("X-RateLimit-Remaining was 0")
                .hasMessageContaining("maxRetryAfter")
                .hasMessageContaining(reset.toString());
        SparkRateLimitException limit = (SparkRateLimitException) e;
        assertThat(limit.getRateLimitReset()).isEqualTo(reset);
        assertThat(limit.getRetryAfterMillis()).isEqualTo(600_000L);
        assertThat(server.hits("/r")).as("the second call was not made").isEqualTo(1);
        assertThat(scheduler.delays()).isEmpty();

        // another key is not paused
        fx.client.call(get("/r"), new CallPolicy(0, Duration.ofSeconds(60), "other", 0, 0)).get(10, TimeUnit.SECONDS);
        assertThat(server.hits("/r")).isEqualTo(2);
    }
}
