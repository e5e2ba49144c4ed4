package dev.camelspark.support.http;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkAuthenticationException;
import dev.camelspark.support.error.SparkRateLimitException;
import dev.camelspark.support.error.SparkServerException;
import dev.camelspark.support.error.SparkTransportException;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.testing.ClientFixture;
import dev.camelspark.support.testing.HttpTestServer;
import dev.camelspark.support.testing.ManualClock;
import dev.camelspark.support.testing.RawHttpServer;
import dev.camelspark.support.testing.RecordingScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.camelspark.support.testing.HttpTestServer.json;
import static dev.camelspark.support.testing.HttpTestServer.status;
import static org.assertj.core.api.Assertions.assertThat;

/** The retry layer for reads and chat calls, counted on a real server. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SparkApiClientRetryTest {

    private final HttpTestServer server = new HttpTestServer();
    private ClientFixture fx = ClientFixture.create();

    @AfterEach
    void tearDown() {
        fx.close();
        server.close();
    }

    private static CallPolicy retries(int maxRetries) {
        return new CallPolicy(maxRetries, Duration.ofSeconds(60), "key", 0, 0);
    }

    private SparkRequest get(String path, CallKind kind) {
        return SparkRequest.get(server.url(), path).kind(kind).readTimeout(Duration.ofSeconds(10)).build();
    }

    static Throwable failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the call to fail");
    }

    @Test
    void serverErrorsOfAReadAreRetriedWithBackoffUntilItWorks() throws Exception {
        server.onSequence("/r", status(500, "boom"), status(502, "bad gateway"), json("{\"ok\":1}"));
        SparkResponse response = fx.client.call(get("/r", CallKind.READ), retries(2)).get(20, TimeUnit.SECONDS);
        assertThat(response.json().get("ok").asInt()).isEqualTo(1);
        assertThat(response.attempts()).isEqualTo(3);
        assertThat(server.hits("/r")).isEqualTo(3);
    }

    @Test
    void chatCallsRetry408And429And503() throws Exception {
        server.onSequence("/chat", status(408, ""), status(429, "{\"error\":\"slow down\"}", "Retry-After", "0"),
                status(503, "busy", "Retry-After", "0"), json("{\"message\":{\"content\":\"hi\"}}"));
        SparkResponse response = fx.client.call(get("/chat", CallKind.CHAT), retries(3)).get(20, TimeUnit.SECONDS);
        assertThat(response.attempts()).isEqualTo(4);
        assertThat(server.hits("/chat")).isEqualTo(4);
    }

    @Test
    void anOpenedResponseTellsHowManyAttemptsItTook() throws Exception {
        server.onSequence("/stream", status(503, "busy", "Retry-After", "0"), status(429, "", "Retry-After", "0"),
                status(200, "data: [DONE]\n\n", "Content-Type", "text/event-stream"));
        try (SparkOpenResponse response = fx.client.open(get("/stream", CallKind.CHAT), retries(2)).get(20, TimeUnit.SECONDS)) {
            assertThat(response.attempts()).isEqualTo(3);
            assertThat(response.mediaType()).isEqualTo("text/event-stream");
        }
        assertThat(server.hits("/stream")).isEqualTo(3);
    }

    @Test
    void maxRetriesIsRespected() throws Exception {
        server.on("/busy", status(503, "{\"error\":\"busy\"}", "Retry-After", "0"));
        Throwable e = failure(fx.client.call(get("/busy", CallKind.READ), retries(3)));
        assertThat(e).isInstanceOf(SparkServerException.class);
        assertThat(((SparkApiException) e).getAttempts()).isEqualTo(4);
        assertThat(((SparkApiException) e).getHttpStatus()).isEqualTo(503);
        assertThat(server.hits("/busy")).isEqualTo(4);
    }

    @Test
    void noRetriesMeansOneAttempt() throws Exception {
        server.on("/busy", status(503, "busy", "Retry-After", "0"));
        Throwable e = failure(fx.client.call(get("/busy", CallKind.READ), retries(0)));
        assertThat(((SparkApiException) e).getAttempts()).isEqualTo(1);
        assertThat(server.hits("/busy")).isEqualTo(1);
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        server.on("/400", status(400, "{\"error\":\"user_input is required\"}"));
        server.on("/401", status(401, "{\"error\":\"invalid key\"}"));
        server.on("/404", status(404, "{\"error\":\"no such task\"}"));
        server.on("/501", status(501, "not implemented"));
        assertThat(failure(fx.client.call(get("/400", CallKind.READ), retries(2)))).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("user_input is required");
        assertThat(failure(fx.client.call(get("/401", CallKind.READ), retries(2)))).isInstanceOf(SparkAuthenticationException.class);
        assertThat(failure(fx.client.call(get("/404", CallKind.READ), retries(2)))).isExactlyInstanceOf(SparkApiException.class);
        assertThat(failure(fx.client.call(get("/501", CallKind.READ), retries(2)))).isInstanceOf(SparkServerException.class);
        assertThat(server.hits("/400") + server.hits("/401") + server.hits("/404") + server.hits("/501")).isEqualTo(4);
    }

    @Test
    void retryAfterInSecondsIsWaited() throws Exception {
        RecordingScheduler scheduler = new RecordingScheduler(null);
        fx.close();
        fx = ClientFixture.create(java.time.Clock.systemUTC(), scheduler);
        server.onSequence("/r", status(429, "{}", "Retry-After", "1"), json("{}"));
        assertThat(fx.client.call(get("/r", CallKind.READ), retries(2)).get(20, TimeUnit.SECONDS).attempts()).isEqualTo(2);
        assertThat(scheduler.delays()).containsExactly(1_000L);
    }

    @Test
    void retryAfterAsAnHttpDateIsWaited() throws Exception {
        ManualClock clock = ManualClock.startingNow();
        RecordingScheduler scheduler = new RecordingScheduler(clock);
        fx.close();
        fx = ClientFixture.create(clock, scheduler);
        String inSevenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(clock.instant().plusSeconds(7), ZoneOffset.UTC));
        server.onSequence("/r", status(503, "busy", "Retry-After", inSevenSeconds), json("{}"));
        assertThat(fx.client.call(get("/r", CallKind.READ), retries(2)).get(20, TimeUnit.SECONDS).attempts()).isEqualTo(2);
        assertThat(scheduler.delays()).containsExactly(7_000L);
    }

    @Test
    void rateLimitResetIsWaitedWhenThereIsNoRetryAfter() throws Exception {
        ManualClock clock = ManualClock.startingNow();
        RecordingScheduler scheduler = new RecordingScheduler(clock);
        fx.close();
        fx = ClientFixture.create(clock, scheduler);
        String reset = String.valueOf(clock.instant().getEpochSecond() + 42);
        server.onSequence("/r", status(429, "{}", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", reset), json("{}"));
        SparkResponse response = fx.client.call(get("/r", CallKind.READ), retries(2)).get(20, TimeUnit.SECONDS);
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(scheduler.delays()).as("waited until the reset, once").containsExactly(42_000L);
        assertThat(server.hits("/r")).isEqualTo(2);
    }

    @Test
    void aWaitBeyondMaxRetryAfterFailsAtOnceWithTheResetTime() throws Exception {
        ManualClock clock = ManualClock.startingNow();
        fx.close();
        fx = ClientFixture.create(clock, new RecordingScheduler(clock));
        long reset = clock.instant().getEpochSecond() + 3_600;
        server.on("/r", status(429, "{\"error\":\"Rate limit exceeded\"}", "Retry-After", "3600",
                "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", String.valueOf(reset)));
        Throwable e = failure(fx.client.call(get("/r", CallKind.READ), retries(5)));
        assertThat(e).isInstanceOf(SparkRateLimitException.class);
        SparkRateLimitException limit = (SparkRateLimitException) e;
        assertThat(limit.getRetryAfterMillis()).isEqualTo(3_600_000L);
        assertThat(limit.getRateLimitReset()).isEqualTo(java.time.Instant.ofEpochSecond(reset));
        assertThat(limit.getAttempts()).isEqualTo(1);
        assertThat(limit).hasMessageContaining("Rate limit exceeded")
                .hasMessageContaining("wait until " + java.time.Instant.ofEpochSecond(reset))
                .hasMessageContaining("maxRetryAfter");
        assertThat(server.hits("/r")).isEqualTo(1);
    }

    @Test
    void a503OfAReadWithoutRetryAfterBacksOffEvenWhenARateLimitWindowIsAnnounced() throws Exception {
        // DynaSpark sends the X-RateLimit-* headers on every answer: an hourly window's reset is no reason to give up
        // on a 503 whose limit is not used up
        ManualClock clock = ManualClock.startingNow();
        RecordingScheduler scheduler = new RecordingScheduler(clock);
        fx.close();
        fx = ClientFixture.create(clock, scheduler);
        String resetInAnHour = String.valueOf(clock.instant().getEpochSecond() + 3_600);
        server.onSequence("/r", status(503, "busy", "X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "57",
                "X-RateLimit-Reset", resetInAnHour), json("{}"));
        SparkResponse response = fx.client.call(get("/r", CallKind.READ), retries(2)).get(20, TimeUnit.SECONDS);
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(scheduler.delays()).hasSize(1).allSatisfy(d -> assertThat(d).isBetween(250L, 500L));
    }

    @Test
    void refusedConnectionsOfAReadAreRetried() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SparkRequest request = SparkRequest.get("http://127.0.0.1:" + port, "/r").build();
        Throwable e = failure(fx.client.call(request, retries(1)));
        assertThat(e).isInstanceOf(SparkTransportException.class);
        assertThat(((SparkTransportException) e).isOutcomeUnknown()).isFalse();
        assertThat(((SparkTransportException) e).getAttempts()).isEqualTo(2);
        assertThat(e.getMessage()).contains("GET http://127.0.0.1:" + port + "/r");
    }

    @Test
    void aConnectionDroppedWithoutAnswerIsRetriedForAReadOnANewConnection() throws Exception {
        try (RawHttpServer raw = new RawHttpServer(null)) {
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
            raw.script(c -> {
                c.readRequest();
                if (n.getAndIncrement() == 0) {
                    c.close(); // request read, no answer
                } else {
                    c.respond(200, "{\"ok\":true}", "Content-Type", "application/json");
                }
            });
            SparkResponse response = fx.client.call(SparkRequest.get(raw.url(), "/r").build(), retries(2))
                    .get(20, TimeUnit.SECONDS);
            assertThat(response.attempts()).isEqualTo(2);
            assertThat(raw.requests()).isEqualTo(2);
            assertThat(raw.connections()).isEqualTo(2);
        }
    }

    @Test
    void theFirstAttemptRunsOnTheCallersThreadAndAnAnswerAlreadyInCompletesTheFuture() throws Exception {
        server.on("/r", json("{}"));
        CompletableFuture<SparkResponse> future = fx.client.call(get("/r", CallKind.READ), retries(2));
        assertThat(future).isCompleted();
        assertThat(future.get().attempts()).isEqualTo(1);
    }
}
