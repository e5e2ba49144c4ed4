package dev.camelspark.support.http;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import dev.camelspark.support.testing.ClientFixture;
import dev.camelspark.support.testing.HttpTestServer;
import dev.camelspark.support.testing.LogCapture;
import dev.camelspark.support.testing.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.camelspark.support.http.SparkApiClientRetryTest.failure;
import static dev.camelspark.support.testing.HttpTestServer.json;
import static dev.camelspark.support.testing.HttpTestServer.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key goes on the wire and nowhere else: not in exception messages, not in our logs, nor in Apache HttpClient's
 * ({@code org.apache.hc}: exec chain, headers, wire), every logger at DEBUG.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SparkApiClientSecretsTest {

    private static final String KEY = "sk-SECRET-7f3a9c";
    private static final CallPolicy RETRIES = new CallPolicy(1, Duration.ofSeconds(60), "key", 0, 0);

    private final HttpTestServer server = new HttpTestServer();
    private final ClientFixture fx = ClientFixture.create();

    @AfterEach
    void tearDown() {
        fx.close();
        server.close();
    }

    private static SparkRequest.Builder withKey(SparkRequest.Builder builder) {
        return builder.secretQuery("api_key", KEY).bearer(KEY).secretHeader("X-API-Key", KEY);
    }

    private static List<String> messages(Throwable t) {
        List<String> all = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.add(String.valueOf(c));
        }
        return all;
    }

    @Test
    void theKeyIsSentButAppearsInNoFailureNorLogLine() throws Exception {
        server.onSequence("/generate_response", status(503, "busy", "Retry-After", "0"), json("{\"response\":\"hi\"}"));
        server.on("/denied", status(401, "{\"error\":\"invalid key\"}"));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        List<Throwable> failures = new ArrayList<>();
        String logs;
        try (LogCapture log = LogCapture.debug("dev.camelspark");
             RawHttpServer silent = new RawHttpServer(c -> {
                 c.readRequest();
                 c.awaitClientClose(Duration.ofSeconds(20));
             })) {
            fx.client.call(withKey(SparkRequest.get(server.url(), "/generate_response")).build(), RETRIES)
                    .get(10, TimeUnit.SECONDS);
            failures.add(failure(fx.client.call(withKey(SparkRequest.get(server.url(), "/denied")).build(), RETRIES)));
            failures.add(failure(fx.client.call(withKey(SparkRequest.get("http://127.0.0.1:" + closedPort, "/x")).build(), RETRIES)));
            failures.add(failure(fx.client.call(withKey(SparkRequest.post(silent.url(), "/create")
                    .kind(CallKind.PAID_CREATE).readTimeout(Duration.ofMillis(200))).build(), RETRIES)));
            logs = log.all();
        }

        // the wire had it
        HttpTestServer.Recorded sent = server.requests().get(0);
        assertThat(sent.query()).contains("api_key=" + KEY);
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);

        // the failures say what failed, with the key masked
        assertThat(failures).hasSize(3);
        for (Throwable f : failures) {
            assertThat(messages(f)).allSatisfy(m -> assertThat(m).doesNotContain(KEY));
        }
        assertThat(failures.get(1).getMessage()).contains("api_key=xxxxxx");
        assertThat(failures.get(2).getMessage()).contains("api_key=xxxxxx");

        // our debug logs describe the calls and their retries, never with the key
        assertThat(logs).contains("Sending GET").contains("retrying").contains("api_key=xxxxxx");
        assertThat(logs).doesNotContain(KEY);
    }

    /** DynaSpark: {@code ?api_key=}; SparkGPT and others: a bearer token; NeoSpark: {@code X-API-Key}. */
    private static final List<UnaryOperator<SparkRequest.Builder>> PLACEMENTS = List.of(
            b -> b.secretQuery("api_key", KEY),
            b -> b.bearer(KEY),
            b -> b.secretHeader("X-API-Key", KEY));

    @Test
    void noLoggerAtDebugShowsTheKeyWhereverItGoes() throws Exception {
        server.onSequence("/generate", status(503, "busy", "Retry-After", "0"), json("{\"response\":\"hi\"}"),
                status(503, "busy", "Retry-After", "0"), json("{\"response\":\"hi\"}"),
                status(503, "busy", "Retry-After", "0"), json("{\"response\":\"hi\"}"));
        server.on("/denied", status(401, "{\"error\":\"invalid key\"}"));
        server.on("/missing", status(404, "{\"error\":\"no such thing\"}"));
        List<Throwable> failures = new ArrayList<>();
        String logs;
        try (LogCapture apache = LogCapture.debug("org");
             LogCapture ours = LogCapture.debug("dev")) {
            for (UnaryOperator<SparkRequest.Builder> placement : PLACEMENTS) {
                SparkResponse ok = fx.client.call(placement.apply(SparkRequest.get(server.url(), "/generate")
                        .query("prompt", "a cat")).build(), RETRIES).get(10, TimeUnit.SECONDS);
                assertThat(ok.status()).isEqualTo(200);
                failures.add(failure(fx.client.call(placement.apply(SparkRequest.post(server.url(), "/denied")
                        .json(java.util.Map.of("prompt", "x"))).build(), RETRIES)));
                failures.add(failure(fx.client.call(placement.apply(SparkRequest.get(server.url(), "/missing"))
                        .build(), RETRIES)));
            }
            logs = apache.all() + "\n" + ours.all();
        }

        // the wire had the key, each time in its place, and nothing else changed in the request
        List<HttpTestServer.Recorded> sent = server.requests();
        assertThat(sent.get(0).query()).isEqualTo("prompt=a%20cat&api_key=" + KEY);
        assertThat(sent.get(0).header("Authorization")).isNull();
        assertThat(sent).filteredOn(r -> "Bearer ".concat(KEY).equals(r.header("Authorization"))).hasSize(4);
        assertThat(sent).filteredOn(r -> KEY.equals(r.header("X-API-Key"))).hasSize(4);
        assertThat(sent).filteredOn(r -> r.method().equals("POST")).allSatisfy(r ->
                assertThat(r.bodyAsString()).isEqualTo("{\"prompt\":\"x\"}"));

        // HttpClient did log at DEBUG: its exec chain and the request and response heads, masked
        assertThat(logs).contains("org.apache.hc.client5.http.impl.classic")
                .contains("org.apache.hc.client5.http.headers spark-outgoing-")
                .contains(">> GET /generate?prompt=a%20cat&api_key=xxxxxx HTTP/1.1")
                .contains(">> Authorization: xxxxxx")
                .contains(">> X-API-Key: xxxxxx")
                .contains("<< HTTP/1.1 503");
        assertThat(logs).doesNotContain(KEY);

        assertThat(failures).hasSize(6).allSatisfy(f -> {
            for (Throwable c = f; c != null; c = c.getCause()) {
                assertThat(String.valueOf(c)).doesNotContain(KEY);
            }
        });
    }
}
