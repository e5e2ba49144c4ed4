package dev.camelspark.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulatorExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster profile as users run it: three instances of the application, each a JVM of its own, on one drop folder,
 * one real PostgreSQL (embedded, started here) and one emulator (in this JVM, so it outlives them); one instance
 * killed with SIGKILL mid-run and a fourth started later. Every input ends exactly once in {@code .done/} (none in
 * {@code .error/}), each with its result, and each paid task is created once. A synchronous call (DynaSpark, chat) cut
 * short by the kill is made once more by the instance that takes its input over, never more: at most one re-run per
 * job in flight on the killed instance. {@code -Dcluster.jobs=N} sets the number of prompt files (default 60).
 */
@Tag("cluster")
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class ClusterTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();
    private static final String PASSWORD = "cluster-secret-never-logged";
    private static final int MAX_IN_FLIGHT = 4;
    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    /** The prompt file's folder in the inbox, and the extension of its result. */
    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("text", "txt");
        KINDS.put("image", "png");
        KINDS.put("chat", "md");
        KINDS.put("dream", "png");
        KINDS.put("neospark/image", "png");
    }

    private BatchProcess instance(String name) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("camel.main.profile", "cluster");
        properties.put("spark.cluster.jdbc-url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spark.cluster.user", "postgres");
        properties.put("spark.cluster.instance", name);
        // long enough for a renewal to come through while a new JVM starts on a busy machine of 2 cores
        properties.put("spark.cluster.lease-time", "10000");
        properties.put("spark.batch.concurrency", "2");
        properties.put("spark.batch.max-in-flight", String.valueOf(MAX_IN_FLIGHT));
        Map<String, String> environment = new HashMap<>(BatchProcess.EMULATOR_KEYS);
        environment.put(ClusterSettings.PASSWORD_VARIABLE, PASSWORD);
        return BatchProcess.start(dir, EMULATOR.emulator(), properties, environment);
    }

    private void drop(String relative, String prompt) throws IOException {
        Path target = dir.resolve("inbox").resolve(relative);
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempFile(dir, "staging", ".tmp");
        Files.writeString(staging, prompt);
        Files.move(staging, target);
    }

    private Set<String> files(String folder) throws IOException {
        Path root = dir.resolve(folder);
        if (!Files.exists(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private long inputsIn(String folder) throws IOException {
        return files("inbox/" + folder).stream().filter(f -> !f.endsWith(".reason.txt")).count();
    }

    private long calls(Provider provider, String method, Predicate<String> path) {
        return EMULATOR.emulator().requests(provider).stream()
                .filter(r -> r.method().equals(method) && path.test(r.path())).count();
    }

    @Test
    void threeInstancesOneKilledEveryInputDoneOnceEachTaskCreatedOnce() throws Exception {
        int jobs = Integer.getInteger("cluster.jobs", 60);
        // each call takes a moment, so the kill lands while jobs are in flight on every instance
        EMULATOR.emulator().faults().add(Fault.latency(Duration.ofMillis(300)).on(Provider.DYNASPARK));
        EMULATOR.emulator().sparkstream().tokenDelay(Duration.ofMillis(20));
        List<String> inputs = new ArrayList<>();
        Map<String, Integer> perKind = new HashMap<>();
        List<String> kinds = List.copyOf(KINDS.keySet());
        for (int i = 0; i < jobs; i++) {
            String kind = kinds.get(i % kinds.size());
            String input = kind + "/job-" + i + ".txt";
            drop(input, "Prompt number " + i + " about a camel");
            inputs.add(input);
            perKind.merge(kind, 1, Integer::sum);
        }
        StringBuilder csv = new StringBuilder("prompt,name\n");
        int lines = 10;
        for (int i = 0; i < lines; i++) {
            csv.append("A dune at hour ").append(i).append(",dune-").append(i).append('\n');
        }
        drop("batches/dream/dunes.csv", csv.toString());
        inputs.add("batches/dream/dunes.csv");

        long started = System.nanoTime();
        List<BatchProcess> all = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                all.add(instance("node-" + i));
            }
            // mid-run: some results are in, most are not
            await().atMost(Duration.ofMinutes(3)).until(() -> files("inbox/.done").size() >= jobs / 5);
            BatchProcess killed = all.get(1);
            killed.kill();
            all.add(instance("node-4"));

            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> files("inbox/.done").size() + inputsIn(".error") >= inputs.size());
            // a few polls more: nothing is taken twice once done
            Thread.sleep(2000);
        } finally {
            Path logs = Files.createDirectories(Path.of("target", "cluster-test"));
            for (int i = 0; i < all.size(); i++) {
                all.get(i).close();
                // each instance's log, to read when this test fails
                Files.write(logs.resolve("node-" + (i + 1) + ".log"), all.get(i).output());
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        StringBuilder reasons = new StringBuilder();
        for (String f : files("inbox/.error")) {
            if (f.endsWith(".reason.txt")) {
                reasons.append(f).append(": ").append(Files.readString(dir.resolve("inbox/.error").resolve(f))).append('\n');
            }
        }
        for (BatchProcess p : all) {
            p.output().stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).limit(20)
                    .forEach(l -> reasons.append(l).append('\n'));
        }
        assertThat(files("inbox/.error")).as("no input failed:\n%s", reasons).isEmpty();
        assertThat(files("inbox/.done")).as("every input done exactly once").containsExactlyInAnyOrderElementsOf(inputs);
        assertThat(files("inbox")).as("nothing left in the inbox")
                .allSatisfy(f -> assertThat(f).startsWith(".done/"));
        Set<String> outbox = files("outbox");
        for (String input : inputs) {
            if (input.endsWith(".csv")) {
                continue;
            }
            String kind = input.substring(0, input.lastIndexOf('/'));
            String result = input.substring(0, input.length() - ".txt".length()) + "." + KINDS.get(kind);
            assertThat(outbox).as(input).contains(result, result + ".json");
        }
        assertThat(outbox).contains("batches/dream/dunes.batch.json");
        for (int i = 0; i < lines; i++) {
            assertThat(outbox).contains("batches/dream/dunes/dune-" + i + ".png");
        }
        assertThat(outbox).noneMatch(f -> f.endsWith(".part"))
                // a second run would have written under a second name: job-3-2.md, dune-4-2.png (job-2.md is a first)
                .noneMatch(f -> f.matches(".*-\\d+-\\d+\\.[a-z]+(\\.json)?$"));

        // paid tasks: created exactly once each, kill or no kill
        assertThat(calls(Provider.SPARKDREAM, "POST", p -> p.endsWith("/generation")))
                .as("Spark Dream creates").isEqualTo(perKind.get("dream") + lines);
        assertThat(calls(Provider.NEOSPARK, "POST", p -> p.endsWith("/generate")))
                .as("NeoSpark creates").isEqualTo((long) perKind.get("neospark/image"));
        // synchronous calls: once each, plus at most one re-run of each job the killed instance had in flight
        long text = calls(Provider.DYNASPARK, "GET", p -> p.endsWith("/generate_response"));
        long image = calls(Provider.DYNASPARK, "GET", p -> p.endsWith("/generate_image"));
        long chat = calls(Provider.SPARKSTREAM, "POST", p -> p.endsWith("/v1/chat"));
        long reruns = text + image + chat - perKind.get("text") - perKind.get("image") - perKind.get("chat");
        assertThat(text).isGreaterThanOrEqualTo(perKind.get("text"));
        assertThat(image).isGreaterThanOrEqualTo(perKind.get("image"));
        assertThat(chat).isGreaterThanOrEqualTo(perKind.get("chat"));
        assertThat(reruns).as("re-runs after the kill").isBetween(0L, (long) MAX_IN_FLIGHT);

        for (BatchProcess p : all) {
            assertThat(p.output()).as("the password is never logged").noneMatch(l -> l.contains(PASSWORD));
        }
        System.out.printf("ClusterTest: %d inputs (%d prompt files, a CSV of %d lines), 4 instances, 1 killed, %d s,"
                          + " %d synchronous re-runs, 0 duplicates, 0 lost%n", inputs.size(), jobs, lines,
                took.toSeconds(), reruns);
    }
}
