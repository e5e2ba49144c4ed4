package dev.camelspark.support.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkTransportException;
import dev.camelspark.support.testing.ClientFixture;
import dev.camelspark.support.testing.HttpTestServer;
import dev.camelspark.support.testing.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.camelspark.support.http.SparkApiClientRetryTest.failure;
import static dev.camelspark.support.testing.HttpTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the HTTP client does and does not do on its own: no redirects, no compression, no retries, hard deadlines. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SparkHttpTransportTest {

    private static final CallPolicy TWO_RETRIES = new CallPolicy(2, Duration.ofSeconds(60), "key", 0, 0);

    private final HttpTestServer server = new HttpTestServer();
    private final ClientFixture fx = ClientFixture.create();

    @AfterEach
    void tearDown() {
        fx.close();
        server.close();
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        server.on("/from", HttpTestServer.status(302, "", "Location", "/to"));
        server.on("/to", json("{}"));
        Throwable e = failure(fx.client.call(SparkRequest.get(server.url(), "/from").bearer("k").build(), TWO_RETRIES));
        assertThat(e).isInstanceOf(SparkApiException.class);
        assertThat(((SparkApiException) e).getHttpStatus()).isEqualTo(302);
        assertThat(server.hits("/to")).isZero();
    }

    @Test
    void aRedirectIsHandedBackWhenTheCallerAskedForIt() throws Exception {
        server.on("/from", HttpTestServer.status(307, "", "Location", "http://elsewhere.example/x"));
        try (SparkOpenResponse response = fx.client.open(SparkRequest.get(server.url(), "/from").returnRedirects().build(),
                TWO_RETRIES).get(10, TimeUnit.SECONDS)) {
            assertThat(response.status()).isEqualTo(307);
            assertThat(response.header("location")).isEqualTo("http://elsewhere.example/x");
        }
        assertThat(server.hits("/from")).isEqualTo(1);
    }

    @Test
    void noCompressionIsAskedForOrUndone() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("data: hello\n\n".getBytes(StandardCharsets.UTF_8));
        }
        byte[] compressed = gz.toByteArray();
        server.on("/stream", exchange -> HttpTestServer.respond(exchange, 200, compressed,
                "Content-Type", "text/event-stream", "Content-Encoding", "gzip"));
        try (SparkOpenResponse response = fx.client.open(SparkRequest.get(server.url(), "/stream").build(), TWO_RETRIES)
                .get(10, TimeUnit.SECONDS)) {
            assertThat(response.body().readAllBytes()).as("bytes as they came").isEqualTo(compressed);
        }
        assertThat(server.lastRequest().header("Accept-Encoding")).isNull();
    }

    @Test
    void headersAndUserAgentAreSent() throws Exception {
        server.on("/h", json("{}"));
        fx.client.call(SparkRequest.get(server.url(), "/h").header("X-Trace", "t-1").bearer("sk-1")
                .secretHeader("X-API-Key", "np_1").build(), TWO_RETRIES).get(10, TimeUnit.SECONDS);
        HttpTestServer.Recorded request = server.lastRequest();
        assertThat(request.header("X-Trace")).isEqualTo("t-1");
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-1");
        assertThat(request.header("X-API-Key")).isEqualTo("np_1");
        assertThat(request.header("User-Agent")).isEqualTo("camel-spark-test");
    }

    @Test
    void theDeadlineAbortsABodyThatDripsSlowerThanItsLength() throws Exception {
        CountDownLatch serverSawClose = new CountDownLatch(1);
        try (RawHttpServer raw = new RawHttpServer(c -> {
            c.readRequest();
            c.head(200, "Content-Type", "application/json", "Content-Length", "100000");
            try {
                // a byte every 20 ms: never idle long enough for the read timeout, never done either
                for (int i = 0; i < 100_000; i++) {
                    c.write(" ");
                    Thread.sleep(20);
                }
            } catch (java.io.IOException e) {
                serverSawClose.countDown();
            }
        })) {
            SparkRequest request = SparkRequest.get(raw.url(), "/slow").readTimeout(Duration.ofSeconds(10))
                    .deadline(Duration.ofMillis(500)).build();
            Throwable e = failure(fx.client.call(request, TWO_RETRIES));
            assertThat(e).isInstanceOf(SparkTransportException.class).hasMessageContaining("requestTimeout");
            assertThat(e).hasCauseInstanceOf(SparkHttpTransport.DeadlineExceededException.class);
            assertThat(((SparkTransportException) e).getAttempts()).as("a call out of time is not started again").isEqualTo(1);
            assertThat(raw.requests()).isEqualTo(1);
            assertThat(serverSawClose.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theDeadlineAlsoCoversWaitingForTheHeaders() throws Exception {
        try (RawHttpServer raw = new RawHttpServer(c -> {
            c.readRequest();
            c.awaitClientClose(Duration.ofSeconds(20));
        })) {
            SparkRequest request = SparkRequest.get(raw.url(), "/silent").readTimeout(Duration.ofSeconds(10))
                    .deadline(Duration.ofMillis(300)).build();
            Throwable e = failure(fx.client.call(request, TWO_RETRIES));
            assertThat(e).hasCauseInstanceOf(SparkHttpTransport.DeadlineExceededException.class);
            assertThat(raw.requests()).isEqualTo(1);
        }
    }

    @Test
    void aDeadlineThatWasNotReachedDoesNotHurtTheConnection() throws Exception {
        server.on("/r", json("{\"ok\":true}"));
        SparkRequest request = SparkRequest.get(server.url(), "/r").deadline(Duration.ofMillis(200)).build();
        for (int i = 0; i < 3; i++) {
            assertThat(fx.client.call(request, TWO_RETRIES).get(10, TimeUnit.SECONDS).bodyAsString()).contains("ok");
        }
    }

    @Test
    void aWholeAnswerGoesBackToThePoolAndTheConnectionIsReused() throws Exception {
        try (RawHttpServer raw = new RawHttpServer(c -> {
            while (c.readRequest() != null) {
                c.respondKeepAlive(200, "{\"n\":1}", "Content-Type", "application/json");
            }
        })) {
            for (int i = 0; i < 3; i++) {
                fx.client.call(SparkRequest.get(raw.url(), "/r").build(), TWO_RETRIES).get(10, TimeUnit.SECONDS);
            }
            assertThat(raw.requests()).isEqualTo(3);
            assertThat(raw.connections()).isEqualTo(1);
        }
    }

    @Test
    void readFullyRefusesMoreThanItsLimit() throws Exception {
        server.on("/big", json("x".repeat(2_000)));
        SparkOpenResponse response = fx.client.open(SparkRequest.get(server.url(), "/big").build(), TWO_RETRIES)
                .get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> response.readFully(1_000)).hasMessageContaining("larger than 1000 bytes");
        assertThat(response.isClosed()).isTrue();
    }

    @Test
    void aClosedTransportRefusesWork() {
        fx.transport.close();
        assertThatThrownBy(() -> fx.transport.open(SparkRequest.get(server.url(), "/r").build()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void deadlineTimersOfFinishedCallsLeaveTheQueue() throws Exception {
        server.on("/r", json("{}"));
        SparkRequest request = SparkRequest.get(server.url(), "/r").deadline(Duration.ofMinutes(10)).build();
        for (int i = 0; i < 200; i++) {
            fx.client.call(request, TWO_RETRIES).get(10, TimeUnit.SECONDS);
        }
        // before, each of the 200 cancelled timers stayed queued for the 10 minutes it would have waited
        assertThat(fx.transport.pendingDeadlines()).as("timers left after 200 finished calls").isZero();

        try (SparkOpenResponse open = fx.client.open(request, TWO_RETRIES).get(10, TimeUnit.SECONDS)) {
            assertThat(fx.transport.pendingDeadlines()).as("the call in flight keeps its own").isEqualTo(1);
        }
        assertThat(fx.transport.pendingDeadlines()).isZero();
    }

    @Test
    void answersOfDeclaredLengthAndChunkedOnesAreReadWholeOnOneConnection() throws Exception {
        String json = "{\"response\":\"verbl\u00fcd \u65e5\u672c\"}";
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        try (RawHttpServer raw = new RawHttpServer(c -> {
            int n = 0;
            while (c.readRequest() != null) {
                if (n++ % 2 == 0) {
                    c.respondKeepAlive(200, json, "Content-Type", "application/json");
                } else { // chunked: no length to size the array by
                    c.head(200, "Content-Type", "application/json", "Transfer-Encoding", "chunked");
                    c.write(Integer.toHexString(5) + "\r\n").write(java.util.Arrays.copyOf(utf8, 5)).write("\r\n");
                    c.write(Integer.toHexString(utf8.length - 5) + "\r\n")
                            .write(java.util.Arrays.copyOfRange(utf8, 5, utf8.length)).write("\r\n0\r\n\r\n");
                }
            }
        })) {
            for (int i = 0; i < 4; i++) {
                SparkResponse answer = fx.client.call(SparkRequest.get(raw.url(), "/r").deadline(Duration.ofSeconds(10))
                        .build(), TWO_RETRIES).get(10, TimeUnit.SECONDS);
                assertThat(answer.body()).as("answer " + i).isEqualTo(utf8);
                assertThat(answer.json().get("response").asText()).isEqualTo("verbl\u00fcd \u65e5\u672c");
            }
            assertThat(raw.connections()).as("each answer read to its end gave the connection back").isEqualTo(1);
            assertThat(fx.transport.leasedConnections()).isZero();
            assertThat(fx.transport.pendingDeadlines()).isZero();
        }
    }

    @Test
    void aStreamReadToItsEndGoesBackToThePoolAndOneClosedEarlyIsAborted() throws Exception {
        String events = "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\ndata: [DONE]\n\n";
        try (RawHttpServer raw = new RawHttpServer(c -> {
            while (c.readRequest() != null) {
                c.respondKeepAlive(200, events, "Content-Type", "text/event-stream");
            }
        })) {
            for (int i = 0; i < 3; i++) {
                try (var stream = new dev.camelspark.support.sse.SparkEventStream("test",
                        fx.client.open(SparkRequest.get(raw.url(), "/s").build(), TWO_RETRIES).get(10, TimeUnit.SECONDS),
                        false, Duration.ofSeconds(10))) {
                    assertThat(stream.readAll()).isEqualTo("hi");
                }
            }
            assertThat(raw.connections()).as("three streams read to [DONE] on one connection").isEqualTo(1);

            SparkOpenResponse early = fx.client.open(SparkRequest.get(raw.url(), "/s").build(), TWO_RETRIES)
                    .get(10, TimeUnit.SECONDS);
            early.close(); // nothing read
            fx.client.call(SparkRequest.get(raw.url(), "/s").build(), TWO_RETRIES).get(10, TimeUnit.SECONDS);
            assertThat(raw.connections()).as("the one closed early was aborted, not reused").isEqualTo(2);
        }
    }

    @Test
    void throughAProxyWithoutATunnelTheRequestLineIsAbsoluteAndCarriesTheWholeQuery() throws Exception {
        AtomicReference<RawHttpServer.Request> seen = new AtomicReference<>();
        try (RawHttpServer proxy = new RawHttpServer(c -> {
            seen.set(c.readRequest());
            c.respond(200, "{\"response\":\"hi\"}", "Content-Type", "application/json");
        })) {
            SparkHttpTransport viaProxy = new SparkHttpTransport(new TransportSettings(Duration.ofSeconds(5),
                    Duration.ofSeconds(30), 2, null, "127.0.0.1", proxy.port(), "camel-spark-test", fx.clock));
            SparkApiClient client = new SparkApiClient("test", viaProxy, new ClientRateLimiter(fx.clock),
                    fx.scheduler, fx.scheduler, new DefaultErrorDecoder(fx.clock));
            try {
                SparkResponse answer = client.call(SparkRequest.get("http://api.example:8080/api", "/generate_response")
                        .query("user_input", "a b&c").secretQuery("api_key", "k-1").build(), TWO_RETRIES)
                        .get(10, TimeUnit.SECONDS);
                assertThat(answer.json().get("response").asText()).isEqualTo("hi");
            } finally {
                viaProxy.close();
            }
        }
        assertThat(seen.get().method()).isEqualTo("GET");
        assertThat(seen.get().target())
                .isEqualTo("http://api.example:8080/api/generate_response?user_input=a%20b%26c&api_key=k-1");
        assertThat(seen.get().header("Host")).isEqualTo("api.example:8080");
    }
}
