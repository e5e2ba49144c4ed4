package dev.camelspark.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The claims on a shared inbox's inputs, as two instances on one real PostgreSQL make them. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClusterInboxLocksTest {

    private static EmbeddedPostgres postgres;
    private final List<CamelContext> contexts = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @TempDir
    Path inbox;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        contexts.forEach(CamelContext::stop);
    }

    private ClusterInboxLocks instance(long leaseMillis) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.start();
        contexts.add(context);
        ClusterInboxLocks locks = new ClusterInboxLocks(postgres.getPostgresDatabase(), "inbox", context, leaseMillis);
        context.addService(locks, true, true);
        return locks;
    }

    private String input(String name) throws IOException {
        return Files.writeString(inbox.resolve(name), "a prompt").toString();
    }

    @Test
    void aLiveInstanceKeepsItsInputAndADeadOnesIsTakenOverAfterTheLease() throws Exception {
        ClusterInboxLocks a = instance(600);
        ClusterInboxLocks b = instance(600);
        String file = input("one.txt");
        assertThat(a.add(file)).isTrue();
        assertThat(b.add(file)).isFalse();
        Thread.sleep(1800); // three leases: a's keep-alive renews its claim meanwhile
        assertThat(b.add(file)).as("a is alive").isFalse();

        contexts.get(0).stop(); // a dies: nobody renews
        await().atMost(Duration.ofSeconds(10)).until(() -> b.add(file));
        assertThat(b.holds(file)).isTrue();
        Thread.sleep(1800);
        assertThat(instance(600).add(file)).as("the claim b took over is kept alive too").isFalse();
    }

    @Test
    void anInputFinishedAndMovedIsNotTakenAgainByAnInstanceThatListedItBefore() throws Exception {
        ClusterInboxLocks a = instance(30_000);
        ClusterInboxLocks b = instance(30_000);
        String file = input("two.txt");
        assertThat(a.add(file)).isTrue();
        Files.move(Path.of(file), inbox.resolve("two.txt.done")); // a finished it
        a.remove(file);
        assertThat(b.add(file)).isFalse();
        assertThat(b.holds(file)).isFalse();
    }

    @Test
    void anInstanceCannotGiveUpAClaimAnotherHolds() throws Exception {
        ClusterInboxLocks a = instance(30_000);
        ClusterInboxLocks b = instance(30_000);
        String file = input("three.txt");
        assertThat(a.add(file)).isTrue();
        // what Camel's file consumer does with an input it listed but could not claim
        assertThat(b.remove(file)).isFalse();
        assertThat(b.add(file)).as("a's claim is still there").isFalse();
        assertThat(a.remove(file)).isTrue();
        assertThat(b.add(file)).isTrue();
    }

    @Test
    void twoFileConsumersOnOneInboxTakeEachInputOnce() throws Exception {
        Path shared = Files.createDirectories(inbox.resolve("shared"));
        int inputs = 20;
        for (int i = 0; i < inputs; i++) {
            Files.writeString(shared.resolve("job-" + i + ".txt"), "a prompt");
        }
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        for (int n = 0; n < 2; n++) {
            CamelContext context = new DefaultCamelContext();
            contexts.add(context);
            context.getRegistry().bind("inboxLocks",
                    new ClusterInboxLocks(postgres.getPostgresDatabase(), "consumers", context, 30_000));
            // the batch application's input options: a few files per poll, so that each poll lists inputs the
            // other instance holds and leaves some it could take unstarted
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("file:" + shared + "?readLock=idempotent-changed&readLockMinAge=1&readLockMinLength=0"
                         + "&idempotentRepository=#inboxLocks&readLockRemoveOnCommit=true&maxMessagesPerPoll=2"
                         + "&delay=100&move=.done/${file:name}")
                            .threads(2)
                            .process(e -> {
                                runs.computeIfAbsent(e.getMessage().getHeader("CamelFileName", String.class),
                                        k -> new AtomicInteger()).incrementAndGet();
                                Thread.sleep(300); // a job takes a while: the other instance polls meanwhile
                            });
                }
            });
            context.start();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.list(shared).filter(Files::isRegularFile).count() == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.size() == inputs);
        assertThat(runs.values()).as("runs per input: %s", runs).allMatch(count -> count.get() == 1);
    }

    @Test
    void twoInstancesRacingForOneOrphanedInputNeverBothWin() throws Exception {
        ClusterInboxLocks a = instance(30_000);
        ClusterInboxLocks b = instance(30_000);
        int bothWon = 0;
        int noneWon = 0;
        for (int i = 0; i < 200; i++) {
            String file = input("race-" + i + ".txt");
            // the claim of an instance that died a minute ago
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO CAMEL_MESSAGEPROCESSED VALUES ('inbox', ?, ?)")) {
                ps.setString(1, file);
                ps.setTimestamp(2, new Timestamp(System.currentTimeMillis() - 60_000));
                ps.executeUpdate();
            }
            CountDownLatch go = new CountDownLatch(1);
            Future<Boolean> x = threads.submit(() -> {
                go.await();
                return a.add(file);
            });
            Future<Boolean> y = threads.submit(() -> {
                go.await();
                return b.add(file);
            });
            go.countDown();
            boolean wonX = x.get();
            boolean wonY = y.get();
            bothWon += wonX && wonY ? 1 : 0;
            noneWon += !wonX && !wonY ? 1 : 0;
        }
        assertThat(bothWon).as("races both won (CAMEL-23294)").isZero();
        assertThat(noneWon).as("races nobody won").isZero();
    }
}
