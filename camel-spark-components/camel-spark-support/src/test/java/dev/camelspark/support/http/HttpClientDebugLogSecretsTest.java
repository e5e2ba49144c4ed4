package dev.camelspark.support.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import dev.camelspark.support.testing.ClientFixture;
import dev.camelspark.support.testing.HttpTestServer;
import dev.camelspark.support.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.camelspark.support.http.SparkApiClientRetryTest.failure;
import static dev.camelspark.support.testing.HttpTestServer.json;
import static dev.camelspark.support.testing.HttpTestServer.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every logger at DEBUG, Apache HttpClient's own ({@code org.apache.hc}: exec chain, headers, wire) included: the key
 * reaches the server in each of the three places the providers take it, and appears in no log line nor failure.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpClientDebugLogSecretsTest {

    private static final String KEY = "sk-DEBUG-SECRET-4e9b1d";
    private static final CallPolicy ONE_RETRY = new CallPolicy(1, Duration.ofSeconds(60), "key", 0, 0);

    private final HttpTestServer server = new HttpTestServer();
    private final ClientFixture fx = ClientFixture.create();

    @AfterEach
    void tearDown() {
        fx.close();
        server.close();
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
                        .query("prompt", "a cat")).build(), ONE_RETRY).get(10, TimeUnit.SECONDS);
                assertThat(ok.status()).isEqualTo(200);
                failures.add(failure(fx.client.call(placement.apply(SparkRequest.post(server.url(), "/denied")
                        .json(java.util.Map.of("prompt", "x"))).build(), ONE_RETRY)));
                failures.add(failure(fx.client.call(placement.apply(SparkRequest.get(server.url(), "/missing"))
                        .build(), ONE_RETRY)));
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
