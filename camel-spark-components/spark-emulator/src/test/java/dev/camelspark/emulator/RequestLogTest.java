package dev.camelspark.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestLogTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Test
    void recordsWhatTheClientSentAndTheStatusAnswered() {
        SparkEmulator emu = EMULATOR.emulator();
        emu.clock().freeze();
        HttpAccess.get(emu.baseUrl(Provider.DYNASPARK) + "/generate_response?user_input=" + HttpAccess.q("hi there")
                + "&api_key=secret-123&seed=4", "X-Trace", "abc");
        HttpAccess.get(emu.baseUrl(Provider.DYNASPARK) + "/generate_image?width=10&user_input=x");

        assertThat(emu.requests(Provider.DYNASPARK)).hasSize(2);
        RecordedRequest first = emu.requests().all().get(0);
        assertThat(first.provider()).isEqualTo(Provider.DYNASPARK);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.path()).isEqualTo("/api/generate_response");
        assertThat(first.queryParam("user_input")).isEqualTo("hi there");
        assertThat(first.queryParam("api_key")).isEqualTo("secret-123");
        assertThat(first.header("x-trace")).isEqualTo("abc");
        assertThat(first.header("X-Trace")).isEqualTo("abc");
        assertThat(first.receivedAt()).isEqualTo(emu.clock().now());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.completed()).isTrue();
        assertThat(emu.requests().last().status()).isEqualTo(400);
        assertThat(emu.requests().count(Provider.DYNASPARK, "GET", "/api/generate_image")).isEqualTo(1);
    }

    @Test
    void printingARequestNeverShowsTheKey() {
        SparkEmulator emu = EMULATOR.emulator();
        HttpAccess.get(emu.baseUrl(Provider.DYNASPARK) + "/generate_response?user_input=hi&api_key=secret-123");
        String printed = emu.requests().last().toString();

        assertThat(printed).contains("user_input=hi").contains("api_key=***").doesNotContain("secret-123");
    }

    @Test
    void recordsBodiesAndCutsLongOnes() {
        SparkEmulator emu = EMULATOR.emulator();
        emu.settings().maxLoggedBodyBytes(10);
        HttpResponse<String> r = HttpAccess.post(emu.url() + "/dynaspark/api/unknown", "{\"a\":\"0123456789\"}");

        assertThat(r.statusCode()).isEqualTo(404);
        RecordedRequest rec = emu.requests().last();
        assertThat(rec.method()).isEqualTo("POST");
        assertThat(rec.body()).isEqualTo("{\"a\":\"0123");
        assertThat(rec.bodyTruncated()).isTrue();
        assertThat(rec.status()).isEqualTo(404);
    }

    @Test
    void controlCallsAreNotRecorded() {
        HttpAccess.get(EMULATOR.emulator().url() + "/_emulator/requests");
        assertThat(EMULATOR.emulator().requests().all()).isEmpty();
    }

    @Test
    void keepsOnlyTheMostRecentRequests() {
        SparkEmulator emu = EMULATOR.emulator();
        emu.settings().maxLoggedRequests(3);
        for (int i = 0; i < 5; i++) {
            HttpAccess.get(emu.url() + "/dynaspark/status?n=" + i);
        }
        assertThat(emu.requests().all()).extracting(r -> r.queryParam("n")).containsExactly("2", "3", "4");
    }
}
