package dev.camelspark.support.task;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.camelspark.support.testing.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What every task store does, memory, file and jdbc (on a real PostgreSQL) alike. */
class TaskStoreTest {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    static Path dir;

    static Stream<Arguments> stores() {
        return Stream.of(
                Arguments.of("memory", (Function<Path, TaskStore>) d -> new MemoryTaskStore()),
                Arguments.of("file", (Function<Path, TaskStore>) FileTaskStore::new),
                Arguments.of("jdbc", (Function<Path, TaskStore>) d -> new JdbcTaskStore(TestPostgres.newDatabase())));
    }

    static TaskRecord record(String id, String group, String key, Instant at) {
        TaskSnapshot created = new TaskSnapshot(id, "pending", TaskState.RUNNING, 0, null, null, null, null, null, null);
        return TaskRecord.submitted("p", "generate", group, key, TaskDelivery.CONSUMER,
                Map.of("CamelFileName", "a.txt"), at, at.plusSeconds(300), created);
    }

    private static TaskStore open(Function<Path, TaskStore> factory, String name) throws Exception {
        TaskStore store = factory.apply(dir.resolve(name + "-" + System.nanoTime()));
        store.start();
        return store;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void findsByIdKeyAndGroup(String name, Function<Path, TaskStore> factory) throws Exception {
        TaskStore store = open(factory, name);
        store.save(record("t1", "g", "k", T0));
        store.save(record("t2", "g", "k", T0.plusSeconds(1)));
        store.save(record("t3", "other", null, T0.plusSeconds(2)));
        store.save(record("t1", "g", "k", T0).with(new TaskSnapshot("t1", "processing", TaskState.RUNNING, 40, null,
                null, null, null, null, null)));

        assertThat(store.find("p", "t1")).get().extracting(TaskRecord::status).isEqualTo("processing");
        assertThat(store.find("other-provider", "t1")).isEmpty();
        assertThat(store.findByKey("p", "k")).get().extracting(TaskRecord::taskId).isEqualTo("t2");
        assertThat(store.findByKey("p", null)).isEmpty();
        assertThat(store.findPending("p", "g")).extracting(TaskRecord::taskId).containsExactly("t1", "t2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aTaskIsClaimedOnceAndGoneWhenDelivered(String name, Function<Path, TaskStore> factory) throws Exception {
        TaskStore store = open(factory, name);
        store.save(record("t1", "g", null, T0));
        Instant lease = Instant.now().plusSeconds(600);

        assertThat(store.claim("p", "t1", "me", lease)).isTrue();
        assertThat(store.claim("p", "t1", "someone-else", lease)).isFalse();
        assertThat(store.claim("p", "t1", "me", lease)).as("a second offer of the same task").isFalse();
        store.delivered("p", "t1");
        assertThat(store.find("p", "t1")).isEmpty();
        assertThat(store.findPending("p", "g")).isEmpty();
        assertThat(store.claim("p", "t1", "me", lease)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aLapsedClaimCanBeTakenOver(String name, Function<Path, TaskStore> factory) throws Exception {
        TaskStore store = open(factory, name);
        store.save(record("t1", "g", null, T0));
        assertThat(store.claim("p", "t1", "dead-instance", Instant.now().minusSeconds(1))).isTrue();
        assertThat(store.claim("p", "t1", "me", Instant.now().plusSeconds(60))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void anIntentIsKeptByKeyUntilForgotten(String name, Function<Path, TaskStore> factory) throws Exception {
        TaskStore store = open(factory, name);
        TaskIntent intent = new TaskIntent("p", "file:/in/a.txt#ab", "generate", "0123abcd", T0);
        store.saveIntent(intent);
        store.saveIntent(new TaskIntent("other", "file:/in/a.txt#ab", "video", "ffff", T0.plusSeconds(1)));

        assertThat(store.findIntent("p", "file:/in/a.txt#ab")).contains(intent);
        assertThat(store.findIntent("p", "file:/in/b.txt#ab")).isEmpty();
        assertThat(store.findIntent("p", null)).isEmpty();
        TaskIntent again = new TaskIntent("p", "file:/in/a.txt#ab", "generate", "0123abcd", T0.plusSeconds(60));
        store.saveIntent(again);
        assertThat(store.findIntent("p", "file:/in/a.txt#ab")).as("replaced by a newer one").contains(again);
        // an intent is not a task: nothing to poll or hand out
        assertThat(store.findByKey("p", "file:/in/a.txt#ab")).isEmpty();
        assertThat(store.findPending("p", "default")).isEmpty();

        store.forgetIntent("p", "file:/in/a.txt#ab");
        assertThat(store.findIntent("p", "file:/in/a.txt#ab")).isEmpty();
        assertThat(store.findIntent("other", "file:/in/a.txt#ab")).as("another provider's").isPresent();
        store.forgetIntent("p", "file:/in/a.txt#ab"); // twice is fine
    }

    @org.junit.jupiter.api.Test
    void theFileStoreKeepsAnIntentAcrossARestartBesideTheRecords() throws Exception {
        Path d = dir.resolve("intents");
        FileTaskStore first = new FileTaskStore(d);
        first.start();
        TaskIntent intent = new TaskIntent("p", "file:/in/a b/ü.txt@1+2#ab", "video", "0123abcd", T0);
        first.saveIntent(intent);
        first.save(record("t1", "g", "k", T0));
        first.stop();

        FileTaskStore second = new FileTaskStore(d);
        second.start();
        assertThat(second.findIntent("p", intent.taskKey())).contains(intent);
        assertThat(second.findPending("p", "g")).extracting(TaskRecord::taskId).containsExactly("t1");
        second.forgetIntent("p", intent.taskKey());
        try (Stream<Path> files = Files.list(d)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).singleElement()
                    .satisfies(n -> assertThat(n).endsWith(".json"));
        }
    }

    @org.junit.jupiter.api.Test
    void theFileStoreSurvivesARestartWithValuesIntact() throws Exception {
        Path d = dir.resolve("restart");
        FileTaskStore first = new FileTaskStore(d);
        first.start();
        TaskRecord r = record("task/1", "g", "file:/in/a.txt@1+2#ab", T0).with(new TaskSnapshot("task/1", "completed",
                TaskState.COMPLETED, 100, List.of("https://cdn/a.png"), new BigDecimal("0.0300"), null, null,
                Map.of("CamelSparkSeed", 42L), null));
        r = new TaskRecord(r.provider(), r.taskId(), r.operation(), r.group(), r.taskKey(), r.delivery(),
                Map.of("CamelFileName", "a.txt", "CamelFileLength", 12L, "big", 1.5, "flag", true), r.submittedAt(),
                r.deadline(), r.status(), r.state(), r.progress(), r.mediaUrls(), r.cost(), r.errorCode(),
                r.errorMessage(), r.resultHeaders(), null, null);
        first.save(r);
        first.claim("p", "task/1", "me", Instant.now().plusSeconds(60));
        first.stop();

        FileTaskStore second = new FileTaskStore(d);
        second.start();
        TaskRecord back = second.find("p", "task/1").orElseThrow();
        assertThat(back).isEqualTo(r);
        assertThat(back.headers().get("CamelFileLength")).isInstanceOf(Long.class).isEqualTo(12L);
        assertThat(back.cost()).isEqualByComparingTo("0.0300");
        assertThat(back.claimedBy()).as("claims do not outlive the JVM").isNull();
        try (Stream<Path> files = Files.list(d)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .singleElement().satisfies(n -> assertThat(n).startsWith("p-task_1-").endsWith(".json"));
        }
        second.delivered("p", "task/1");
        try (Stream<Path> files = Files.list(d)) {
            assertThat(files).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void theFileStoreSkipsUnreadableRecordsAndDropsLeftoverTempFiles() throws Exception {
        Path d = dir.resolve("damaged");
        FileTaskStore first = new FileTaskStore(d);
        first.start();
        first.save(record("good", "g", null, T0));
        Files.writeString(d.resolve("p-half.json"), "{\"provider\":\"p\",\"taskId\":");
        Files.writeString(d.resolve("p-x.json.tmp"), "partial write");

        FileTaskStore second = new FileTaskStore(d);
        second.start();
        assertThat(second.findPending("p", "g")).extracting(TaskRecord::taskId).containsExactly("good");
        assertThat(Files.exists(d.resolve("p-x.json.tmp"))).isFalse();
        assertThat(Files.exists(d.resolve("p-half.json"))).as("kept for a person to look at").isTrue();
    }

    @org.junit.jupiter.api.Test
    void aDirectoryThatCannotBeCreatedFailsOnStart() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        FileTaskStore store = new FileTaskStore(file.resolve("sub"));
        org.assertj.core.api.Assertions.assertThatThrownBy(store::start).isInstanceOf(IOException.class);
    }
}
