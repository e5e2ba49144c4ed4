package dev.camelspark.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Open streams are paced by timers on the event loop: a hundred stalled streams cost no thread each. */
class ManyStreamsTest {

    private static final int STREAMS = 100;

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Test
    void hundredsOfOpenStreamsUseAFixedNumberOfThreads() throws Exception {
        SparkEmulator emu = EMULATOR.emulator();
        emu.faults().add(Fault.stallStreamAfter(1).on(Provider.DYNASPARK));
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<InputStream>>> pending = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            pending.add(client.sendAsync(HttpAccess.request(emu.baseUrl(Provider.DYNASPARK)
                    + "/generate_response?stream=true&user_input=stream+" + i).build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }
        List<InputStream> bodies = new ArrayList<>();
        for (CompletableFuture<HttpResponse<InputStream>> f : pending) {
            InputStream body = f.get().body();
            bodies.add(body);
            BufferedReader reader = HttpAccess.reader(body);
            assertThat(HttpAccess.nextData(reader)).contains("chat.completion.chunk");
        }

        assertThat(emu.requests(Provider.DYNASPARK)).hasSize(STREAMS).noneMatch(RecordedRequest::completed);
        long vertxThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("vert.x-")).count();
        assertThat(vertxThreads).isLessThan(STREAMS / 4);

        for (InputStream body : bodies) {
            body.close();
        }
        HttpAccess.await(() -> emu.requests(Provider.DYNASPARK).stream().allMatch(RecordedRequest::completed));
    }
}
