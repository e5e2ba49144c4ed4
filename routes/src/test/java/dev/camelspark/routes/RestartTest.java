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

    private static long calls(Provider provider, String method, java.util.function.Predicate<String> path) {
        return EMULATOR.emulator().requests(provider).stream()
                .filter(r -> r.method().equals(method) && path.test(r.path())).count();
    }

    private static boolean pending(Provider provider, String pathPart) {
        return EMULATOR.emulator().requests(provider).stream()
                .anyMatch(r -> r.path().contains(pathPart) && !r.completed());
    }

    private static boolean recorded(Path dir) throws IOException {
        Path tasks = dir.resolve("state/tasks");
        if (!Files.isDirectory(tasks)) {
            return false;
        }
        try (Stream<Path> files = Files.list(tasks)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".json"));
        }
    }

    /** Runs the application until the condition holds, kills it, then runs it again until {@code result} is in. */
    private void killWhen(java.util.concurrent.Callable<Boolean> condition, Runnable beforeRestart, String result)
            throws Exception {
        try (BatchProcess first = BatchProcess.start(dir, EMULATOR.emulator(), Map.of())) {
            await().atMost(BatchProcess.patience()).until(condition);
            first.kill();
        }
        beforeRestart.run();
        try (BatchProcess second = BatchProcess.start(dir, EMULATOR.emulator(), Map.of())) {
            await().atMost(BatchProcess.patience()).until(() -> outbox().contains(result + ".json"));
        }
        assertThat(outbox()).contains(result, result + ".json").noneMatch(f -> f.endsWith(".part"));
        assertThat(dir.resolve("inbox/.error")).doesNotExist();
    }

    @Test
    void killedAfterPickupBeforeSubmitTheTaskIsCreatedOnce() throws Exception {
        // NeoSpark opens a session before it submits: that call hangs, so the kill lands before any paid create
        EMULATOR.emulator().faults().add(Fault.latency(Duration.ofSeconds(30)).on(Provider.NEOSPARK).method("POST")
                .path("/api/v1/drawing/sessions").times(1));
        drop("neospark/image/poster.txt", "A travel poster of a camel caravan");

        killWhen(() -> pending(Provider.NEOSPARK, "/drawing/sessions"), () -> { }, "neospark/image/poster.png");

        assertThat(calls(Provider.NEOSPARK, "POST", p -> p.endsWith("/generate"))).isEqualTo(1);
    }

    @Test
    void killedAfterSubmitTheTaskIsResumedNotCreatedAgain() throws Exception {
        // the emulator's clock stands still: the task stays pending until the application has been killed
        EMULATOR.emulator().clock().freeze();
        drop("dream/oasis.txt", "An oasis at night");

        killWhen(() -> calls(Provider.SPARKDREAM, "POST", p -> p.endsWith("/generation")) == 1 && recorded(dir),
                () -> EMULATOR.emulator().clock().resume(), "dream/oasis.png");

        assertThat(calls(Provider.SPARKDREAM, "POST", p -> p.endsWith("/generation"))).isEqualTo(1);
    }

    @Test
    void killedBetweenACreateAndItsRecordTheInputGoesToErrorSayingTheTaskMayExistAndIsRetriedOnlyOnPurpose()
            throws Exception {
        // the emulator creates the task and holds its answer: the kill lands after the create, before the record
        EMULATOR.emulator().faults().add(Fault.holdAnswer(Duration.ofSeconds(60)).on(Provider.SPARKDREAM)
                .method("POST").path("/model/v1/generation").times(1));
        drop("dream/mirage.txt", "A mirage over the salt flats");

        try (BatchProcess first = BatchProcess.start(dir, EMULATOR.emulator(), Map.of())) {
            await().atMost(BatchProcess.patience()).until(() -> pending(Provider.SPARKDREAM, "/generation"));
            first.kill();
        }
        Path reason = dir.resolve("inbox/.error/dream/mirage.txt.reason.txt");
        try (BatchProcess second = BatchProcess.start(dir, EMULATOR.emulator(), Map.of())) {
            await().atMost(BatchProcess.patience()).until(() -> Files.exists(reason));
        }
        assertThat(dir.resolve("inbox/.error/dream/mirage.txt")).exists();
        assertThat(Files.readString(reason)).contains("may exist already", "outcome is unknown",
                "camel.component.sparkdream.on-unknown-outcome=retry", "move dream/mirage.txt");
        assertThat(calls(Provider.SPARKDREAM, "POST", p -> p.endsWith("/generation"))).as("created once").isEqualTo(1);
        assertThat(outbox()).isEmpty();

        // retried on purpose, as the reason says: created a second time, and done
        Files.move(dir.resolve("inbox/.error/dream/mirage.txt"), dir.resolve("inbox/dream/mirage.txt"));
        try (BatchProcess third = BatchProcess.start(dir, EMULATOR.emulator(),
                Map.of("camel.component.sparkdream.on-unknown-outcome", "retry"))) {
            await().atMost(BatchProcess.patience()).until(() -> outbox().contains("dream/mirage.png.json"));
        }
        assertThat(calls(Provider.SPARKDREAM, "POST", p -> p.endsWith("/generation"))).isEqualTo(2);
    }

    @Test
    void killedBetweenAVideoCreateAndItsRecordTheTaskIsFoundInTheVideoListAndFinishedNotCreatedAgain()
            throws Exception {
        EMULATOR.emulator().neospark().videoTimes(Duration.ofMillis(100), Duration.ofMillis(500));
        EMULATOR.emulator().faults().add(Fault.holdAnswer(Duration.ofSeconds(60)).on(Provider.NEOSPARK)
                .method("POST").path("/video/generations").times(1));
        drop("video/comet.txt", "A comet over the dunes");

        killWhen(() -> pending(Provider.NEOSPARK, "/video/generations"), () -> { }, "video/comet.mp4");

        assertThat(calls(Provider.NEOSPARK, "POST", p -> p.endsWith("/video/generations"))).isEqualTo(1);
        assertThat(calls(Provider.NEOSPARK, "GET", p -> p.endsWith("/video/generations"))).as("the list was read")
                .isPositive();
    }

    @Test
    void killedWhilePollingTheTaskIsResumedNotCreatedAgain() throws Exception {
        EMULATOR.emulator().neospark().videoTimes(Duration.ofMillis(100), Duration.ofSeconds(2));
        EMULATOR.emulator().clock().freeze();
        drop("video/waves.txt", "Slow waves on a beach at dusk");

        killWhen(() -> calls(Provider.NEOSPARK, "GET", p -> p.matches(".*/video/generations/.+")) >= 2,
                () -> EMULATOR.emulator().clock().resume(), "video/waves.mp4");

        assertThat(calls(Provider.NEOSPARK, "POST", p -> p.endsWith("/video/generations"))).isEqualTo(1);
    }

    @Test
    void killedWhileDownloadingTheResultIsFetchedAgainNotCreatedAgain() throws Exception {
        EMULATOR.emulator().settings(Provider.SPARKDREAM, dev.camelspark.emulator.sparkdream.SparkDreamSettings.class)
                .durations(Duration.ZERO, Duration.ofMillis(200));
        // the first download of the finished image hangs
        EMULATOR.emulator().faults().add(Fault.latency(Duration.ofSeconds(30)).on(Provider.SPARKDREAM)
                .path("/cdn/*").times(1));
        drop("dream/dunes.txt", "Dunes under a full moon");

        killWhen(() -> pending(Provider.SPARKDREAM, "/cdn/"), () -> { }, "dream/dunes.png");

        assertThat(calls(Provider.SPARKDREAM, "POST", p -> p.endsWith("/generation"))).isEqualTo(1);
        assertThat(calls(Provider.SPARKDREAM, "GET", p -> p.startsWith("/cdn/"))).isEqualTo(2);
    }

    @Test
    void stoppedWhileTasksArePendingTheInputsStayInTheInboxAndResume() throws Exception {
        // the tasks stay pending while the application is stopped the way Ctrl-C stops it
        EMULATOR.emulator().clock().freeze();
        drop("dream/oasis.txt", "An oasis at night");
        drop("batches/dream/pair.csv", "prompt,name\nA dune at dawn,dune\nA palm at noon,palm\n");

        try (BatchProcess first = BatchProcess.start(dir, EMULATOR.emulator(),
                Map.of("camel.main.shutdown-timeout", "2"))) {
            await().atMost(BatchProcess.patience())
                    .until(() -> calls(Provider.SPARKDREAM, "POST", p -> p.endsWith("/generation")) == 3);
            first.stop();
            // each job let go says so
            await().atMost(Duration.ofSeconds(10)).until(() -> first.logged("job dream/oasis.txt interrupted by shutdown")
                    && first.logged("job batches/dream/pair.csv#1 interrupted by shutdown")
                    && first.logged("job batches/dream/pair.csv#2 interrupted by shutdown"));
        }
        // not failures: nothing in .error/, no batch result, every input still in the inbox
        assertThat(dir.resolve("inbox/.error")).doesNotExist();
        assertThat(dir.resolve("inbox/dream/oasis.txt")).exists();
        assertThat(dir.resolve("inbox/batches/dream/pair.csv")).exists();
        assertThat(outbox()).noneMatch(f -> f.endsWith(".batch.json"));

        EMULATOR.emulator().clock().resume();
        try (BatchProcess second = BatchProcess.start(dir, EMULATOR.emulator(), Map.of())) {
            await().atMost(BatchProcess.patience()).until(() -> outbox().containsAll(List.of(
                    "dream/oasis.png.json", "batches/dream/pair.batch.json")));
        }
        assertThat(outbox()).contains("dream/oasis.png", "batches/dream/pair/dune.png", "batches/dream/pair/palm.png");
        assertThat(Files.readString(dir.resolve("outbox/batches/dream/pair.batch.json"))).contains("\"failed\" : 0");
        assertThat(dir.resolve("inbox/.error")).doesNotExist();
        assertThat(calls(Provider.SPARKDREAM, "POST", p -> p.endsWith("/generation"))).isEqualTo(3);
    }

    @Test
    void aStreamedChatKilledWhileItsAnswerArrivesIsCalledOnceMoreAndNotAfterItArrived() throws Exception {
        // the answer streams slowly, so the kill lands while it arrives
        EMULATOR.emulator().sparkstream().tokenDelay(Duration.ofMillis(300));
        drop("chat/story.txt", "Tell me a long story about a camel");
        Path partial = dir.resolve("outbox/chat/story.md.part");

        try (BatchProcess first = BatchProcess.start(dir, EMULATOR.emulator(), Map.of())) {
            await().atMost(BatchProcess.patience()).until(() -> Files.exists(partial) && Files.size(partial) > 0
                                                                && pending(Provider.SPARKSTREAM, "/v1/chat"));
            first.kill();
        }
        EMULATOR.emulator().sparkstream().tokenDelay(Duration.ZERO);
        try (BatchProcess second = BatchProcess.start(dir, EMULATOR.emulator(), Map.of())) {
            await().atMost(BatchProcess.patience()).until(() -> outbox().contains("chat/story.md.json")
                                                                && Files.exists(dir.resolve("inbox/.done/chat/story.txt")));
        }
        // the crash came while the answer arrived: one call more, no more
        assertThat(calls(Provider.SPARKSTREAM, "POST", p -> p.endsWith("/v1/chat"))).isEqualTo(2);
        assertThat(outbox()).contains("chat/story.md").noneMatch(f -> f.endsWith(".part"));

        // the input back in the inbox, as after a crash once the answer was in (before the input moved): not called again
        Files.move(dir.resolve("inbox/.done/chat/story.txt"), dir.resolve("inbox/chat/story.txt"));
        try (BatchProcess third = BatchProcess.start(dir, EMULATOR.emulator(), Map.of())) {
            await().atMost(BatchProcess.patience()).until(() -> Files.exists(dir.resolve("inbox/.done/chat/story.txt")));
        }
        assertThat(calls(Provider.SPARKSTREAM, "POST", p -> p.endsWith("/v1/chat"))).isEqualTo(2);
    }
}
