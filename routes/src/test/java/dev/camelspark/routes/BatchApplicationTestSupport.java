package dev.camelspark.routes;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
        return drop(relative, content.getBytes(StandardCharsets.UTF_8), modified);
    }

    Path dropBytes(String relative, byte[] content) throws IOException {
        return drop(relative, content, null);
    }

    private Path drop(String relative, byte[] content, Instant modified) throws IOException {
        return drop(dir(), relative, content, modified);
    }

    /** Drops a file into {@code dir}'s inbox, written elsewhere and moved in. */
    static Path drop(Path dir, String relative, byte[] content, Instant modified) throws IOException {
        Path target = dir.resolve("inbox").resolve(relative);
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempFile(dir, "staging", ".tmp");
        Files.write(staging, content);
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

    /** The reason file of a failed input, once it is there. */
    String reason(String input) throws IOException {
        Path reason = dir().resolve("inbox/.error").resolve(input + ".reason.txt");
        awaitFile(reason);
        return Files.readString(reason);
    }

    /** The emulator's calls whose prompt (DynaSpark's user_input, or a JSON body's prompt) is {@code prompt}. */
    long callsWithPrompt(Provider provider, String prompt) {
        return emulator().requests(provider).stream()
                .filter(r -> prompt.equals(r.queryParam("user_input")) || r.body() != null && r.body().contains(prompt))
                .count();
    }

    /** Every regular file below the outbox, relative to it. */
    List<String> outboxFiles() throws IOException {
        Path root = dir().resolve("outbox");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        // the application writes while the test looks: a .part file renamed (or a directory removed) between
        // listing and reading its attributes is skipped, not a failure; .part files are not results yet
        List<String> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && !file.getFileName().toString().endsWith(".part")) {
                    found.add(root.relativize(file).toString());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
        Collections.sort(found);
        return found;
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

        awaitFile(dir().resolve("inbox/.error/jobs/epic.json.reason.txt"));
        assertThat(Files.readString(dir().resolve("inbox/.error/jobs/epic.json.reason.txt"))).contains("maxCostPerTask");
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
        assertThat(reason("jobs/typo.json")).contains("unknown option 'widht'").contains("width");
        assertThat(reason("jobs/broken.json")).startsWith("'jobs/broken.json' is not valid JSON");
        assertThat(reason("stray.txt")).contains("folder");
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
    void namesInJobsCannotEscapeTheOutbox() throws Exception {
        drop("jobs/escape.json", """
                {"provider": "dynaspark", "operation": "text", "prompt": "Hi", "name": "../../../tmp/evil"}
                """);

        awaitFile(dir().resolve("inbox/.done/jobs/escape.json"));
        assertThat(outboxFiles()).contains("jobs/tmp_evil.txt", "jobs/tmp_evil.txt.json");
    }

    /** Each sidecar below the outbox (batch results aside): its output, and the prompt it answered. */
    java.util.Map<String, String> sidecarPrompts() throws IOException {
        java.util.Map<String, String> prompts = new java.util.TreeMap<>();
        for (String file : outboxFiles()) {
            if (file.endsWith(".json") && !file.endsWith(".batch.json")) {
                JsonNode doc = json(outbox(file));
                prompts.put(doc.path("output").asText(), doc.path("prompt").asText());
            }
        }
        return prompts;
    }

    @Test
    void outputNamesKeepUnicodeLettersAndCollidingNamesNeverOverwrite() throws Exception {
        drop("image/верблюд.txt", "A camel, named in Russian");
        drop("image/καμήλα.txt", "A camel, named in Greek");
        drop("image/日本語.txt", "A camel, named in Japanese");
        drop("text/a b.txt", "The first of two names that look alike");
        drop("text/a_b.txt", "The second of two names that look alike");
        drop("jobs/one.json", """
                {"provider": "dynaspark", "operation": "text", "prompt": "The first job named poster", "name": "poster"}
                """);
        drop("jobs/two.json", """
                {"provider": "dynaspark", "operation": "text", "prompt": "The second job named poster", "name": "poster"}
                """);

        List<String> prompts = List.of("A camel, named in Russian", "A camel, named in Greek", "A camel, named in Japanese",
                "The first of two names that look alike", "The second of two names that look alike",
                "The first job named poster", "The second job named poster");
        await().atMost(Duration.ofSeconds(30)).until(() -> sidecarPrompts().values().containsAll(prompts));
        assertThat(outboxFiles()).contains("image/верблюд.png", "image/καμήλα.png", "image/日本語.png",
                "text/a_b.txt", "text/a_b-2.txt", "jobs/poster.txt", "jobs/poster-2.txt");
        // seven jobs paid for, seven results kept: each prompt answered in a result of its own
        assertThat(sidecarPrompts().values().stream().filter(prompts::contains)).hasSize(7).doesNotHaveDuplicates();
        assertThat(json(outbox("image/верблюд.png.json")).path("input").asText()).isEqualTo("image/верблюд.txt");
    }

    @Test
    void batchLinesThatWantOneNameEachGetTheirOwnInLineOrder() throws Exception {
        drop("batches/text/names.csv", """
                prompt,name
                Line one wants same,same
                Line two wants same too,same
                Line three has no name
                Line four is named like line three,0003
                """);

        Path result = outbox("batches/text/names.batch.json");
        awaitFile(result);
        JsonNode lines = json(result).path("lines");
        assertThat(lines.findValuesAsText("output")).containsExactly("batches/text/names/same.txt",
                "batches/text/names/same-2.txt", "batches/text/names/0003.txt", "batches/text/names/0003-2.txt");
        assertThat(sidecarPrompts()).containsEntry("batches/text/names/same.txt", "Line one wants same")
                .containsEntry("batches/text/names/same-2.txt", "Line two wants same too")
                .containsEntry("batches/text/names/0003.txt", "Line three has no name")
                .containsEntry("batches/text/names/0003-2.txt", "Line four is named like line three");
    }

    @Test
    void aCorrectedBatchDroppedAgainRedoesOnlyTheLinesWithoutAResult() throws Exception {
        drop("batches/image/fix.csv", """
                prompt,width,height
                A camel to keep,64,64
                A dromedary to keep,64,64
                A llama to fix,5000,64
                """);
        Path result = outbox("batches/image/fix.batch.json");
        awaitFile(result);
        assertThat(json(result).path("failed").asInt()).isEqualTo(1);
        awaitFile(dir().resolve("inbox/.done/batches/image/fix.csv"));

        // line 3 corrected, the file dropped again under the same name
        drop("batches/image/fix.csv", """
                prompt,width,height
                A camel to keep,64,64
                A dromedary to keep,64,64
                A llama to fix,64,64
                """);

        await().atMost(Duration.ofSeconds(30)).until(() -> json(result).path("failed").asInt() == 0);
        JsonNode lines = json(result).path("lines");
        assertThat(lines.findValuesAsText("status")).containsExactly("already-done", "already-done", "done");
        assertThat(callsWithPrompt(Provider.DYNASPARK, "A camel to keep")).isEqualTo(1);
        assertThat(callsWithPrompt(Provider.DYNASPARK, "A dromedary to keep")).isEqualTo(1);
        assertThat(callsWithPrompt(Provider.DYNASPARK, "A llama to fix")).isEqualTo(1);
    }

    @Test
    void theSameWorkAgainIsNotPaidAgainButAnotherPromptAtTheSamePathSizeAndTimeIs() throws Exception {
        Instant modified = Instant.parse("2026-01-02T03:04:05Z");
        drop("text/same.txt", "Prompt AAAA", modified);
        awaitFile(outbox("text/same.txt.json"));
        awaitFile(dir().resolve("inbox/.done/text/same.txt"));

        // cp -p of another prompt: the same path, size and time
        drop("text/same.txt", "Prompt BBBB", modified);
        awaitFile(outbox("text/same-2.txt.json"));
        assertThat(json(outbox("text/same-2.txt.json")).path("prompt").asText()).isEqualTo("Prompt BBBB");
        assertThat(json(outbox("text/same.txt.json")).path("prompt").asText()).isEqualTo("Prompt AAAA");
        // the sidecar is written before the input moves to .done/: wait for the move, or the next drop finds it there
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(dir().resolve("inbox/text/same.txt")));

        // the first prompt again, touched since: the same work, found done
        drop("text/same.txt", "Prompt AAAA", modified.plusSeconds(3600));
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(dir().resolve("inbox/text/same.txt")));
        assertThat(callsWithPrompt(Provider.DYNASPARK, "Prompt AAAA")).isEqualTo(1);
        assertThat(callsWithPrompt(Provider.DYNASPARK, "Prompt BBBB")).isEqualTo(1);
    }

    @Test
    void anAnswerThatArrivedBeforeACrashIsFinishedWithoutCallingAgain() throws Exception {
        String prompt = "A streamed answer that arrived just before a crash";
        drop("chat/crash.txt", prompt);
        awaitFile(outbox("chat/crash.md.json"));
        awaitFile(dir().resolve("inbox/.done/chat/crash.txt"));
        String answer = Files.readString(outbox("chat/crash.md"));
        assertThat(callsWithPrompt(Provider.SPARKSTREAM, prompt)).isEqualTo(1);

        // what a crash right after the last delta leaves: the answer in its .part file, no sidecar, the input not moved
        Files.move(outbox("chat/crash.md"), outbox("chat/crash.md.part"));
        Files.delete(outbox("chat/crash.md.json"));
        Files.delete(dir().resolve("inbox/.done/chat/crash.txt"));
        drop("chat/crash.txt", prompt);

        awaitFile(outbox("chat/crash.md.json"));
        awaitFile(dir().resolve("inbox/.done/chat/crash.txt"));
        assertThat(Files.readString(outbox("chat/crash.md"))).isEqualTo(answer);
        assertThat(outbox("chat/crash.md.part")).doesNotExist();
        assertThat(callsWithPrompt(Provider.SPARKSTREAM, prompt)).isEqualTo(1);
    }

    @Test
    void emptyAndBinaryPromptsGoToErrorWithAReadableReasonAndNoStackTrace() throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png);
        try (LogCapture log = LogCapture.capture()) {
            drop("text/empty-one.txt", "");
            drop("text/empty-two.txt", "");
            drop("text/blank.txt", "  \n");
            dropBytes("text/picture.txt", png.toByteArray());
            drop("text/after-them.txt", "Say hello after the empty ones");

            assertThat(reason("text/empty-one.txt")).startsWith("'text/empty-one.txt' has an empty prompt");
            assertThat(reason("text/empty-two.txt")).startsWith("'text/empty-two.txt' has an empty prompt");
            assertThat(reason("text/blank.txt")).startsWith("'text/blank.txt' has an empty prompt");
            assertThat(reason("text/picture.txt")).startsWith("'text/picture.txt' is not UTF-8 text");
            awaitFile(outbox("text/after-them.txt.json"));
            assertThat(dir().resolve("inbox/text/empty-one.txt")).doesNotExist();
            assertThat(log.errors()).isEmpty();
        }
    }

    @Test
    void csvAndJsonlQuirksGetAReadableReason() throws Exception {
        // as Excel saves a CSV: a byte-order mark before the header
        dropBytes("batches/text/excel.csv", "\uFEFFprompt,name\nA camel saved by Excel,bom\n"
                .getBytes(StandardCharsets.UTF_8));
        // a stray quote on line 3: the whole batch is refused, before any call
        drop("batches/text/quote.csv", "prompt,name\nA good line before it,good\n\"Quoted\" then more,bad\n");
        // a comma in an unquoted prompt: one value too many
        drop("batches/text/extra.csv", "prompt,name\nA camel, with a comma,extra\nA camel without,fine\n");
        drop("batches/text/lines.jsonl", """
                {"prompt": "A fine JSONL line"}
                {"prompt": ""}
                not json
                """);

        Path excel = outbox("batches/text/excel.batch.json");
        awaitFile(excel);
        assertThat(json(excel).path("done").asInt()).isEqualTo(1);
        assertThat(outbox("batches/text/excel/bom.txt")).exists();

        assertThat(reason("batches/text/quote.csv")).startsWith("'batches/text/quote.csv' is not a readable CSV:")
                .contains("quoted");
        assertThat(callsWithPrompt(Provider.DYNASPARK, "A good line before it")).isZero();

        Path extra = outbox("batches/text/extra.batch.json");
        awaitFile(extra);
        JsonNode extraLines = json(extra).path("lines");
        assertThat(extraLines.get(0).path("status").asText()).isEqualTo("failed");
        assertThat(extraLines.get(0).path("reason").asText()).contains("3 values").contains("2 columns (prompt, name)");
        assertThat(extraLines.get(1).path("status").asText()).isEqualTo("done");

        Path jsonl = outbox("batches/text/lines.batch.json");
        awaitFile(jsonl);
        JsonNode lines = json(jsonl).path("lines");
        assertThat(lines.get(0).path("status").asText()).isEqualTo("done");
        assertThat(lines.get(1).path("reason").asText()).startsWith("'batches/text/lines.jsonl#2' has an empty prompt");
        assertThat(lines.get(2).path("reason").asText()).startsWith("not valid JSON");
    }

    @Test
    void costsAreTotalledPerCurrency() throws Exception {
        drop("batches/costs.jsonl", """
                {"provider": "sparkstream", "operation": "chat", "prompt": "A chat paid in dollars"}
                {"provider": "neospark", "operation": "image", "prompt": "An image paid in credits"}
                """);

        Path result = outbox("batches/costs.batch.json");
        awaitFile(result);
        JsonNode doc = json(result);
        assertThat(doc.path("failed").asInt()).isZero();
        assertThat(doc.path("cost").path("USD").decimalValue()).isPositive();
        assertThat(doc.path("cost").path("credits").decimalValue()).isPositive();
        assertThat(doc.path("lines").findValuesAsText("costUnit")).containsExactly("USD", "credits");
        assertThat(json(outbox("batches/costs/0002.png.json")).path("costUnit").asText()).isEqualTo("credits");
    }

    @Test
    void maxInFlightLimitsTheCallsInFlightNotTheirRate() throws Exception {
        // every answer takes 1.5 s: a limit of 3 per second would let 6 be in flight, a limit of 3 in flight 3
        emulator().settings().latency(Duration.ofMillis(1500));
        StringBuilder csv = new StringBuilder("prompt\n");
        for (int i = 1; i <= 8; i++) {
            csv.append("Load line ").append(i).append('\n');
        }
        drop("batches/text/load.csv", csv.toString());
        for (int i = 1; i <= 4; i++) {
            drop("text/load-" + i + ".txt", "Load file " + i);
        }

        int most = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(outbox("batches/text/load.batch.json")) && loadResults() == 12)
               && System.nanoTime() < deadline) {
            most = Math.max(most, (int) emulator().requests(Provider.DYNASPARK).stream().filter(r -> !r.completed()).count());
            Thread.sleep(20);
        }
        // spark.batch.max-in-flight=3 (the test classes' setting), with 4 + 4 threads that could call
        assertThat(most).isEqualTo(3);
        assertThat(loadResults()).isEqualTo(12);
    }

    private long loadResults() throws IOException {
        return sidecarPrompts().values().stream().filter(p -> p.startsWith("Load ")).count();
    }
}
