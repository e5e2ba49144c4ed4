package dev.camelspark.routes;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The batch application end to end, as it ships (application.properties, the routes, the in-process emulator): one
 * subclass per DSL copy of the routes runs these same tests. Each subclass has its own working folder.
 */
abstract class BatchApplicationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Produce
    ProducerTemplate template;

    /** The working folder of the running subclass (spark.batch.dir). */
    abstract Path dir();

    CamelContext context() {
        return template.getCamelContext();
    }

    SparkEmulator emulator() {
        return context().getRegistry().lookupByNameAndType("sparkEmulator", SparkEmulator.class);
    }

    static Path newDir(String dsl) {
        try {
            Path dir = Files.createTempDirectory("camel-spark-batch-" + dsl + "-");
            System.setProperty("spark.batch.dir", dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file elsewhere, then moves it in: the application never sees it half written. */
    Path drop(String relative, String content) throws IOException {
        return drop(relative, content, null);
    }

    Path drop(String relative, String content, Instant modified) throws IOException {
        Path target = dir().resolve("inbox").resolve(relative);
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempFile(dir(), "staging", ".tmp");
        Files.writeString(staging, content, StandardCharsets.UTF_8);
        if (modified != null) {
            Files.setLastModifiedTime(staging, FileTime.from(modified));
        }
        return Files.move(staging, target);
    }

    Path outbox(String relative) {
        return dir().resolve("outbox").resolve(relative);
    }

    static void awaitFile(Path file) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file));
    }

    static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    @Test
    void anImagePromptBecomesAPngAndASidecarAndMovesToDone() throws Exception {
        drop("image/sunset.txt", "A camel at sunset over the dunes\n");

        awaitFile(outbox("image/sunset.png.json"));
        BufferedImage image = ImageIO.read(outbox("image/sunset.png").toFile());
        assertThat(image.getWidth()).isPositive();
        JsonNode doc = json(outbox("image/sunset.png.json"));
        assertThat(doc.path("provider").asText()).isEqualTo("dynaspark");
        assertThat(doc.path("operation").asText()).isEqualTo("image");
        assertThat(doc.path("prompt").asText()).isEqualTo("A camel at sunset over the dunes");
        assertThat(doc.path("input").asText()).isEqualTo("image/sunset.txt");
        assertThat(doc.path("output").asText()).isEqualTo("image/sunset.png");
        assertThat(doc.path("model").asText()).isNotBlank();
        assertThat(doc.has("seed")).isTrue();
        assertThat(doc.path("timings").path("millis").asLong()).isNotNegative();
        awaitFile(dir().resolve("inbox/.done/image/sunset.txt"));
        assertThat(dir().resolve("inbox/image/sunset.txt")).doesNotExist();
        assertThat(outbox("image/sunset.png.part")).doesNotExist();
    }

    @Test
    void aTextPromptBecomesTextWithTokensInTheSidecar() throws Exception {
        drop("text/question.txt", "What is an integration pattern?");

        awaitFile(outbox("text/question.txt.json"));
        assertThat(Files.readString(outbox("text/question.txt"))).isNotBlank();
        assertThat(json(outbox("text/question.txt.json")).path("tokens").path("total").asInt()).isPositive();
    }

    @Test
    void aFolderNamingProviderAndOperationWorksToo() throws Exception {
        drop("dynaspark/audio/greeting.txt", "Hello from the drop folder");

        awaitFile(outbox("dynaspark/audio/greeting.mp3.json"));
        assertThat(Files.size(outbox("dynaspark/audio/greeting.mp3"))).isGreaterThan(100);
    }

    @Test
    void aChatPromptIsStreamedIntoMarkdownWithTokensAndCost() throws Exception {
        drop("chat/camels.txt", "Tell me about camels in three sentences.");

        awaitFile(outbox("chat/camels.md.json"));
        assertThat(Files.readString(outbox("chat/camels.md"))).isNotBlank();
        JsonNode doc = json(outbox("chat/camels.md.json"));
        assertThat(doc.path("provider").asText()).isEqualTo("sparkstream");
        assertThat(doc.path("tokens").path("total").asInt()).isPositive();
        assertThat(doc.path("cost").decimalValue()).isPositive();
        // streamed: the component asked for a stream
        assertThat(emulator().requests(Provider.SPARKSTREAM).get(0).bodyJson().path("stream").asBoolean()).isTrue();
    }

    @Test
    void aSparkGptJobTalksToTheNamedTrainedModel() throws Exception {
        drop("jobs/tea.json", """
                {"provider": "sparkgpt", "operation": "chat", "prompt": "What is your favorite tea?",
                 "options": {"modelId": 5}}
                """);

        awaitFile(outbox("jobs/tea.md.json"));
        assertThat(Files.readString(outbox("jobs/tea.md"))).containsIgnoringCase("green tea");
        assertThat(emulator().requests(Provider.SPARKGPT).get(0).bodyJson().path("model_id").asInt()).isEqualTo(5);
    }

    @Test
    void aDreamPromptIsAPaidTaskThatBecomesAPngWithItsTaskIdAndCost() throws Exception {
        emulator().settings(Provider.SPARKDREAM, SparkDreamSettings.class).durations(Duration.ZERO, Duration.ofMillis(300));
        drop("dream/oasis.txt", "An oasis at night, stars reflected in the water");

        awaitFile(outbox("dream/oasis.png.json"));
        assertThat(ImageIO.read(outbox("dream/oasis.png").toFile()).getWidth()).isPositive();
        JsonNode doc = json(outbox("dream/oasis.png.json"));
        assertThat(doc.path("provider").asText()).isEqualTo("sparkdream");
        assertThat(doc.path("taskId").asText()).isNotBlank();
        assertThat(doc.path("cost").decimalValue()).isPositive();
        assertThat(emulator().requests(Provider.SPARKDREAM).stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/generation"))).hasSize(1);
        // the task was recorded in the application's store while it ran, and forgotten once delivered
        awaitFile(dir().resolve("inbox/.done/dream/oasis.txt"));
    }

    @Test
    void aVideoPromptBecomesAnMp4StreamedToTheOutbox() throws Exception {
        emulator().neospark().videoTimes(Duration.ZERO, Duration.ofMillis(500));
        drop("video/waves.txt", "Slow waves on a beach at dusk");

        awaitFile(outbox("video/waves.mp4.json"));
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(outbox("video/waves.mp4")), 12);
        assertThat(new String(head, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        JsonNode doc = json(outbox("video/waves.mp4.json"));
        assertThat(doc.path("provider").asText()).isEqualTo("neospark");
        assertThat(doc.path("cost").decimalValue()).isPositive();
    }

    @Test
    void aNeoSparkJobAboveMaxCostPerTaskIsRefusedBeforeAnyCall() throws Exception {
        drop("jobs/epic.json", """
                {"provider": "neospark", "operation": "video", "prompt": "An epic", "options": {"duration": 15}}
                """);

        awaitFile(dir().resolve("inbox/.error/jobs/epic.reason.txt"));
        assertThat(Files.readString(dir().resolve("inbox/.error/jobs/epic.reason.txt"))).contains("maxCostPerTask");
        assertThat(emulator().requests(Provider.NEOSPARK).stream()
                .filter(r -> r.method().equals("POST") && r.path().contains("/video/generations"))).isEmpty();
    }

    @Test
    void aJsonJobNamesProviderOperationAndOptions() throws Exception {
        drop("jobs/poster.json", """
                {"provider": "dynaspark", "operation": "image", "prompt": "A poster of a camel",
                 "name": "camel-poster", "options": {"width": 320, "height": 200, "seed": 42}}
                """);

        awaitFile(outbox("jobs/camel-poster.png.json"));
        BufferedImage image = ImageIO.read(outbox("jobs/camel-poster.png").toFile());
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(200);
        JsonNode doc = json(outbox("jobs/camel-poster.png.json"));
        assertThat(doc.path("seed").asLong()).isEqualTo(42);
        assertThat(doc.path("options").path("width").asText()).isEqualTo("320");
    }

    @Test
    void aYamlJobWorksLikeAJsonOne() throws Exception {
        drop("jobs/haiku.yaml", """
                provider: dynaspark
                operation: text
                prompt: Write a haiku about integration
                options:
                  temperature: 0.5
                """);

        awaitFile(outbox("jobs/haiku.txt.json"));
        assertThat(emulator().requests(Provider.DYNASPARK).stream()
                .anyMatch(r -> "0.5".equals(r.queryParam("temperature")))).isTrue();
    }

    @Test
    void aMalformedJobGoesToErrorWithAReadableReasonAndTheOthersCarryOn() throws Exception {
        drop("jobs/typo.json", """
                {"provider": "dynaspark", "operation": "image", "prompt": "A camel", "options": {"widht": 300}}
                """);
        drop("jobs/broken.json", "{not json");
        drop("stray.txt", "a prompt in no folder");
        drop("text/fine.txt", "Say hello");

        awaitFile(dir().resolve("inbox/.error/jobs/typo.json"));
        awaitFile(dir().resolve("inbox/.error/jobs/typo.reason.txt"));
        assertThat(Files.readString(dir().resolve("inbox/.error/jobs/typo.reason.txt")))
                .contains("unknown option 'widht'").contains("width");
        awaitFile(dir().resolve("inbox/.error/jobs/broken.reason.txt"));
        assertThat(Files.readString(dir().resolve("inbox/.error/jobs/broken.reason.txt"))).contains("not valid JSON");
        awaitFile(dir().resolve("inbox/.error/stray.reason.txt"));
        assertThat(Files.readString(dir().resolve("inbox/.error/stray.reason.txt"))).contains("folder");
        awaitFile(outbox("text/fine.txt.json"));
    }

    @Test
    void aCsvBatchFansOutAndGathersIntoOneResultWithFailedLinesRecorded() throws Exception {
        drop("batches/image/animals.csv", """
                prompt,name,width,height
                A camel,camel,64,64
                A dromedary,,96,64
                A llama,llama,5000,64
                """);

        Path result = outbox("batches/image/animals.batch.json");
        awaitFile(result);
        JsonNode doc = json(result);
        assertThat(doc.path("total").asInt()).isEqualTo(3);
        assertThat(doc.path("done").asInt()).isEqualTo(2);
        assertThat(doc.path("failed").asInt()).isEqualTo(1);
        JsonNode lines = doc.path("lines");
        assertThat(lines.get(0).path("output").asText()).isEqualTo("batches/image/animals/camel.png");
        assertThat(lines.get(1).path("output").asText()).isEqualTo("batches/image/animals/0002.png");
        assertThat(lines.get(2).path("status").asText()).isEqualTo("failed");
        assertThat(lines.get(2).path("reason").asText()).contains("width").contains("5000");
        assertThat(ImageIO.read(outbox("batches/image/animals/0002.png").toFile()).getWidth()).isEqualTo(96);
        awaitFile(dir().resolve("inbox/.done/batches/image/animals.csv"));
    }

    @Test
    void aJsonlBatchNamesProviderAndOperationPerLine() throws Exception {
        drop("batches/mixed.jsonl", """
                {"provider": "dynaspark", "operation": "text", "prompt": "One"}
                {"provider": "dynaspark", "operation": "image", "prompt": "Two", "options": {"width": 64, "height": 64}}
                not a json line
                """);

        Path result = outbox("batches/mixed.batch.json");
        awaitFile(result);
        JsonNode doc = json(result);
        assertThat(doc.path("done").asInt()).isEqualTo(2);
        assertThat(doc.path("lines").get(2).path("reason").asText()).contains("not valid JSON");
        assertThat(outbox("batches/mixed/0001.txt")).exists();
        assertThat(outbox("batches/mixed/0002.png")).exists();
    }

    @Test
    void aJobWhoseSidecarIsAlreadyThereIsNotGeneratedAgain() throws Exception {
        // as after a crash between writing the result and moving the input to .done/
        Instant modified = Instant.parse("2026-01-02T03:04:05Z");
        String prompt = "An already generated camel";
        String key = "image/again.txt|" + prompt.getBytes(StandardCharsets.UTF_8).length + "|" + modified.toEpochMilli();
        Files.createDirectories(outbox("image"));
        Files.writeString(outbox("image/again.png"), "result");
        Files.writeString(outbox("image/again.png.json"), "{\"jobKey\": \"" + key + "\"}");

        drop("image/again.txt", prompt, modified);

        awaitFile(dir().resolve("inbox/.done/image/again.txt"));
        assertThat(emulator().requests(Provider.DYNASPARK).stream()
                .filter(r -> prompt.equals(r.queryParam("user_input")))).isEmpty();
        assertThat(Files.readString(outbox("image/again.png"))).isEqualTo("result");
    }

    @Test
    void namesInJobsCannotEscapeTheOutbox() throws Exception {
        drop("jobs/escape.json", """
                {"provider": "dynaspark", "operation": "text", "prompt": "Hi", "name": "../../../tmp/evil"}
                """);

        awaitFile(dir().resolve("inbox/.done/jobs/escape.json"));
        try (var files = Files.walk(dir().resolve("outbox"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> dir().resolve("outbox").relativize(p).toString()))
                    .contains("jobs/tmp_evil.txt", "jobs/tmp_evil.txt.json");
        }
    }
}
