package dev.camelspark.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The emulator counts the TCP connections clients open, so a test can tell connection reuse from a new one per call. */
class ConnectionCountTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Test
    void aClientThatKeepsItsConnectionOpensOneForManyCalls() throws Exception {
        SparkEmulator emu = EMULATOR.emulator();
        HttpRequest call = HttpRequest.newBuilder(
                URI.create(emu.baseUrl(Provider.DYNASPARK) + "/generate_response?user_input=hello")).build();
        HttpClient pooled = client();
        long before = emu.connectionsOpened();

        for (int i = 0; i < 5; i++) {
            assertThat(pooled.send(call, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        long shared = emu.connectionsOpened() - before;
        for (int i = 0; i < 5; i++) {
            assertThat(client().send(call, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        long fresh = emu.connectionsOpened() - before - shared;

        assertThat(shared).as("five calls on one pooled client").isEqualTo(1);
        assertThat(fresh).as("five calls on five new clients").isEqualTo(5);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
