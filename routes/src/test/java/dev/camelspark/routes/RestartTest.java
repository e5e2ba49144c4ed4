package dev.camelspark.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kill the application (SIGKILL, a separate JVM) at a point of a job's life, start it again, and every job ends
 * exactly once: in outbox/ with its sidecar, its input in .done/, nothing half-written, nothing in .error/.
 */
class RestartTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @TempDir
    Path dir;

    private void drop(String relative, String prompt) throws IOException {
        Path target = dir.resolve("inbox").resolve(relative);
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempFile(dir, "staging", ".tmp");
        Files.writeString(staging, prompt);
        Files.move(staging, target);
    }

    private List<String> outbox() throws IOException {
        Path outbox = dir.resolve("outbox");
        if (!Files.exists(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(Files::isRegularFile).map(p -> outbox.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void killedWhileAGenerationIsInFlightEveryJobStillEndsExactlyOnce() throws Exception {
        drop("image/one.txt", "A camel at dawn");
        drop("image/two.txt", "A camel at noon");
        drop("text/three.txt", "Why do camels have humps?");
        // the first image call hangs, so the application is killed in the middle of it
        EMULATOR.emulator().faults().add(Fault.latency(Duration.ofSeconds(30)).on(Provider.DYNASPARK)
                .path("/api/generate_image").times(1));

        try (BatchProcess first = BatchProcess.start(dir, EMULATOR.emulator(), Map.of())) {
            await().atMost(BatchProcess.patience()).until(() -> EMULATOR.emulator().requests(Provider.DYNASPARK).stream()
                    .anyMatch(r -> r.path().endsWith("/generate_image") && !r.completed()));
            first.kill();
        }
        try (BatchProcess second = BatchProcess.start(dir, EMULATOR.emulator(), Map.of())) {
            await().atMost(BatchProcess.patience()).until(() -> outbox().containsAll(List.of(
                    "image/one.png", "image/one.png.json", "image/two.png", "image/two.png.json",
                    "text/three.txt", "text/three.txt.json")));
            await().atMost(BatchProcess.patience()).until(() -> Files.exists(dir.resolve("inbox/.done/image/one.txt"))
                                                                && Files.exists(dir.resolve("inbox/.done/image/two.txt"))
                                                                && Files.exists(dir.resolve("inbox/.done/text/three.txt")));
        }
        assertThat(outbox()).containsExactly("image/one.png", "image/one.png.json", "image/two.png",
                "image/two.png.json", "text/three.txt", "text/three.txt.json");
        assertThat(dir.resolve("inbox/.error")).doesNotExist();
    }
}
