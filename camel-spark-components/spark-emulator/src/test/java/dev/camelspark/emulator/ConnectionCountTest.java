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

    @Test
    void aConnectionTheClientClosesNoLongerCountsAsOpen() throws Exception {
        SparkEmulator emu = EMULATOR.emulator();
        long before = emu.connectionsOpen();
        try (java.net.Socket socket = new java.net.Socket("localhost", emu.port())) {
            waitFor(() -> emu.connectionsOpen() == before + 1);
        }
        waitFor(() -> emu.connectionsOpen() == before);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false after 5 s").isLessThan(end);
            Thread.sleep(20);
        }
    }

    @Test
    void theLogKnowsHowManyRequestsWereInFlightAtOnce() throws Exception {
        SparkEmulator emu = EMULATOR.emulator();
        emu.faults().add(Fault.latency(Duration.ofMillis(300)).on(Provider.DYNASPARK));
        HttpRequest call = HttpRequest.newBuilder(
                URI.create(emu.baseUrl(Provider.DYNASPARK) + "/generate_response?user_input=hello")).build();
        HttpClient http = client();

        var calls = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> http.sendAsync(call, HttpResponse.BodyHandlers.ofString())).toList();
        calls.forEach(c -> assertThat(c.join().statusCode()).isEqualTo(200));

        assertThat(emu.requests().peakInFlight()).isEqualTo(3);
        // the server counts a request answered when its last write completes, which may be just after the client
        // has read it
        waitFor(() -> emu.requests().inFlight() == 0);
        emu.requests().clear();
        assertThat(emu.requests().peakInFlight()).isZero();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
