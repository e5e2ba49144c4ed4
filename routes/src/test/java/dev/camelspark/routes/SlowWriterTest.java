package dev.camelspark.routes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;
import org.apache.camel.main.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Files written in place, slowly (three chunks 2.5 s apart, as an editor or a copy over a slow share may write them),
 * are read whole: the application as shipped, its read lock at its default (spark.batch.read-lock-min-age), each DSL.
 */
class SlowWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = { "yaml", "xml", "java" })
    void aFileWrittenSlowlyIsReadOnlyOnceItIsWhole(String dsl) throws Exception {
        Path dir = Files.createTempDirectory("camel-spark-slow-" + dsl + "-");
        // a system property, as the other tests set theirs: Camel lets system properties override everything else
        String otherDir = System.setProperty("spark.batch.dir", dir.toString());
        Main main = new Main();
        main.addOverrideProperty("spark.emulator.port", "0");
        main.addOverrideProperty("spark.batch.dsl", dsl);
        main.start();
        ExecutorService writers = Executors.newFixedThreadPool(3);
        try {
            SparkEmulator emulator = main.getCamelContext().getRegistry().lookupByNameAndType("sparkEmulator",
                    SparkEmulator.class);
            List<Future<?>> writing = List.of(
                    writers.submit(() -> writeSlowly(dir.resolve("inbox/text/slow.txt"),
                            "A prompt written ", "slowly, in three ", "chunks")),
                    writers.submit(() -> writeSlowly(dir.resolve("inbox/jobs/slow.json"),
                            "{\"provider\": \"dynaspark\", \"operation\": \"text\",", " \"prompt\": \"A job written",
                            " slowly\"}")),
                    writers.submit(() -> writeSlowly(dir.resolve("inbox/batches/text/slow.csv"),
                            "prompt\nA first line\n", "A second line\n", "A third line\n")));
            for (Future<?> writer : writing) {
                writer.get();
            }

            Path outbox = dir.resolve("outbox");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(outbox.resolve("text/slow.txt.json"))
                    && Files.exists(outbox.resolve("jobs/slow.txt.json"))
                    && Files.exists(outbox.resolve("batches/text/slow.batch.json")));
            assertThat(prompt(outbox.resolve("text/slow.txt.json"))).isEqualTo("A prompt written slowly, in three chunks");
            assertThat(prompt(outbox.resolve("jobs/slow.txt.json"))).isEqualTo("A job written slowly");
            assertThat(JSON.readTree(outbox.resolve("batches/text/slow.batch.json").toFile()).path("done").asInt())
                    .isEqualTo(3);
            // nothing was sent half-written
            assertThat(emulator.requests(Provider.DYNASPARK)).hasSize(5);
            assertThat(dir.resolve("inbox/.error")).doesNotExist();
        } finally {
            writers.shutdownNow();
            main.stop();
            if (otherDir == null) {
                System.clearProperty("spark.batch.dir");
            } else {
                System.setProperty("spark.batch.dir", otherDir);
            }
        }
    }

    private static String prompt(Path sidecar) throws IOException {
        JsonNode doc = JSON.readTree(sidecar.toFile());
        return doc.path("prompt").asText();
    }

    /** Writes the file where it lands, chunk by chunk, 2.5 s apart. */
    private static Void writeSlowly(Path file, String... chunks) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < chunks.length; i++) {
                if (i > 0) {
                    Thread.sleep(2500);
                }
                out.write(chunks[i].getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
        return null;
    }
}
