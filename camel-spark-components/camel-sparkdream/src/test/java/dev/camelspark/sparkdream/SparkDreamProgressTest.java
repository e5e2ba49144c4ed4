package dev.camelspark.sparkdream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelspark.emulator.Provider;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.task.FileTaskStore;
import dev.camelspark.support.task.TaskRecord;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A task's progress reaches the file store while it runs (the batch application reads it from there), but not at
 * every poll: each write is an fsync.
 */
class SparkDreamProgressTest extends SparkDreamTestSupport {

    @TempDir
    static Path dir;

    /** The real file store, counting its writes. */
    static final class CountingFileStore extends FileTaskStore {
        final AtomicInteger writes = new AtomicInteger();

        CountingFileStore(Path directory) {
            super(directory);
        }

        @Override
        protected void persist(TaskRecord record) {
            writes.incrementAndGet();
            super.persist(record);
        }
    }

    private CountingFileStore store;

    @Override
    protected RouteBuilder createRouteBuilder() throws Exception {
        store = new CountingFileStore(dir.resolve("tasks-" + System.nanoTime()));
        store.start();
        context.getRegistry().bind("progressStore", store);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sparkdream:generate?download=false&taskStore=#progressStore");
            }
        };
    }

    @AfterEach
    void thaw() {
        emulator().clock().resume();
    }

    private TaskRecord recorded() {
        List<TaskRecord> pending = store.findPending("sparkdream", "default");
        assertThat(pending).hasSize(1);
        return pending.get(0);
    }

    /** The record as a reader of the directory sees it: the file on disk. */
    private int progressOnDisk() throws Exception {
        try (var files = Files.list(store.directory())) {
            Path file = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
            return dev.camelspark.support.http.SparkJson.MAPPER.readTree(file.toFile()).path("progress").asInt(-1);
        }
    }

    private long polls() {
        return emulator().requests(Provider.SPARKDREAM).stream()
                .filter(r -> r.path().startsWith("/model/v1/generation/task/")).count();
    }

    @Test
    void progressIsWrittenEveryTenPointsWhileTheStatusStaysTheSame() throws Exception {
        emulator().clock().freeze();
        settings().durations(Duration.ZERO, Duration.ofSeconds(100));
        CompletableFuture<Exchange> pending = template.asyncSend("direct:generate", e -> {
            e.getMessage().setBody("A fox");
            e.getMessage().setHeader(SparkConstants.TASK_KEY, "fox-1");
        });
        await().until(() -> polls() >= 2);
        assertThat(recorded().status()).isEqualTo("processing");

        emulator().clock().advance(Duration.ofSeconds(35)); // 35 %, same status
        await().until(() -> progressOnDisk() == 35);

        // polls that see no move, or a move under ten points, write nothing
        int writes = store.writes.get();
        emulator().clock().advance(Duration.ofSeconds(5)); // 40 %: five points since the last write
        long seen = polls();
        await().until(() -> polls() >= seen + 4);
        assertThat(store.writes.get()).isEqualTo(writes);
        assertThat(progressOnDisk()).isEqualTo(35);

        emulator().clock().advance(Duration.ofSeconds(6)); // 46 %
        await().until(() -> progressOnDisk() == 46);
        assertThat(store.writes.get()).isEqualTo(writes + 1);

        emulator().clock().advance(Duration.ofSeconds(60));
        assertThat(pending.get(10, TimeUnit.SECONDS).getException()).isNull();
    }
}
