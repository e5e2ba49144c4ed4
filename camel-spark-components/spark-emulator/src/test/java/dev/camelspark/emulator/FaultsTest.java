package dev.camelspark.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR =
            new SparkEmulatorExtension(SparkEmulator.builder().tokenDelay(Duration.ofMillis(1)));

    private static String text() {
        return EMULATOR.baseUrl(Provider.DYNASPARK) + "/generate_response?user_input=hello+there";
    }

    private static String stream() {
        return text() + "&stream=true";
    }

    @Test
    void respondsWithTheGivenStatusForTheNextNCallsThenNormally() {
        EMULATOR.emulator().faults().add(Fault.respond(503, "{\"error\":\"busy\"}").header("Retry-After", "1").times(2));

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = HttpAccess.get(text());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("{\"error\":\"busy\"}");
            assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        }
        assertThat(HttpAccess.get(text()).statusCode()).isEqualTo(200);
        assertThat(EMULATOR.emulator().faults().list()).isEmpty();
    }

    @Test
    void aTrickleSendsTheHeadersAtOnceAndTheBodyInPiecesWithPausesBetween() throws Exception {
        EMULATOR.emulator().faults().add(Fault.trickle(200, "0123456789".repeat(10), Duration.ofMillis(100))
                .header("Content-Type", "audio/mpeg").times(1));

        long start = System.nanoTime();
        HttpResponse<InputStream> r = HttpAccess.stream(HttpAccess.request(text()).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        try (InputStream in = r.body()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("0123456789".repeat(10));
        }
        // a lower bound only: nine pauses cannot take less, however slow the machine
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aFaultWithoutBodyUsesTheProvidersErrorFormat() {
        EMULATOR.emulator().faults().add(Fault.respond(500).times(1));
        HttpResponse<String> r = HttpAccess.get(text());
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(HttpAccess.json(r).get("error").asText()).contains("500");
    }

    @Test
    void ok200WithAnErrorBodyIsPossible() {
        EMULATOR.emulator().faults().add(Fault.respond(200, "{\"error\":\"model overloaded\"}").times(1));
        HttpResponse<String> r = HttpAccess.get(text());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(HttpAccess.json(r).get("error").asText()).isEqualTo("model overloaded");
    }

    @Test
    void untilClearedLastsUntilRemoved() {
        String id = EMULATOR.emulator().faults().add(Fault.respond(502).on(Provider.DYNASPARK));
        for (int i = 0; i < 3; i++) {
            assertThat(HttpAccess.get(text()).statusCode()).isEqualTo(502);
        }
        assertThat(EMULATOR.emulator().faults().list()).singleElement()
                .satisfies(a -> assertThat(a.used()).isEqualTo(3));
        EMULATOR.emulator().faults().remove(id);
        assertThat(HttpAccess.get(text()).statusCode()).isEqualTo(200);
    }

    @Test
    void matchesOnProviderMethodAndPathAndFirstMatchWins() {
        Faults faults = EMULATOR.emulator().faults();
        faults.add(Fault.respond(418).on(Provider.SPARKGPT));
        faults.add(Fault.respond(503).on(Provider.DYNASPARK).method("GET").path("/api/generate_image").times(1));
        faults.add(Fault.respond(504).on(Provider.DYNASPARK).path("/api/*").times(1));
        faults.add(Fault.respond(500).path("/api/generate_*").times(5));

        assertThat(HttpAccess.get(text()).statusCode()).isEqualTo(504);
        assertThat(HttpAccess.get(EMULATOR.baseUrl(Provider.DYNASPARK) + "/generate_image?user_input=x").statusCode())
                .isEqualTo(503);
        assertThat(HttpAccess.get(text()).statusCode()).isEqualTo(500);
        assertThat(HttpAccess.get(EMULATOR.emulator().url() + "/dynaspark/status").statusCode()).isEqualTo(200);
    }

    @Test
    void pathsMatchBelowTheBaseUrlAsTheVendorDocumentsThemOrBelowTheProviderPrefix() {
        SparkEmulator emu = EMULATOR.emulator();
        String neo = emu.baseUrl(Provider.NEOSPARK);
        String video = "{\"prompt\":\"A corgi on the beach\",\"duration\":5}";
        // the vendor's path, below the base URL .../neospark/api/v1
        emu.faults().add(Fault.respond(503).on(Provider.NEOSPARK).method("POST").path("/video/generations").times(1));
        assertThat(HttpAccess.post(neo + "/video/generations", video, "X-API-Key", "np_k").statusCode()).isEqualTo(503);
        assertThat(HttpAccess.post(neo + "/video/generations", video, "X-API-Key", "np_k").statusCode()).isEqualTo(200);
        // the older form, below the provider prefix /neospark, keeps working
        emu.faults().add(Fault.respond(502).on(Provider.NEOSPARK).path("/api/v1/video/generations/*").times(1));
        assertThat(HttpAccess.get(neo + "/video/generations/video_x", "X-API-Key", "np_k").statusCode()).isEqualTo(502);
        // DynaSpark likewise: /generate_image below .../dynaspark/api, /api/generate_image below /dynaspark
        emu.faults().add(Fault.respond(429).on(Provider.DYNASPARK).path("/generate_image").times(1));
        assertThat(HttpAccess.get(emu.baseUrl(Provider.DYNASPARK) + "/generate_image?user_input=x").statusCode())
                .isEqualTo(429);
        // paths outside the API (media, status pages) are only below the prefix
        emu.faults().add(Fault.respond(500).on(Provider.DYNASPARK).path("/status").times(1));
        assertThat(HttpAccess.get(emu.url() + "/dynaspark/status").statusCode()).isEqualTo(500);
        assertThat(emu.requests().count(Provider.NEOSPARK, "POST", "/video/generations")).isEqualTo(2);
        assertThat(emu.requests().count(Provider.NEOSPARK, "POST", "/api/v1/video/generations")).isEqualTo(2);
    }

    @Test
    void latencyDelaysTheAnswer() {
        EMULATOR.emulator().faults().add(Fault.latency(Duration.ofMillis(400)).times(1));
        long start = System.nanoTime();
        HttpResponse<String> r = HttpAccess.get(text());
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(400);
    }

    @Test
    void globalAndProviderLatencyApply() {
        EMULATOR.emulator().settings().latency(Duration.ofMillis(150));
        long start = System.nanoTime();
        HttpAccess.get(text());
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);

        EMULATOR.emulator().dynaspark().latency(Duration.ofMillis(300));
        start = System.nanoTime();
        HttpAccess.get(text());
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void resetClosesTheConnectionWithoutAnswer() throws IOException {
        EMULATOR.emulator().faults().add(Fault.resetConnection().times(1));
        // a raw socket: java.net.http would quietly resend a GET whose connection closed before any byte came back
        try (Socket socket = new Socket("localhost", EMULATOR.emulator().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /dynaspark/api/generate_response?user_input=hi HTTP/1.1\r\n"
                    + "Host: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            int read;
            try {
                read = socket.getInputStream().read();
            } catch (SocketException closedHard) {
                read = -1;
            }
            assertThat(read).as("no byte of response").isEqualTo(-1);
        }
        RecordedRequest recorded = EMULATOR.emulator().requests(Provider.DYNASPARK).get(0);
        HttpAccess.await(recorded::completed);
        assertThat(recorded.status()).isZero();
        assertThat(HttpAccess.get(text()).statusCode()).isEqualTo(200);
    }

    @Test
    void javaHttpClientSeesTheResetAsAnIoError() {
        EMULATOR.emulator().faults().add(Fault.resetConnection().times(2));
        HttpClient fresh = HttpClient.newHttpClient();
        assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(URI.create(text())).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void cutStreamEndsCleanlyWithoutDone() {
        EMULATOR.emulator().faults().add(Fault.cutStreamAfter(3).times(1));

        HttpResponse<String> cut = HttpAccess.get(stream());
        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(HttpAccess.sseData(cut.body())).hasSize(3).doesNotContain("[DONE]");

        assertThat(HttpAccess.sseData(HttpAccess.get(stream()).body())).contains("[DONE]");
    }

    @Test
    void streamFaultDelayHoldsBackTheFirstEvent() {
        EMULATOR.emulator().faults().add(Fault.cutStreamAfter(2).delay(Duration.ofMillis(300)).times(1));
        long start = System.nanoTime();
        HttpResponse<String> r = HttpAccess.get(stream());
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
        assertThat(HttpAccess.sseData(r.body())).hasSize(2);
    }

    @Test
    void streamFaultsAreNotUsedUpByCallsThatDoNotStream() {
        EMULATOR.emulator().faults().add(Fault.cutStreamAfter(1).times(1));
        assertThat(HttpAccess.get(text()).statusCode()).isEqualTo(200);
        assertThat(HttpAccess.sseData(HttpAccess.get(stream()).body())).hasSize(1);
    }

    @Test
    void stalledStreamSendsNothingMoreAndStaysOpenUntilTheClientLeaves() throws Exception {
        EMULATOR.emulator().faults().add(Fault.stallStreamAfter(2).times(1));
        HttpResponse<InputStream> r = HttpAccess.stream(HttpAccess.request(stream()).build());
        RecordedRequest recorded = EMULATOR.emulator().requests(Provider.DYNASPARK).get(0);
        BufferedReader reader = HttpAccess.reader(r.body());
        List<String> events = new ArrayList<>();
        events.add(HttpAccess.nextData(reader));
        events.add(HttpAccess.nextData(reader));
        CompletableFuture<String> third = CompletableFuture.supplyAsync(() -> {
            try {
                return HttpAccess.nextData(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThatThrownBy(() -> third.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(events).doesNotContainNull();
        assertThat(recorded.completed()).isFalse();

        r.body().close();
        HttpAccess.await(recorded::completed);
    }

    @Test
    void stalledStreamIsClosedByTheServerAtTheCap() throws Exception {
        EMULATOR.emulator().settings().stallCap(Duration.ofSeconds(1));
        EMULATOR.emulator().faults().add(Fault.stallStreamAfter(0).times(1));
        HttpResponse<InputStream> r = HttpAccess.stream(HttpAccess.request(stream()).build());
        assertThat(r.statusCode()).isEqualTo(200);
        try (BufferedReader reader = HttpAccess.reader(r.body())) {
            assertThat(HttpAccess.nextData(reader)).isNull();
        } catch (IOException expected) {
            // a closed chunked stream may also surface as an error: either way nothing more came
        }
    }
}
