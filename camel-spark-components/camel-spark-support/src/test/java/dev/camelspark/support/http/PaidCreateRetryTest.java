package dev.camelspark.support.http;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkServerException;
import dev.camelspark.support.error.SparkTransportException;
import dev.camelspark.support.testing.ClientFixture;
import dev.camelspark.support.testing.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.camelspark.support.http.SparkApiClientRetryTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call that creates a paid task is never sent twice when the provider may have taken it: the server counts what
 * reached it. Every test allows retries, so a test passes only because the call kind forbade them.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PaidCreateRetryTest {

    private static final CallPolicy THREE_RETRIES = new CallPolicy(3, Duration.ofSeconds(60), "key", 0, 0);
    private static final Duration LONG = Duration.ofSeconds(20);

    private final ClientFixture fx = ClientFixture.create();
    private final RawHttpServer server = new RawHttpServer(null);

    @AfterEach
    void tearDown() {
        fx.close();
        server.close();
    }

    private SparkRequest create(CallKind kind, Duration readTimeout) {
        return SparkRequest.post(server.url(), "/model/v1/generation").kind(kind).readTimeout(readTimeout)
                .json(Map.of("model", "spark_dream_3_0", "input", "a lighthouse")).build();
    }

    private SparkTransportException unknownOutcome(RawHttpServer.Script script, Duration readTimeout) throws Exception {
        server.script(script);
        Throwable e = failure(fx.client.call(create(CallKind.PAID_CREATE, readTimeout), THREE_RETRIES));
        assertThat(e).isInstanceOf(SparkTransportException.class);
        SparkTransportException t = (SparkTransportException) e;
        assertThat(t.isOutcomeUnknown()).isTrue();
        assertThat(t.getAttempts()).isEqualTo(1);
        assertThat(t.getMessage()).contains("POST " + server.url() + "/model/v1/generation")
                .contains("not resent").contains("never created twice");
        assertThat(server.requests()).as("requests that reached the server").isEqualTo(1);
        return t;
    }

    @Test
    void aReadTimeoutIsNotResent() throws Exception {
        unknownOutcome(c -> {
            c.readRequest();
            c.awaitClientClose(LONG); // took it, never answers
        }, Duration.ofMillis(300));
    }

    @Test
    void aConnectionClosedAfterTheRequestWasReadIsNotResent() throws Exception {
        unknownOutcome(c -> {
            c.readRequest();
            c.close();
        }, LONG);
    }

    @Test
    void aConnectionResetAfterTheRequestWasReadIsNotResent() throws Exception {
        unknownOutcome(c -> {
            c.readRequest();
            c.reset();
        }, LONG);
    }

    @Test
    void anAnswerCutInTheMiddleOfItsBodyIsNotResent() throws Exception {
        unknownOutcome(c -> {
            c.readRequest();
            c.head(200, "Content-Type", "application/json", "Content-Length", "200").write("{\"id\":\"task-");
            c.close();
        }, LONG);
    }

    @Test
    void theSameFailuresAreRetriedForAChatCall() throws Exception {
        // the control for the tests above: the server scripts do provoke retries when the kind allows them
        AtomicInteger n = new AtomicInteger();
        server.script(c -> {
            c.readRequest();
            if (n.getAndIncrement() < 2) {
                c.close();
            } else {
                c.respond(200, "{\"message\":{\"content\":\"ok\"}}", "Content-Type", "application/json");
            }
        });
        SparkResponse response = fx.client.call(create(CallKind.CHAT, LONG), THREE_RETRIES).get(20, TimeUnit.SECONDS);
        assertThat(response.attempts()).isEqualTo(3);
        assertThat(server.requests()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 502, 504, 408 })
    void serverErrorsAreNotResent(int status) throws Exception {
        server.script(c -> {
            c.readRequest();
            c.respond(status, "{\"error\":\"internal\"}", "Content-Type", "application/json");
        });
        Throwable e = failure(fx.client.call(create(CallKind.PAID_CREATE, LONG), THREE_RETRIES));
        assertThat(e).isInstanceOf(SparkServerException.class);
        assertThat(((SparkApiException) e).getHttpStatus()).isEqualTo(status);
        assertThat(((SparkApiException) e).getAttempts()).isEqualTo(1);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void a503WithoutRetryAfterIsNotResent() throws Exception {
        server.script(c -> {
            c.readRequest();
            c.respond(503, "busy");
        });
        failure(fx.client.call(create(CallKind.PAID_CREATE, LONG), THREE_RETRIES));
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void a503WhoseOnlyHintIsTheRateLimitWindowIsNotResent() throws Exception {
        // X-RateLimit-Reset may come on any answer: it does not say that this 503 turned the call away
        server.script(c -> {
            c.readRequest();
            c.respond(503, "busy", "X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "40", "X-RateLimit-Reset", "1");
        });
        failure(fx.client.call(create(CallKind.PAID_CREATE, LONG), THREE_RETRIES));
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void a503WithRetryAfterIsResent() throws Exception {
        AtomicInteger n = new AtomicInteger();
        server.script(c -> {
            c.readRequest();
            if (n.getAndIncrement() == 0) {
                c.respond(503, "come back later", "Retry-After", "0");
            } else {
                c.respond(200, "{\"id\":\"task-1\",\"status\":\"pending\"}", "Content-Type", "application/json");
            }
        });
        SparkResponse response = fx.client.call(create(CallKind.PAID_CREATE, LONG), THREE_RETRIES).get(20, TimeUnit.SECONDS);
        assertThat(response.json().get("id").asText()).isEqualTo("task-1");
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void a429IsResent() throws Exception {
        AtomicInteger n = new AtomicInteger();
        server.script(c -> {
            c.readRequest();
            if (n.getAndIncrement() < 2) {
                c.respond(429, "{\"message\":\"too many\"}", "Retry-After", "0");
            } else {
                c.respond(200, "{\"id\":\"task-2\"}", "Content-Type", "application/json");
            }
        });
        SparkResponse response = fx.client.call(create(CallKind.PAID_CREATE, LONG), THREE_RETRIES).get(20, TimeUnit.SECONDS);
        assertThat(response.attempts()).isEqualTo(3);
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void aRefusedConnectionIsResent() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SparkRequest request = SparkRequest.post("http://127.0.0.1:" + port, "/model/v1/generation")
                .kind(CallKind.PAID_CREATE).json(Map.of("prompt", "x")).build();
        Throwable e = failure(fx.client.call(request, new CallPolicy(1, Duration.ofSeconds(60), "key", 0, 0)));
        assertThat(e).isInstanceOf(SparkTransportException.class);
        assertThat(((SparkTransportException) e).isOutcomeUnknown()).isFalse();
        assertThat(((SparkTransportException) e).getAttempts()).as("tried again: nothing can have reached anyone").isEqualTo(2);
        assertThat(e.getMessage()).doesNotContain("not resent");
    }
}
