package dev.camelspark.routes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.emulator.SparkEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input, all dropped at once into one running application (its own JVM, as shipped, against an emulator in the
 * test's JVM): each case either succeeds or ends in {@code inbox/.error/} with a reason that names the problem; none
 * stops the others, and nothing is written outside {@code outbox/} (and the application's own {@code state/}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUGE = "A camel. ".repeat(5 * 1024 * 1024 / 9);

    /** One bad input: where it is dropped, its bytes, and what must come of it. */
    record Case(String name, String input, byte[] content, Consumer<BadInputTest> outcome) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Path root;
    private Path dir;
    private SparkEmulator emulator;
    private BatchProcess application;
    private final ExecutorService writers = Executors.newSingleThreadExecutor();
    private Future<?> slowWriter;

    static Case refused(String name, String input, String content, String... reasonParts) {
        return refused(name, input, content.getBytes(StandardCharsets.UTF_8), reasonParts);
    }

    static Case refused(String name, String input, byte[] content, String... reasonParts) {
        return new Case(name, input, content, test -> assertThat(test.reason(input)).contains(reasonParts));
    }

    /** Succeeds: {@code result} (below the outbox) answers {@code prompt}. */
    static Case succeeds(String name, String input, String content, String result, String prompt) {
        return new Case(name, input, content.getBytes(StandardCharsets.UTF_8), test -> {
            JsonNode sidecar = test.awaitJson(result + ".json");
            assertThat(sidecar.path("prompt").asText()).isEqualTo(prompt);
            assertThat(sidecar.path("input").asText()).isEqualTo(input);
            assertThat(test.dir.resolve("outbox").resolve(result)).isNotEmptyFile();
            test.awaitDone(input);
        });
    }

    /** A batch: it completes, and {@code lines} checks its result. */
    static Case batch(String name, String input, String content, Consumer<JsonNode> lines) {
        return new Case(name, input, content.getBytes(StandardCharsets.UTF_8), test -> {
            String result = OutputNames.withoutExtension(input) + ".batch.json";
            lines.accept(test.awaitJson(result).path("lines"));
            test.awaitDone(input);
        });
    }

    static Stream<Case> cases() {
        byte[] garbage = new byte[4096];
        new Random(12).nextBytes(garbage);
        garbage[0] = (byte) 0xFF; // never valid UTF-8
        return Stream.of(
                refused("empty file", "text/empty.txt", "", "'text/empty.txt' has an empty prompt"),
                refused("empty job", "jobs/empty.json", "", "'jobs/empty.json'", "provider, operation and prompt"),
                refused("empty batch", "batches/text/empty.csv", "", "'batches/text/empty.csv'", "header", "prompt"),
                refused("binary garbage as a prompt", "text/garbage.txt", garbage, "'text/garbage.txt' is not UTF-8 text"),
                refused("binary garbage as a job", "jobs/garbage.yaml", garbage, "'jobs/garbage.yaml' is not UTF-8 text"),
                refused("binary garbage as a batch", "batches/text/garbage.jsonl", garbage,
                        "'batches/text/garbage.jsonl'", "UTF-8"),
                refused("5 MB prompt file", "text/huge.txt", HUGE, "'text/huge.txt' has " + HUGE.length() + " bytes",
                        "at most " + JobDocuments.MAX_FILE_BYTES),
                refused("5 MB job file", "jobs/huge.json", "{\"provider\": \"dynaspark\", \"operation\": \"text\", "
                        + "\"prompt\": \"" + HUGE + "\"}", "'jobs/huge.json' has", "at most"),
                batch("5 MB prompt in a batch line", "batches/text/huge.csv", "prompt\n" + HUGE + "\nA small camel\n",
                        lines -> {
                            assertThat(lines.get(0).path("status").asText()).isEqualTo("failed");
                            assertThat(lines.get(0).path("reason").asText()).contains("characters")
                                    .contains("at most " + JobDocuments.MAX_PROMPT);
                            assertThat(lines.get(1).path("status").asText()).isEqualTo("done");
                        }),
                succeeds("dots in a file name", "text/a..b...txt", "A prompt in a file with dots", "text/a..b...txt",
                        "A prompt in a file with dots"),
                succeeds("../ in a job's name", "jobs/escape.json", "{\"provider\": \"dynaspark\", \"operation\": "
                        + "\"text\", \"prompt\": \"Escape\", \"name\": \"../../../../tmp/escaped\"}",
                        "jobs/tmp_escaped.txt", "Escape"),
                succeeds("an absolute job name", "jobs/absolute.json", "{\"provider\": \"dynaspark\", \"operation\": "
                        + "\"text\", \"prompt\": \"Absolute\", \"name\": \"/etc/passwd\"}",
                        "jobs/etc_passwd.txt", "Absolute"),
                batch("../ in a batch line's name", "batches/text/escape.csv",
                        "prompt,name\nUp and out,../../../outside\nBackslashes,..\\..\\windows\n", lines -> {
                            assertThat(lines.findValuesAsText("status")).containsExactly("done", "done");
                            assertThat(lines.findValuesAsText("output")).allMatch(o -> o.startsWith("batches/text/escape/"))
                                    .noneMatch(o -> o.contains(".."));
                        }),
                succeeds("unicode and spaces", "image/верблюд на закате 🐪.txt", "A camel at sunset",
                        "image/верблюд_на_закате__.png", "A camel at sunset"),
                refused("a backslash in a file name", "text/back\\slash.txt", "A backslash",
                        "'text/back\\slash.txt' has a backslash in its name"),
                succeeds("leading and trailing spaces", "text/  spaced  .txt", "  A spaced prompt  ", "text/spaced__.txt",
                        "A spaced prompt"),
                refused("unknown provider", "jobs/provider.json",
                        "{\"provider\": \"openai\", \"operation\": \"chat\", \"prompt\": \"Hi\"}",
                        "unknown provider 'openai'", "dynaspark"),
                refused("unknown operation", "jobs/operation.json",
                        "{\"provider\": \"dynaspark\", \"operation\": \"imaeg\", \"prompt\": \"Hi\"}",
                        "unknown operation 'imaeg' for dynaspark", "image"),
                refused("unknown option", "jobs/option.json", "{\"provider\": \"dynaspark\", \"operation\": \"image\", "
                        + "\"prompt\": \"Hi\", \"options\": {\"colour\": \"red\"}}", "unknown option 'colour'", "width"),
                refused("an option out of range", "jobs/range.json", "{\"provider\": \"dynaspark\", \"operation\": "
                        + "\"image\", \"prompt\": \"Hi\", \"options\": {\"width\": 99999}}", "width", "99999"),
                refused("options that are not an object", "jobs/options.json", "{\"provider\": \"dynaspark\", "
                        + "\"operation\": \"text\", \"prompt\": \"Hi\", \"options\": [1, 2]}", "'options' must be an object"),
                refused("unknown provider folder", "nosuch/image/x.txt", "Hi", "unknown provider 'nosuch'"),
                refused("unknown folder", "pictures/x.txt", "Hi", "unknown folder 'pictures'"),
                refused("a prompt in no folder", "stray.txt", "Hi", "'stray.txt' is not in a folder"),
                refused("YAML that is a list", "jobs/list.yaml", "- provider: dynaspark\n- operation: text\n",
                        "'jobs/list.yaml'", "must be an object"),
                refused("JSON that is a list", "jobs/list.json", "[{\"provider\": \"dynaspark\"}]", "'jobs/list.json'",
                        "must be an object"),
                refused("JSON cut short", "jobs/cut.json", "{\"provider\": \"dynaspark\", \"operation\": \"te",
                        "'jobs/cut.json' is not valid JSON"),
                refused("YAML that does not parse", "jobs/tabs.yaml", "provider: dynaspark\n\toperation: [text\n",
                        "'jobs/tabs.yaml' is not valid YAML"),
                batch("CSV with quoted commas, quotes and line breaks", "batches/text/quoted.csv",
                        "prompt,name\n\"A camel, a llama, and \"\"quotes\"\"\",quoted\n\"Two\nlines\",multi\n", lines -> {
                            assertThat(lines.findValuesAsText("status")).containsExactly("done", "done");
                        }),
                batch("CSV with a line of too many values", "batches/text/broken.csv",
                        "prompt,name\nA good line,good\nA camel, with a comma,bad\nAnother good line,good2\n", lines -> {
                            assertThat(lines.findValuesAsText("status")).containsExactly("done", "failed", "done");
                            assertThat(lines.get(1).path("reason").asText()).contains("3 values").contains("2 columns");
                        }),
                refused("CSV with an unclosed quote", "batches/text/unclosed.csv",
                        "prompt,name\nA good line,good\n\"An unclosed quote,bad\n", "'batches/text/unclosed.csv'",
                        "is not a readable CSV"),
                refused("CSV without a prompt column", "batches/text/header.csv", "text,name\nHi,x\n",
                        "'prompt' column"),
                batch("JSONL with a bad line in the middle", "batches/text/middle.jsonl",
                        "{\"prompt\": \"First line\"}\n{\"prompt\": \"Second\", oops}\n\n{\"prompt\": \"Third line\"}\n"
                        + "[\"a list\"]\n{\"prompt\": \"Fifth\", \"provider\": \"openai\"}\n",
                        lines -> {
                            assertThat(lines.findValuesAsText("status")).containsExactly("done", "failed", "done",
                                    "failed", "failed");
                            assertThat(lines.get(1).path("reason").asText()).contains("not valid JSON");
                            assertThat(lines.get(3).path("reason").asText()).contains("must be an object");
                            assertThat(lines.get(4).path("reason").asText()).contains("unknown provider 'openai'");
                        }),
                refused("a batch nested too deep", "batches/a/b/c/x.csv", "prompt\nHi\n", "nested too deep"));
    }

    @BeforeAll
    void startAndDropEverything() throws Exception {
        root = Files.createTempDirectory("camel-spark-bad-input-");
        dir = Files.createDirectory(root.resolve("work"));
        emulator = SparkEmulator.builder().build().start();
        // a read lock that waits, so that the file written in place below is read only once it is whole
        application = BatchProcess.start(dir, emulator, Map.of("spark.batch.read-lock-min-age", "1500"));
        for (Case c : cases().toList()) {
            BatchApplicationTestSupport.drop(dir, c.input(), c.content(), null);
        }
        // a file still being written when the application first sees it: three chunks, 1 s apart, in place
        slowWriter = writers.submit(() -> {
            Path file = dir.resolve("inbox/jobs/slow.json");
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                for (String chunk : List.of("{\"provider\": \"dynaspark\", ", "\"operation\": \"text\", ",
                        "\"prompt\": \"Written slowly\"}")) {
                    out.write(chunk.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(1000);
                }
            }
            return null;
        });
    }

    @AfterAll
    void stop() throws Exception {
        writers.shutdownNow();
        if (application != null) {
            application.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(1)
    void eachBadInputSucceedsOrGetsAReadableReason(Case c) {
        c.outcome().accept(this);
    }

    @Test
    @Order(2)
    void aFileStillBeingWrittenIsReadWhole() throws Exception {
        slowWriter.get();
        assertThat(awaitJson("jobs/slow.txt.json").path("prompt").asText()).isEqualTo("Written slowly");
    }

    @Test
    @Order(3)
    void theApplicationStillRunsJobsAfterAllOfThem() throws Exception {
        BatchApplicationTestSupport.drop(dir, "text/after.txt", "After the bad ones".getBytes(StandardCharsets.UTF_8),
                null);
        assertThat(awaitJson("text/after.txt.json").path("prompt").asText()).isEqualTo("After the bad ones");
        assertThat(application.output()).noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
    }

    @Test
    @Order(4)
    void nothingIsWrittenOutsideTheOutboxAndNothingIsLeftInTheInbox() throws Exception {
        await().atMost(BatchProcess.patience()).until(() -> inboxLeft().isEmpty());
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
                    .allMatch(f -> f.startsWith("outbox/") || f.startsWith("state/") || f.startsWith("inbox/.done/")
                                   || f.startsWith("inbox/.error/"));
        }
        try (Stream<Path> files = Files.walk(dir.resolve("outbox"))) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toString))
                    .noneMatch(f -> f.endsWith(".part")).allMatch(f -> f.length() > 0);
        }
    }

    /** The inputs still in the inbox (outside .done/ and .error/). */
    private List<String> inboxLeft() throws IOException {
        Path inbox = dir.resolve("inbox");
        try (Stream<Path> files = Files.walk(inbox)) {
            return files.filter(Files::isRegularFile).map(p -> inbox.relativize(p).toString())
                    .filter(f -> !f.startsWith(".done/") && !f.startsWith(".error/")).toList();
        }
    }

    String reason(String input) {
        Path reason = dir.resolve("inbox/.error").resolve(input + ".reason.txt");
        // the reason is written first, then the input moved beside it
        await().atMost(BatchProcess.patience()).until(() -> Files.exists(reason)
                                                            && Files.exists(dir.resolve("inbox/.error").resolve(input)));
        try {
            return Files.readString(reason);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    JsonNode awaitJson(String relative) {
        Path file = dir.resolve("outbox").resolve(relative);
        await().atMost(BatchProcess.patience()).until(() -> Files.exists(file));
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void awaitDone(String input) {
        await().atMost(BatchProcess.patience()).until(() -> Files.exists(dir.resolve("inbox/.done").resolve(input)));
    }
}
