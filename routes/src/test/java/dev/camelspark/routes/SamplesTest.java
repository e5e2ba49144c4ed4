package dev.camelspark.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every example in samples/drop-folder runs through the application as it ships and ends in the outbox. */
@CamelMainTest(properties = { "spark.emulator.port=0", "spark.batch.read-lock-min-age=0" })
class SamplesTest {

    static final Path DIR = BatchApplicationTestSupport.newDir("samples");
    static final Path SAMPLES = Path.of("../samples/drop-folder/inbox").toAbsolutePath().normalize();

    @Produce
    ProducerTemplate template;

    @Test
    void everySampleEndsInTheOutbox() throws Exception {
        SparkEmulator emulator = template.getCamelContext().getRegistry().lookupByNameAndType("sparkEmulator", SparkEmulator.class);
        emulator.neospark().videoTimes(Duration.ZERO, Duration.ofMillis(500));
        emulator.settings(Provider.SPARKDREAM, SparkDreamSettings.class).durations(Duration.ZERO, Duration.ofMillis(300));
        List<Path> samples;
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            samples = files.filter(Files::isRegularFile).toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(16);
        for (Path sample : samples) {
            Path target = DIR.resolve("inbox").resolve(SAMPLES.relativize(sample).toString());
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempFile(DIR, "staging", ".tmp");
            Files.copy(sample, staging, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(staging, target);
        }

        List<String> expected = List.of("text/camels-water.txt", "image/lighthouse.png", "audio/welcome.mp3",
                "chat/patterns.md", "sparkgpt/chat/tea.md", "dream/oasis.png", "video/waves.mp4",
                "neospark/image/caravan-poster.png", "jobs/camel-sun-poster.png", "jobs/haiku.txt",
                "jobs/tea-sommelier.md", "jobs/support-answer.md", "jobs/dream-banner.png", "jobs/short-video.mp4",
                "batches/image/animals.batch.json", "batches/mixed.batch.json");
        // a .part renamed while the outbox is walked makes the walk fail: look again
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> outbox().containsAll(expected));
        assertThat(new ObjectMapper().readTree(DIR.resolve("outbox/batches/image/animals.batch.json").toFile())
                .path("done").asInt()).isEqualTo(3);
        assertThat(new ObjectMapper().readTree(DIR.resolve("outbox/batches/mixed.batch.json").toFile())
                .path("failed").asInt()).isZero();
        assertThat(DIR.resolve("inbox/.error")).doesNotExist();
    }

    private static List<String> outbox() throws IOException {
        Path outbox = DIR.resolve("outbox");
        if (!Files.exists(outbox)) {
            return List.of();
        }
        // the application renames <name>.part into place while we look: a file may vanish during the walk
        try (Stream<Path> files = Files.walk(outbox)) {
            return files.filter(Files::isRegularFile).map(p -> outbox.relativize(p).toString())
                    .filter(name -> !name.endsWith(".part")).toList();
        } catch (UncheckedIOException vanished) {
            return List.of();
        }
    }
}
