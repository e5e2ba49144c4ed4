package dev.camelspark.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application (its own JVM) killed with SIGKILL at seeded random moments ({@code crash.kills} times: 4 in the
 * default build, 25 with {@code -Pcrash-tests}, 20 when the property is unset), and started
 * again each time, while a mixed inbox drains: text, images, streamed chats, Spark Dream and NeoSpark video tasks, a
 * job file and CSV batches, more dropped before each start so that every kill finds work under way. The emulator lives
 * in the test's JVM, so its record of the calls outlives the kills. At the end every input is done exactly once
 * (one result, one sidecar, its input in {@code .done/}), no partial or empty file is left, nothing is stuck in the
 * inbox (lock files included), and no asynchronous job created its task twice: a Spark Dream job killed in the create
 * window (after its create call was sent, before its task was recorded) ends in {@code .error/} saying its task may
 * exist, a NeoSpark video is found in the provider's list ({@link #assertCreatedOnce}). {@code -Dcrash.seed=...}
 * replays a run.
 */
class CrashSafetyTest {

    private static final Logger LOG = LoggerFactory.getLogger(CrashSafetyTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KILLS = Math.max(2, Integer.getInteger("crash.kills", 20));
    private static final long SEED = Long.getLong("crash.seed", 20261204L);
    /** What the reason of an input killed in the create window says (TaskOutcomeUnknownException). */
    private static final String MAY_EXIST = "may exist already";
    /** The Spark Dream lines of the batches (batch#line -> prompt), the only lines that may fail so. */
    private static final Map<String, String> DREAM_LINES = Map.of("batches/mixed.csv#3", "A dream line 1",
            "batches/dream/few.csv#1", "A dream line 2");

    @TempDir
    Path dir;

    /** Input path below the inbox -> its prompt (a batch: null). */
    private final Map<String, String> inputs = new LinkedHashMap<>();
    private final Map<String, Integer> batchLines = new LinkedHashMap<>();
    /** When each kill came, and what each run logged: written to target/ and named in a failure, to see why. */
    private final List<java.time.Instant> kills = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    @Test
    void killedAtRandomMomentsEveryInputEndsExactlyOnceAndNoTaskIsCreatedTwice() throws Exception {
        Random random = new Random(SEED);
        LOG.info("crash seed {}", SEED);
        try (SparkEmulator emulator = SparkEmulator.builder().build().start()) {
            // slow enough that kills land in calls, streams, polls and downloads
            emulator.settings().latency(Duration.ofMillis(150));
            emulator.sparkstream().tokenDelay(Duration.ofMillis(25));
            emulator.settings(Provider.SPARKDREAM, SparkDreamSettings.class)
                    .durations(Duration.ofMillis(300), Duration.ofMillis(1200));
            emulator.neospark().videoTimes(Duration.ofMillis(300), Duration.ofMillis(1500));

            int killedMidJob = 0;
            for (int run = 1; run <= KILLS; run++) {
                dropWave(run);
                // the file routes first poll 1 s after the start: most kills land while jobs are under way
                long uptime = 500 + random.nextInt(2500);
                try (BatchProcess application = BatchProcess.start(dir, emulator, Map.of())) {
                    Thread.sleep(uptime);
                    kills.add(java.time.Instant.now());
                    application.kill();
                    List<String> output = application.output();
                    // jobs the run started and did not end: the kill came while they were under way
                    long underWay = output.stream().filter(l -> l.contains(" started (")).count()
                                    - output.stream().filter(l -> l.contains(" done in ") || l.contains(" failed: ")).count();
                    killedMidJob += underWay > 0 ? 1 : 0;
                    log.add("---- run " + run + ", killed after " + uptime + " ms, " + underWay + " jobs under way");
                    log.addAll(output);
                }
            }
            // the kills did land in the middle of the work, not only between jobs
            assertThat(killedMidJob).as("kills that found jobs under way").isPositive();
            // the last run is left alone until the inbox has drained
            try (BatchProcess application = BatchProcess.start(dir, emulator, Map.of())) {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(this::drained);
                application.stop();
                log.add("---- last run");
                log.addAll(application.output());
            } finally {
                Files.write(Path.of("target", "crash-safety-" + SEED + ".log"), log);
            }

            assertEveryInputDoneOnce();
            assertNothingPartialOrStuck();
            for (Map.Entry<String, String> input : inputs.entrySet()) {
                boolean unknown = failedAsUnknownOutcome(input.getKey());
                if (input.getKey().startsWith("dream/")) {
                    assertCreatedOnce(emulator, Provider.SPARKDREAM, "/generation", input.getValue(), unknown);
                } else if (input.getKey().startsWith("video/")) {
                    assertCreatedOnce(emulator, Provider.NEOSPARK, "/video/generations", input.getValue(), false);
                }
            }
            for (int line = 1; line <= 2; line++) {
                String prompt = "A dream line " + line;
                assertCreatedOnce(emulator, Provider.SPARKDREAM, "/generation", prompt, unknownLines.contains(prompt));
            }
        }
    }

    /** Each run adds a text prompt and one of the other kinds; the first run and one in the middle add CSV batches. */
    private void dropWave(int run) throws IOException {
        drop("text/t" + run + ".txt", "Text prompt number " + run);
        switch (run % 5) {
            case 0 -> drop("image/i" + run + ".txt", "An image prompt number " + run);
            case 1 -> drop("chat/c" + run + ".txt", "Tell me a story, number " + run);
            case 2 -> drop("dream/d" + run + ".txt", "A dream prompt number " + run);
            case 3 -> drop("video/v" + run + ".txt", "A video prompt number " + run);
            default -> drop("jobs/j" + run + ".json", "{\"provider\": \"dynaspark\", \"operation\": \"image\", "
                                                      + "\"prompt\": \"A job prompt number " + run + "\", "
                                                      + "\"options\": {\"width\": 64, \"height\": 64}}");
        }
        if (run == 1) {
            dropBatch("batches/mixed.csv", "provider,operation,prompt\n"
                                           + "dynaspark,text,A text line 1\ndynaspark,image,An image line 2\n"
                                           + "sparkdream,generate,A dream line 1\nsparkstream,chat,A chat line 4\n"
                                           + "dynaspark,text,A text line 5\n", 5);
        } else if (run == KILLS / 2 + 1) {
            dropBatch("batches/text/more.csv", "prompt\nA text line 6\nA text line 7\nA text line 8\n", 3);
            drop("dream/late.txt", "A late dream");
            dropBatch("batches/dream/few.csv", "prompt\nA dream line 2\n", 1);
        }
    }

    private void drop(String relative, String content) throws IOException {
        BatchApplicationTestSupport.drop(dir, relative, content.getBytes(StandardCharsets.UTF_8), null);
        String prompt = relative.startsWith("jobs/") ? JSON.readTree(content).path("prompt").asText() : content;
        inputs.put(relative, relative.startsWith("batches/") ? null : prompt);
    }

    private void dropBatch(String relative, String content, int lines) throws IOException {
        drop(relative, content);
        batchLines.put(relative, lines);
    }

    private boolean drained() throws IOException {
        for (String input : inputs.keySet()) {
            if (!Files.exists(dir.resolve("inbox/.done").resolve(input))
                && !Files.exists(dir.resolve("inbox/.error").resolve(input))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the input is in {@code .error/} because a kill landed in its create window: the only failure allowed,
     * and only for Spark Dream, whose API has no task list to find the task in.
     */
    private boolean failedAsUnknownOutcome(String input) throws IOException {
        Path reason = dir.resolve("inbox/.error").resolve(input + ".reason.txt");
        if (!Files.exists(reason)) {
            return false;
        }
        assertThat(input).as("only a Spark Dream job may fail, and only in the create window").startsWith("dream/");
        assertThat(Files.readString(reason)).as("the reason of " + input).contains(MAY_EXIST);
        LOG.warn("'{}' was killed in the create window: in .error/, its task may exist", input);
        return true;
    }

    /** Prompts of batch lines that failed because a kill landed in their create window. */
    private final java.util.Set<String> unknownLines = new java.util.HashSet<>();

    private void assertEveryInputDoneOnce() throws IOException {
        for (String file : files(dir.resolve("inbox/.error"))) {
            if (!file.endsWith(".reason.txt")) {
                assertThat(failedAsUnknownOutcome(file)).as(file + " failed").isTrue();
            }
        }
        Map<String, List<String>> resultsByInput = new LinkedHashMap<>();
        for (String file : files(dir.resolve("outbox"))) {
            if (file.endsWith(".json") && !file.endsWith(".batch.json")) {
                JsonNode sidecar = JSON.readTree(dir.resolve("outbox").resolve(file).toFile());
                resultsByInput.computeIfAbsent(sidecar.path("input").asText(), k -> new ArrayList<>())
                        .add(sidecar.path("output").asText());
                assertThat(dir.resolve("outbox").resolve(sidecar.path("output").asText())).exists();
            }
        }
        for (String input : inputs.keySet()) {
            assertThat(dir.resolve("inbox").resolve(input)).as(input).doesNotExist();
            if (failedAsUnknownOutcome(input)) {
                assertThat(resultsByInput.get(input)).as("the results of " + input).isNull();
                continue;
            }
            assertThat(dir.resolve("inbox/.done").resolve(input)).as(input).exists();
            if (!batchLines.containsKey(input)) {
                assertThat(resultsByInput.get(input)).as("the results of " + input).hasSize(1);
            }
        }
        for (Map.Entry<String, Integer> batch : batchLines.entrySet()) {
            String name = OutputNames.withoutExtension(batch.getKey());
            JsonNode result = JSON.readTree(dir.resolve("outbox").resolve(name + ".batch.json").toFile());
            assertThat(result.path("lines")).as(batch.getKey()).hasSize(batch.getValue());
            int number = 0;
            for (JsonNode line : result.path("lines")) {
                number++;
                if ("failed".equals(line.path("status").asText())) {
                    // only a Spark Dream line killed in its create window
                    assertThat(line.path("reason").asText()).as(batch.getKey() + " " + line).contains(MAY_EXIST);
                    String dreamLine = DREAM_LINES.get(batch.getKey() + "#" + line.path("line").asInt());
                    assertThat(dreamLine).as(batch.getKey() + " " + line + ": only a Spark Dream line").isNotNull();
                    unknownLines.add(dreamLine);
                    LOG.warn("line {} of {} was killed in the create window: its task may exist", number,
                            batch.getKey());
                    continue;
                }
                assertThat(dir.resolve("outbox").resolve(line.path("output").asText())).exists();
                // one result per line, whatever the kills: no line's result written twice under another name
                assertThat(resultsByInput.get(batch.getKey() + "#" + number)).as("the results of line " + number
                                                                                 + " of " + batch.getKey()).hasSize(1);
            }
        }
        // no result that no input asked for (a second copy under another name)
        assertThat(resultsByInput.keySet()).allMatch(source -> inputs.containsKey(source.replaceAll("#\\d+$", "")));
    }

    private void assertNothingPartialOrStuck() throws IOException {
        for (String file : files(dir.resolve("outbox"))) {
            assertThat(file).doesNotEndWith(".part");
            assertThat(Files.size(dir.resolve("outbox").resolve(file))).as(file).isPositive();
        }
        // nothing left in the inbox but .done/ (and .error/, checked above): no input, no lock or marker file
        assertThat(files(dir.resolve("inbox"))).allMatch(f -> f.startsWith(".done/") || f.startsWith(".error/"));
        for (String file : files(dir.resolve("state"))) {
            assertThat(file).doesNotEndWith(".part").doesNotEndWith(".tmp");
        }
    }

    /**
     * One create call per asynchronous job, never two, whatever the kills. A Spark Dream job killed in its create
     * window failed instead of creating again ({@code unknownOutcome}): its one create call, or none when the kill came
     * after its intent was recorded and before the request reached the emulator.
     */
    private void assertCreatedOnce(SparkEmulator emulator, Provider provider, String path, String prompt,
                                   boolean unknownOutcome) {
        List<java.time.Instant> creates = emulator.requests(provider).stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith(path) && prompt.equals(r.prompt()))
                .map(r -> r.receivedAt()).sorted().toList();
        if (unknownOutcome) {
            assertThat(creates).as("the create calls of '" + prompt + "' (killed in the create window)").hasSizeLessThan(2);
        } else {
            assertThat(creates).as("the create calls of '" + prompt + "' (kills at " + kills + "; see target/crash-safety-"
                                   + SEED + ".log)").hasSize(1);
        }
    }

    private static List<String> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
