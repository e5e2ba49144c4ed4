package dev.camelspark.support.task;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.camelspark.support.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The jdbc store as several instances share it: two stores on one real PostgreSQL database, as two JVMs would be.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JdbcTaskStoreTest {

    private static final int RACES = 300;
    private final DataSource db = TestPostgres.newDatabase();
    private final List<JdbcTaskStore> opened = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void tearDown() {
        opened.forEach(JdbcTaskStore::stop);
        threads.shutdownNow();
    }

    private JdbcTaskStore store(String instance, Clock clock, Duration leaseTime) throws SQLException {
        JdbcTaskStore store = new JdbcTaskStore(db, clock);
        store.setInstanceName(instance);
        store.setLeaseTime(leaseTime);
        store.start();
        opened.add(store);
        return store;
    }

    private JdbcTaskStore store(String instance) throws SQLException {
        return store(instance, Clock.systemUTC(), Duration.ofSeconds(30));
    }

    private static TaskRecord running(String id) {
        return TaskStoreTest.record(id, "g", "key-" + id, Instant.now());
    }

    private static TaskRecord completed(String id) {
        return running(id).with(new TaskSnapshot(id, "done", TaskState.COMPLETED, 100, List.of("https://cdn/" + id),
                null, null, null, null, null));
    }

    /**
     * Both stores see the same lapsed hold and try to take it at the same instant (two threads released by one latch),
     * RACES times: exactly one wins each race (CAMEL-23294: a read, then an unconditional write, let both win).
     */
    private void exactlyOneWinsEachRace(Consumer<String> lapse, BiPredicate<JdbcTaskStore, String> take, String what)
            throws Exception {
        JdbcTaskStore a = store("a");
        JdbcTaskStore b = store("b");
        int bothWon = 0;
        int noneWon = 0;
        for (int i = 0; i < RACES; i++) {
            String id = what + "-" + i;
            a.save(running(id));
            lapse.accept(id);
            CountDownLatch go = new CountDownLatch(1);
            Future<Boolean> first = threads.submit(race(go, () -> take.test(a, id)));
            Future<Boolean> second = threads.submit(race(go, () -> take.test(b, id)));
            go.countDown();
            boolean x = first.get();
            boolean y = second.get();
            bothWon += x && y ? 1 : 0;
            noneWon += !x && !y ? 1 : 0;
        }
        assertThat(bothWon).as("races both stores won").isZero();
        assertThat(noneWon).as("races nobody won").isZero();
    }

    private static Callable<Boolean> race(CountDownLatch go, Callable<Boolean> take) {
        return () -> {
            go.await();
            return take.call();
        };
    }

    @Test
    void twoStoresRacingForOneLapsedClaimNeverBothWin() throws Exception {
        JdbcTaskStore dead = store("dead");
        // the claim of an instance that died: lapsed a second ago
        exactlyOneWinsEachRace(id -> assertThat(dead.claim("p", id, "dead-owner", Instant.now().minusSeconds(1))).isTrue(),
                (store, id) -> store.claim("p", id, store.getInstanceName() + "-owner", Instant.now().plusSeconds(60)),
                "claim");
    }

    @Test
    void twoStoresRacingForOneLapsedPollLeaseNeverBothWin() throws Exception {
        // an instance whose clock ran an hour behind took each lease: they lapsed long ago
        JdbcTaskStore dead = store("dead", Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)), Duration.ofSeconds(30));
        exactlyOneWinsEachRace(id -> assertThat(dead.lease("p", id, "dead-owner")).isTrue(),
                (store, id) -> store.lease("p", id, store.getInstanceName() + "-owner"), "lease");
    }

    @Test
    void aLiveInstanceKeepsItsLeaseAndADeadOnesIsTakenOverAfterOneLeaseTime() throws Exception {
        Duration lease = Duration.ofMillis(600);
        JdbcTaskStore a = store("a", Clock.systemUTC(), lease);
        JdbcTaskStore b = store("b", Clock.systemUTC(), lease);
        a.save(running("t1"));
        assertThat(a.lease("p", "t1", "owner-a")).isTrue();
        assertThat(a.lease("p", "t1", "owner-a")).as("renewed by its holder").isTrue();
        assertThat(b.lease("p", "t1", "owner-b")).isFalse();

        Thread.sleep(3 * lease.toMillis()); // a's keep-alive renews it meanwhile
        assertThat(b.lease("p", "t1", "owner-b")).as("a is alive: three lease times later it still holds it").isFalse();

        a.stop(); // a dies: nobody renews its lease
        await().atMost(Duration.ofSeconds(10)).until(() -> b.lease("p", "t1", "owner-b"));
        assertThat(leaseOwner("t1")).isEqualTo("b/owner-b");
    }

    @Test
    void anInstanceThatStopsPollingGivesTheLeaseUpAtOnce() throws Exception {
        JdbcTaskStore a = store("a");
        JdbcTaskStore b = store("b");
        a.save(running("t1"));
        assertThat(a.lease("p", "t1", "owner-a")).isTrue();
        a.unlease("p", "t1", "owner-a");
        assertThat(b.lease("p", "t1", "owner-b")).isTrue();
        a.unlease("p", "t1", "owner-a");
        assertThat(a.lease("p", "t1", "owner-a")).as("unlease of a lease one does not hold is a no-op").isFalse();
    }

    @Test
    void aFinishedTaskIsHandedOutOnceAcrossInstancesAndALateWriteDoesNotReviveIt() throws Exception {
        JdbcTaskStore a = store("a");
        JdbcTaskStore b = store("b");
        TaskRecord done = completed("t1");
        a.save(done);
        assertThat(b.findPending("p", "g")).extracting(TaskRecord::taskId).containsExactly("t1");

        assertThat(a.claim("p", "t1", "owner-a", Instant.now().plusSeconds(600))).isTrue();
        assertThat(b.claim("p", "t1", "owner-b", Instant.now().plusSeconds(600))).isFalse();
        assertThat(b.find("p", "t1").orElseThrow().claimedBy()).isEqualTo("a/owner-a");
        a.delivered("p", "t1");

        assertThat(b.find("p", "t1")).isEmpty();
        assertThat(b.findByKey("p", "key-t1")).isEmpty();
        assertThat(b.claim("p", "t1", "owner-b", Instant.now().plusSeconds(600))).isFalse();
        b.save(done); // an instance that lost its lease writes what it saw last
        assertThat(b.find("p", "t1")).as("the tombstone keeps it delivered").isEmpty();
        assertThat(b.findPending("p", "g")).isEmpty();
    }

    @Test
    void thePollerWritingATasksEndKeepsTheClaimOfTheInstanceHandingItOut() throws Exception {
        JdbcTaskStore a = store("a");
        JdbcTaskStore b = store("b");
        TaskRecord done = completed("t1");
        a.save(done);
        assertThat(a.claim("p", "t1", "owner-a", Instant.now().plusSeconds(600))).isTrue();
        b.save(done); // b's poller read the end too and writes it
        assertThat(b.claim("p", "t1", "owner-b", Instant.now().plusSeconds(600))).isFalse();
        assertThat(b.lease("p", "t1", "owner-b")).as("an ended task is not polled again").isFalse();

        a.save(done.parked()); // handed out, kept for its input to resume: the claim ends with it
        assertThat(b.find("p", "t1").orElseThrow().claimedBy()).isNull();
    }

    @Test
    void aReleasedClaimCanBeTakenByAnotherInstanceAtOnce() throws Exception {
        JdbcTaskStore a = store("a");
        JdbcTaskStore b = store("b");
        a.save(completed("t1"));
        assertThat(a.claim("p", "t1", "owner-a", Instant.now().plusSeconds(600))).isTrue();
        b.release("p", "t1", "owner-b"); // not b's: a no-op
        assertThat(b.claim("p", "t1", "owner-b", Instant.now().plusSeconds(600))).isFalse();
        a.release("p", "t1", "owner-a");
        assertThat(b.claim("p", "t1", "owner-b", Instant.now().plusSeconds(600))).isTrue();
    }

    @Test
    void theRecordComesBackAsItWasSaved() throws Exception {
        JdbcTaskStore a = store("a");
        TaskRecord r = completed("t1");
        r = new TaskRecord(r.provider(), r.taskId(), r.operation(), r.group(), r.taskKey(), r.delivery(),
                Map.of("CamelFileName", "a.txt", "CamelFileLength", 12L, "flag", true), r.submittedAt(), r.deadline(),
                r.status(), r.state(), r.progress(), r.mediaUrls(), new java.math.BigDecimal("0.0300"), null, null,
                Map.of("CamelSparkSeed", 42L), null, null);
        a.save(r);
        TaskRecord back = store("b").find("p", "t1").orElseThrow();
        assertThat(back).isEqualTo(r);
        assertThat(back.headers().get("CamelFileLength")).isInstanceOf(Long.class);
    }

    @Test
    void theSchemaIsCreatedOnStartFromTheShippedScriptAndStartingAgainKeepsTheRows() throws Exception {
        assertThat(tableExists()).isFalse();
        JdbcTaskStore a = store("a");
        assertThat(tableExists()).isTrue();
        a.save(running("t1"));
        store("b");
        assertThat(a.find("p", "t1")).isPresent();
        assertThat(JdbcTaskStore.schemaStatements()).hasSize(4)
                .first().satisfies(sql -> assertThat(sql).startsWith("CREATE TABLE IF NOT EXISTS spark_task ("));
        assertThat(JdbcTaskStore.schemaStatements()).last()
                .satisfies(sql -> assertThat(sql).startsWith("CREATE TABLE IF NOT EXISTS spark_task_intent ("));
    }

    @Test
    void withoutCreateSchemaTheScriptRunByHandIsWhatItNeeds() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : JdbcTaskStore.schemaStatements()) {
                s.execute(sql);
            }
        }
        JdbcTaskStore store = new JdbcTaskStore(db);
        store.setCreateSchema(false);
        store.start();
        opened.add(store);
        store.save(running("t1"));
        assertThat(store.find("p", "t1")).isPresent();
    }

    @Test
    void aDatabaseThatCannotBeReachedFailsOnStart() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/none");
        nowhere.setConnectTimeout(2);
        JdbcTaskStore store = new JdbcTaskStore(nowhere);
        assertThatThrownBy(store::start).isInstanceOf(SQLException.class);
    }

    @Test
    void aLeaseTimeTooShortIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> new JdbcTaskStore(db).setLeaseTime(Duration.ofMillis(10)))
                .hasMessageContaining("leaseTime").hasMessageContaining("PT0.01S").hasMessageContaining("at least");
    }

    private boolean tableExists() throws SQLException {
        try (Connection c = db.getConnection(); ResultSet rs = c.getMetaData().getTables(null, null, "spark_task", null)) {
            return rs.next();
        }
    }

    private String leaseOwner(String taskId) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT lease_owner FROM spark_task WHERE task_id = '" + taskId + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
