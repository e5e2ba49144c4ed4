package dev.camelspark.routes;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The application as it ships (application.properties and the YAML routes), with its in-process emulator. */
@CamelMainTest(properties = { "spark.emulator.port=0", "spark.batch.read-lock-min-age=0" })
class BatchApplicationTest {

    static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("camel-spark-batch-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // system properties override application.properties
        System.setProperty("spark.batch.dir", DIR.toString());
    }

    private static Path drop(String operation, String name, String prompt) throws IOException {
        Path folder = Files.createDirectories(DIR.resolve("inbox").resolve(operation));
        Path staging = Files.createTempFile(DIR, "staging", ".tmp");
        Files.writeString(staging, prompt, StandardCharsets.UTF_8);
        return Files.move(staging, folder.resolve(name));
    }

    private static Path outbox(String name) {
        return DIR.resolve("outbox").resolve(name);
    }

    private static void awaitFile(Path file) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file));
    }

    @Test
    void anImagePromptBecomesAPngAndASidecar() throws Exception {
        drop("image", "sunset.txt", "A camel at sunset over the dunes");

        Path sidecar = outbox("sunset.png.json");
        awaitFile(sidecar);
        BufferedImage image = ImageIO.read(outbox("sunset.png").toFile());
        assertThat(image.getWidth()).isPositive();
        JsonNode doc = new ObjectMapper().readTree(sidecar.toFile());
        assertThat(doc.path("provider").asText()).isEqualTo("dynaspark");
        assertThat(doc.path("operation").asText()).isEqualTo("image");
        assertThat(doc.path("prompt").asText()).isEqualTo("A camel at sunset over the dunes");
        assertThat(doc.path("input").asText()).isEqualTo("sunset.txt");
        assertThat(doc.path("output").asText()).isEqualTo("sunset.png");
        assertThat(doc.path("model").asText()).isNotBlank();
        assertThat(doc.has("seed")).isTrue();
        assertThat(doc.path("timings").path("millis").asLong()).isNotNegative();
        awaitFile(DIR.resolve("inbox/.done/image/sunset.txt"));
        assertThat(DIR.resolve("inbox/image/sunset.txt")).doesNotExist();
    }

    @Test
    void aTextPromptBecomesTextWithTokensInTheSidecar() throws Exception {
        drop("text", "question.txt", "What is an integration pattern?");

        Path sidecar = outbox("question.txt.json");
        awaitFile(sidecar);
        assertThat(Files.readString(outbox("question.txt"))).isNotBlank();
        JsonNode doc = new ObjectMapper().readTree(sidecar.toFile());
        assertThat(doc.path("tokens").path("total").asInt()).isPositive();
        awaitFile(DIR.resolve("inbox/.done/text/question.txt"));
    }

    @Test
    void anAudioPromptBecomesMp3() throws Exception {
        drop("audio", "greeting.txt", "Hello from the drop folder");

        awaitFile(outbox("greeting.mp3.json"));
        byte[] mp3 = Files.readAllBytes(outbox("greeting.mp3"));
        assertThat(mp3.length).isGreaterThan(100);
    }

    @Test
    void aBadPromptGoesToErrorWithItsReasonAndDoesNotStopTheOthers() throws Exception {
        drop("text", "empty.txt", "   ");
        drop("text", "fine.txt", "Say hello");

        awaitFile(DIR.resolve("inbox/.error/text/empty.txt"));
        Path reason = DIR.resolve("inbox/.error/text/empty.reason.txt");
        awaitFile(reason);
        assertThat(Files.readString(reason)).contains("prompt");
        awaitFile(outbox("fine.txt.json"));
        assertThat(outbox("empty.txt")).doesNotExist();
    }
}
