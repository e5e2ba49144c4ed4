package dev.camelspark.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.emulator.Provider;
import dev.camelspark.neospark.NeoSparkComponent;
import dev.camelspark.neospark.NeoSparkConfiguration;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A large video generated and fetched: {@code to("neospark:video")}, which streams it to a temp file (deleted when the
 * exchange ends), vs a bare {@link HttpClient} that creates the same task, polls it on the same schedule and reads the
 * video whole into a {@code byte[]}. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes allocated per
 * video by the client (the emulator runs in its own JVM, see {@link EmulatorProcess}). Ours should stay flat whatever
 * the size; the baseline's grows with it, and so does the heap a route would need to run several at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class MediaDownloadBenchmark extends EmulatorBenchmark {

    private static final String KEY = "np_benchmark";
    private static final String PROMPT = "A corgi on the beach";
    /** Both poll the task after this long (it is complete at once) and then every this long. */
    private static final long POLL_MILLIS = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Two sizes: ours should allocate the same for both, the baseline four times more for the larger. */
    @Param({"16", "64"})
    public int megabytes;

    private String api;
    private String mediaRoot;

    @Setup
    public void setUp() throws Exception {
        start(camel -> {
            NeoSparkConfiguration config = camel.getComponent("neospark", NeoSparkComponent.class).getConfiguration();
            config.setBaseUrl(emulator.baseUrl(Provider.NEOSPARK));
            config.setApiKey(KEY);
            config.setPollInterval(POLL_MILLIS);
            config.setMaxPollInterval(POLL_MILLIS);
        }, new RouteBuilder() {
            @Override
            public void configure() {
                // the body is a temp-file-backed stream; its length is read from the file, not by reading it
                from("direct:video").to("neospark:video?videoResolution=480p&duration=4")
                        .process(e -> e.getMessage().setBody(e.getMessage().getBody(StreamCache.class).length()));
            }
        });
        emulator.settings(Provider.NEOSPARK, "{\"videoFileSize\": " + size() + "}");
        api = emulator.baseUrl(Provider.NEOSPARK);
        mediaRoot = emulator.url() + Provider.NEOSPARK.prefix();

        if (downloadOurs() != size() || downloadBaseline() != size()) {
            throw new IllegalStateException("ours and the baseline did not both fetch " + size() + " bytes");
        }
    }

    private long size() {
        return megabytes * 1024L * 1024L;
    }

    @Benchmark
    public long downloadBaseline() throws IOException, InterruptedException {
        JsonNode task = call(HttpRequest.newBuilder(URI.create(api + "/video/generations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"prompt\":\"" + PROMPT + "\",\"resolution\":\"480p\",\"duration\":4}")));
        String id = task.get("task_id").asText();
        // polled as our poller does: first after the interval, whatever the create answered; a held thread, as the
        // hand-written client this baseline stands for would hold it
        do {
            Thread.sleep(POLL_MILLIS);
            task = call(HttpRequest.newBuilder(URI.create(api + "/video/generations/" + id)).GET());
            if ("failed".equals(task.path("status").asText())) {
                throw new IllegalStateException("video task failed: " + task);
            }
        } while (!"completed".equals(task.path("status").asText()));
        HttpResponse<byte[]> video = http.send(HttpRequest.newBuilder(
                URI.create(mediaRoot + task.get("video_url").asText())).header("X-API-Key", KEY).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return video.body().length;
    }

    @Benchmark
    public long downloadOurs() {
        return template.requestBody("direct:video", PROMPT, Long.class);
    }

    /** The {@code data} of NeoSpark's envelope. */
    private JsonNode call(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("X-API-Key", KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("NeoSpark answered " + response.statusCode() + ": " + response.body());
        }
        return MAPPER.readTree(response.body()).get("data");
    }
}
