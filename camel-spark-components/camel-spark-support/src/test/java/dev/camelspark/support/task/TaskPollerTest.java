package dev.camelspark.support.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.CallPolicy;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.testing.ClientFixture;
import dev.camelspark.support.testing.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The poller against a real task API over HTTP, on a scheduler of two threads. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskPollerTest {

    private static final CallPolicy POLICY = new CallPolicy(0, Duration.ofSeconds(1), "k", 0, 0);

    private final TaskService service = new TaskService();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "poller-test-" + System.identityHashCode(r));
        t.setDaemon(true);
        return t;
    });
    private final ClientFixture fixture = ClientFixture.create(Clock.systemUTC(), scheduler);
    private final TaskPoller poller = new TaskPoller("test", scheduler, Clock.systemUTC());
    /** The threads the status calls ran on. */
    private final Set<String> callThreads = ConcurrentHashMap.newKeySet();
    private final CountingStore store = new CountingStore();

    @AfterEach
    void tearDown() {
        poller.stop();
        fixture.close();
        service.close();
    }

    /** A memory store that counts its writes. */
    static final class CountingStore extends MemoryTaskStore {
        final AtomicInteger saves = new AtomicInteger();

        @Override
        protected void persist(TaskRecord record) {
            saves.incrementAndGet();
        }
    }

    private final TaskStatusCall status = record -> {
        callThreads.add(Thread.currentThread().getName());
        SparkRequest get = SparkRequest.get(service.baseUrl(), "/tasks/" + record.taskId()).kind(CallKind.READ).build();
        return fixture.client.call(get, POLICY).thenApply(TaskPollerTest::snapshot);
    };

    static TaskSnapshot snapshot(SparkResponse response) {
        JsonNode t = response.json();
        String s = t.get("status").asText();
        TaskState state = s.equals("done") ? TaskState.COMPLETED : s.equals("failed") ? TaskState.FAILED : TaskState.RUNNING;
        return new TaskSnapshot(t.get("id").asText(), s, state, TaskSnapshot.progress(t.get("progress").asDouble() * 100),
                t.hasNonNull("url") ? List.of(t.get("url").asText()) : null, null,
                t.path("error").path("code").asText(null), t.path("error").path("message").asText(null), null, t);
    }

    private TaskRecord create(Duration pollTimeout) {
        SparkRequest post = SparkRequest.post(service.baseUrl(), "/tasks").json(Map.of("prompt", "p"))
                .kind(CallKind.PAID_CREATE).build();
        TaskSnapshot created = snapshot(fixture.client.call(post, POLICY).join());
        Instant now = Instant.now();
        TaskRecord r = TaskRecord.submitted("test", "generate", "g", null, TaskDelivery.EXCHANGE, Map.of(), now,
                now.plus(pollTimeout), created);
        store.save(r);
        return r;
    }

    private CompletableFuture<TaskRecord> track(TaskRecord r, long intervalMillis, long maxMillis) {
        return poller.track(r, store, status,
                new PollSchedule(Duration.ofMillis(intervalMillis), Duration.ofMillis(maxMillis)), false);
    }

    @Test
    void pollsUntilCompletedWritingStatusChangesAndProgressInStepsOfTen() throws Exception {
        TaskRecord r = create(Duration.ofMinutes(1));
        CompletableFuture<TaskRecord> done = track(r, 20, 20);
        await().until(() -> service.task(r.taskId()).reads() >= 2);
        service.running(r.taskId(), 0.3);
        await().until(() -> store.find("test", r.taskId()).orElseThrow().status().equals("running"));
        int savesWhileRunning = store.saves.get();
        service.running(r.taskId(), 0.6);
        await().until(() -> store.find("test", r.taskId()).orElseThrow().progress() == 60);
        assertThat(store.saves.get()).as("thirty points: written once").isEqualTo(savesWhileRunning + 1);
        service.running(r.taskId(), 0.69);
        int readsBefore = service.task(r.taskId()).reads();
        await().until(() -> service.task(r.taskId()).reads() >= readsBefore + 3);
        assertThat(store.saves.get()).as("nine points: not written").isEqualTo(savesWhileRunning + 1);
        assertThat(store.find("test", r.taskId()).orElseThrow().progress()).isEqualTo(60);
        service.complete(r.taskId());

        TaskRecord end = done.get(10, TimeUnit.SECONDS);
        assertThat(end.state()).isEqualTo(TaskState.COMPLETED);
        assertThat(end.mediaUrl()).endsWith("/media/" + r.taskId() + ".png");
        assertThat(store.find("test", r.taskId()).orElseThrow().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(poller.isTracking(r.taskId())).isFalse();
    }

    @Test
    void waitsGrowFromPollIntervalToMaxPollInterval() throws Exception {
        TaskRecord r = create(Duration.ofMinutes(1));
        CompletableFuture<TaskRecord> done = track(r, 40, 100);
        await().until(() -> service.task(r.taskId()).reads() >= 6);
        service.complete(r.taskId());
        done.get(10, TimeUnit.SECONDS);

        List<Long> times = service.task(r.taskId()).readTimes;
        long[] expected = {60, 90, 100, 100}; // 40 -> 60 -> 90 -> 100 (max) -> 100
        for (int i = 0; i < expected.length; i++) {
            long gap = TimeUnit.NANOSECONDS.toMillis(times.get(i + 1) - times.get(i));
            assertThat(gap).as("wait before read %d", i + 2).isGreaterThanOrEqualTo(expected[i] - 5);
        }
    }

    @Test
    void aTaskStillRunningAtItsDeadlineTimesOut() throws Exception {
        TaskRecord r = create(Duration.ofMillis(300));
        TaskRecord end = track(r, 50, 50).get(10, TimeUnit.SECONDS);

        assertThat(end.state()).isEqualTo(TaskState.TIMED_OUT);
        assertThat(end.errorMessage()).contains(r.taskId()).contains("queued").contains("may still complete");
        assertThat(store.find("test", r.taskId()).orElseThrow().state()).isEqualTo(TaskState.TIMED_OUT);
    }

    @Test
    void transientReadFailuresAreRetriedAtTheNextPoll() throws Exception {
        TaskRecord r = create(Duration.ofMinutes(1));
        service.readStatus(503);
        CompletableFuture<TaskRecord> done = track(r, 20, 20);
        await().until(() -> service.server().hits("/api/tasks") >= 4);
        assertThat(done).isNotDone();
        service.readStatus(0).complete(r.taskId());
        assertThat(done.get(10, TimeUnit.SECONDS).state()).isEqualTo(TaskState.COMPLETED);
    }

    @Test
    void aRefusedReadIsRetriedWithBackoffAndTheTaskStillCompletes() throws Exception {
        TaskRecord r = create(Duration.ofMinutes(1));
        service.readStatus(401);
        CompletableFuture<TaskRecord> done = track(r, 20, 40);
        await().until(() -> service.server().hits("/api/tasks") >= 4);
        assertThat(done).isNotDone();
        assertThat(store.find("test", r.taskId()).orElseThrow().state().isFinished()).isFalse();

        service.readStatus(404);
        int hits = service.server().hits("/api/tasks");
        await().until(() -> service.server().hits("/api/tasks") >= hits + 2);
        service.readStatus(0).complete(r.taskId());

        assertThat(done.get(10, TimeUnit.SECONDS).state()).isEqualTo(TaskState.COMPLETED);
    }

    @Test
    void aReadStillRefusedAtTheDeadlineEndsTrackingNamingTheTask() throws Exception {
        TaskRecord r = create(Duration.ofMillis(300));
        service.readStatus(401);
        CompletableFuture<TaskRecord> done = track(r, 20, 40);

        assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(TaskUnreadableException.class)
                .hasMessageContaining(r.taskId()).hasMessageContaining("HTTP 401")
                .hasMessageContaining("status read refused").hasMessageContaining("resumes it")
                .satisfies(e -> assertThat(((TaskUnreadableException) e).getCategory())
                        .isEqualTo(dev.camelspark.support.error.AiErrorCategory.AUTH));
        TaskRecord recorded = store.find("test", r.taskId()).orElseThrow();
        assertThat(recorded.state()).isEqualTo(TaskState.ERROR);
        assertThat(recorded.errorMessage()).contains(r.taskId()).contains("HTTP 401").contains("status read refused");
        assertThat(service.task(r.taskId()).reads()).as("no read was answered").isZero();
        assertThat(service.server().hits("/api/tasks")).as("the create and several refused reads").isGreaterThan(3);
    }

    @Test
    void stoppingAbandonsWaitersAndLeavesRecordsAsTheyWere() {
        TaskRecord r = create(Duration.ofMinutes(1));
        CompletableFuture<TaskRecord> done = track(r, 20, 20);
        assertThat(track(r, 20, 20)).as("tracked once").isSameAs(done);
        poller.stop();

        assertThatThrownBy(done::join).hasCauseInstanceOf(TaskAbandonedException.class)
                .hasMessageContaining(r.taskId()).hasMessageContaining("resumed");
        assertThat(store.find("test", r.taskId()).orElseThrow().state().isFinished()).isFalse();
        assertThat(track(r, 20, 20)).isCompletedExceptionally();
    }

    @Test
    void aTaskHandedOutByAnotherInstanceEndsTheWaitWithoutCallingItAShutdown() throws Exception {
        javax.sql.DataSource db = dev.camelspark.support.testing.TestPostgres.newDatabase();
        JdbcTaskStore a = new JdbcTaskStore(db);
        JdbcTaskStore b = new JdbcTaskStore(db);
        a.start();
        b.start();
        TaskPoller otherInstance = new TaskPoller("test", scheduler, Clock.systemUTC(), "b");
        try {
            TaskRecord r = create(Duration.ofMinutes(1));
            a.save(r);
            assertThat(a.lease("test", r.taskId(), "a")).as("instance a polls it").isTrue();
            CompletableFuture<TaskRecord> waiting = otherInstance.track(r, b, status,
                    new PollSchedule(Duration.ofMillis(20), Duration.ofMillis(20)), false);
            a.delivered("test", r.taskId());

            assertThatThrownBy(waiting::join).hasCauseInstanceOf(TaskHandedOutElsewhereException.class)
                    .hasMessageContaining(r.taskId()).hasMessageContaining("another instance");
            assertThat(SparkApiException.unwrap(waiting.handle((ok, e) -> e).join()))
                    .isNotInstanceOf(TaskAbandonedException.class);
            assertThat(service.task(r.taskId()).reads()).as("b followed the store, never asked the provider").isZero();
            assertThat(otherInstance.size()).isZero();
        } finally {
            otherInstance.stop();
            a.stop();
            b.stop();
        }
    }

    @Test
    void twoHundredTasksInFlightOnTwoThreads() throws Exception {
        List<CompletableFuture<TaskRecord>> all = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            TaskRecord r = create(Duration.ofMinutes(1));
            ids.add(r.taskId());
            all.add(track(r, 20, 100));
        }
        await().until(() -> ids.stream().allMatch(id -> service.task(id).reads() >= 2));
        assertThat(poller.size()).isEqualTo(200);
        service.completeAll();

        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(all).allSatisfy(f -> assertThat(f.join().state()).isEqualTo(TaskState.COMPLETED));
        assertThat(callThreads).as("every status call ran on the scheduler's two threads").hasSizeLessThanOrEqualTo(2)
                .allSatisfy(name -> assertThat(name).startsWith("poller-test-"));
    }
}
