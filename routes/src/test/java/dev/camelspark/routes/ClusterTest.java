package dev.camelspark.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.SparkEmulatorExtension;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster profile as users run it: instances of the application, each a JVM of its own, on one drop folder, one
 * real PostgreSQL (embedded, started here) and one emulator (in this JVM, so it outlives them); one instance killed
 * with SIGKILL while it has jobs in flight. Every input ends exactly once in {@code .done/} (none in {@code .error/}),
 * each with its result, but for a paid task the killed instance had in its create window: its input (or batch line)
 * fails saying the task may exist, and is not created again (issue 12's unknown outcome; Spark Dream has no task
 * list to look it up in); every live instance takes a share of the inbox; the inputs the killed one held are taken over
 * by the others once its claims lapse; each paid task is created once; a synchronous call (DynaSpark, chat) is made
 * once, or twice for a job that was in flight on the killed instance, never more.
 * <p>
 * Two runs: two instances and a kill, in the default build (well under a minute of its own); three instances, a kill
 * and a fourth instance started later, which takes its share of a second drop, tagged {@code cluster}
 * ({@code -Pcluster-test}; {@code -Dcluster.jobs=N} sets the number of prompt files of the first drop, default 200).
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class ClusterTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();
    private static final String PASSWORD = "cluster-secret-never-logged";
    private static final int CONCURRENCY = 2;
    private static final Pattern JOB_LINE = Pattern.compile(
            "job (\\S+) (started|done in|failed|was already done|interrupted by shutdown|was handed out)");
    /** The prompt file's folder in the inbox, and the extension of its result. */
    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("text", "txt");
        KINDS.put("image", "png");
        KINDS.put("chat", "md");
        KINDS.put("dream", "png");
        KINDS.put("neospark/image", "png");
        KINDS.put("video", "mp4");
    }

    private EmbeddedPostgres postgres;
    /** Every input dropped, with its prompt (a batch: its lines' prompts are in {@link #linePrompts}). */
    private final Map<String, String> inputs = new LinkedHashMap<>();
    private final Map<String, String> linePrompts = new LinkedHashMap<>();
    private final Map<String, BatchProcess> instances = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void startDatabase() throws IOException {
        // a database of its own for each run: the task table outlives an application, and would answer for the next
        postgres = EmbeddedPostgres.builder().start();
        // each call takes a moment, so that the kill lands while jobs are in flight on the instance killed
        EMULATOR.emulator().faults().add(Fault.latency(Duration.ofMillis(800)).on(Provider.DYNASPARK));
        EMULATOR.emulator().sparkstream().tokenDelay(Duration.ofMillis(20));
        EMULATOR.emulator().neospark().videoTimes(Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    @AfterEach
    void stopAll() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "cluster-test"));
        for (Map.Entry<String, BatchProcess> e : instances.entrySet()) {
            e.getValue().close();
            // each instance's log, to read when this test fails
            Files.write(logs.resolve(e.getKey() + ".log"), e.getValue().output());
        }
        postgres.close();
    }

    @Test
    void twoInstancesShareTheInboxAndTakeOverTheInputsOfOneKilled() throws Exception {
        dropPromptFiles("job", 20);
        dropBatch(4);
        long started = System.nanoTime();
        startInstances("node-1", "node-2");
        BatchProcess killed = instances.get("node-2");
        Set<String> inFlight = killWhileItHasJobsInFlight(killed);

        assertEveryInputDoneOnceAcrossTheInstances(started, inFlight);
    }

    @Test
    @Tag("cluster")
    void threeInstancesOneKilledAFourthStartedEveryInputDoneOnceEachTaskCreatedOnce() throws Exception {
        dropPromptFiles("job", Integer.getInteger("cluster.jobs", 200));
        dropBatch(20);
        long started = System.nanoTime();
        startInstances("node-1", "node-2", "node-3");
        Set<String> inFlight = killWhileItHasJobsInFlight(instances.get("node-2"));
        startInstances("node-4");
        // a second drop once the fourth instance is up, so that it has its share to take whatever is left of the first
        dropPromptFiles("wave", 40);

        assertEveryInputDoneOnceAcrossTheInstances(started, inFlight);
    }

    /** Once the inbox has drained: what the class comment says, with node-2 the instance killed. */
    private void assertEveryInputDoneOnceAcrossTheInstances(long started, Set<String> inFlight) throws IOException {
        awaitEveryInputFinished();
        Set<String> unknown = unknownOutcomes(inFlight);
        assertEveryInputDoneOnce(unknown);
        assertEveryInstanceTookItsShare(instances.keySet());
        assertTakenOver(inFlight, "node-2");
        assertEachCallMadeOnce(inFlight, unknown);
        report(started, inFlight);
    }

    private BatchProcess instance(String name) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("camel.main.profile", "cluster");
        properties.put("spark.cluster.jdbc-url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spark.cluster.user", "postgres");
        properties.put("spark.cluster.instance", name);
        // long enough for a renewal to come through while a new JVM starts on a busy machine of 2 cores
        properties.put("spark.cluster.lease-time", "10000");
        properties.put("spark.batch.concurrency", String.valueOf(CONCURRENCY));
        properties.put("spark.batch.batch-concurrency", "2");
        Map<String, String> environment = new HashMap<>(BatchProcess.EMULATOR_KEYS);
        environment.put(ClusterSettings.PASSWORD_VARIABLE, PASSWORD);
        return BatchProcess.start(dir, EMULATOR.emulator(), properties, environment);
    }

    /** Starts the instances at once (each its own JVM), and waits until they all run. */
    private void startInstances(String... names) throws Exception {
        List<CompletableFuture<BatchProcess>> starting = new ArrayList<>();
        for (String name : names) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return instance(name);
                } catch (Exception e) {
                    throw new IllegalStateException(name + ": " + e.getMessage(), e);
                }
            }));
        }
        for (int i = 0; i < names.length; i++) {
            instances.put(names[i], starting.get(i).join());
        }
    }

    /**
     * Waits until a fifth of the inputs are done, every instance has started a job and this one has finished two and
     * has more in flight (started, not finished), kills it with SIGKILL and returns the jobs it had in flight then, as
     * its log says.
     */
    private Set<String> killWhileItHasJobsInFlight(BatchProcess victim) throws Exception {
        int fifth = inputs.size() / 5;
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> files("inbox/.done").size() >= fifth
                             && instances.values().stream().allMatch(p -> !started(p).isEmpty())
                             && victim.output().stream().filter(l -> l.contains(" done in ")).count() >= 2
                             && !inFlight(victim).isEmpty());
        victim.kill();
        return inFlight(victim);
    }

    /** The jobs an instance's log says it started. */
    private static List<String> started(BatchProcess process) {
        List<String> started = new ArrayList<>();
        for (String line : process.output()) {
            Matcher m = JOB_LINE.matcher(line);
            if (m.find() && m.group(2).equals("started")) {
                started.add(m.group(1));
            }
        }
        return started;
    }

    /** The jobs an instance's log says it started and has not ended. */
    private static Set<String> inFlight(BatchProcess process) {
        Set<String> open = new LinkedHashSet<>();
        for (String line : process.output()) {
            Matcher m = JOB_LINE.matcher(line);
            if (m.find()) {
                if (m.group(2).equals("started")) {
                    open.add(m.group(1));
                } else {
                    open.remove(m.group(1));
                }
            }
        }
        return open;
    }

    private void awaitEveryInputFinished() {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> files("inbox/.done").size() + inputsIn(".error") >= inputs.size());
        // a few polls more: nothing is taken twice once done
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
    }

    /** Text saying a create call's outcome is unknown: the task may exist, so it was not created again. */
    private static final String MAY_EXIST = "may exist already";

    /**
     * The inputs in {@code .error/} that were in flight on the killed instance and failed because their create call's
     * outcome is unknown: the one failure a kill may cause (the kill came between the create and its record).
     */
    private Set<String> unknownOutcomes(Set<String> inFlight) throws IOException {
        Set<String> unknown = new TreeSet<>();
        for (String f : files("inbox/.error")) {
            if (f.endsWith(".reason.txt")) {
                String input = f.substring(0, f.length() - ".reason.txt".length());
                if (inFlight.contains(input) && Files.readString(dir.resolve("inbox/.error").resolve(f)).contains(MAY_EXIST)) {
                    unknown.add(input);
                }
            }
        }
        return unknown;
    }

    private void assertEveryInputDoneOnce(Set<String> unknown) throws IOException {
        StringBuilder reasons = new StringBuilder();
        for (String f : files("inbox/.error")) {
            if (f.endsWith(".reason.txt") && !unknown.contains(f.substring(0, f.length() - ".reason.txt".length()))) {
                reasons.append(f).append(": ").append(Files.readString(dir.resolve("inbox/.error").resolve(f))).append('\n');
            }
        }
        instances.values().forEach(p -> p.output().stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                .limit(20).forEach(l -> reasons.append(l).append('\n')));
        Set<String> expectedErrors = new TreeSet<>();
        unknown.forEach(i -> expectedErrors.addAll(List.of(i, i + ".reason.txt")));
        assertThat(files("inbox/.error")).as("no input failed but for an unknown create outcome:\n%s", reasons)
                .containsExactlyInAnyOrderElementsOf(expectedErrors);
        Set<String> done = new TreeSet<>(inputs.keySet());
        done.removeAll(unknown);
        assertThat(files("inbox/.done")).as("every input done exactly once").containsExactlyInAnyOrderElementsOf(done);
        assertThat(files("inbox")).as("nothing left in the inbox").allSatisfy(f -> assertThat(f).startsWith(".done/"));
        Set<String> outbox = files("outbox");
        for (String input : done) {
            if (input.endsWith(".csv")) {
                String batch = input.substring(0, input.length() - ".csv".length());
                assertThat(outbox).contains(batch + ".batch.json");
                String result = Files.readString(dir.resolve("outbox").resolve(batch + ".batch.json"));
                for (int i = 0; i < linePrompts.size(); i++) {
                    if (!outbox.contains(batch + "/dune-" + i + ".png")) {
                        assertThat(result).as("batch line %d without a result: its create outcome unknown", i)
                                .contains(MAY_EXIST);
                    }
                }
                continue;
            }
            String kind = input.substring(0, input.lastIndexOf('/'));
            String result = input.substring(0, input.length() - ".txt".length()) + "." + KINDS.get(kind);
            assertThat(outbox).as(input).contains(result, result + ".json");
        }
        assertThat(outbox).noneMatch(f -> f.endsWith(".part"))
                // a second run would have written under a second name: job-3-2.md, dune-4-2.png (job-2.md is a first)
                .noneMatch(f -> f.matches(".*-\\d+-\\d+\\.[a-z]+(\\.json)?$"));
        for (BatchProcess p : instances.values()) {
            assertThat(p.output()).as("the password is never logged").noneMatch(l -> l.contains(PASSWORD));
        }
    }

    /**
     * Each instance started jobs; and a job started twice only when the first instance to start it was killed with it
     * in flight (a healthy cluster never starts one twice).
     */
    private void assertEveryInstanceTookItsShare(Set<String> names) {
        for (String name : names) {
            assertThat(started(instances.get(name))).as("jobs started by %s", name).isNotEmpty();
        }
        Map<String, Long> starts = instances.values().stream().flatMap(p -> started(p).stream())
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(starts.values()).as("no job started more than twice").allMatch(n -> n <= 2);
    }

    /** Each job the killed instance had in flight was finished by another: started there again, or found done. */
    private void assertTakenOver(Set<String> inFlight, String killed) {
        assertThat(inFlight).as("jobs in flight on %s when it was killed", killed).isNotEmpty();
        for (String job : inFlight) {
            assertThat(instances.entrySet().stream().filter(e -> !e.getKey().equals(killed))
                    .flatMap(e -> e.getValue().output().stream())
                    .anyMatch(l -> l.contains("job " + job + " started") || l.contains("job " + job + " was already done")))
                    .as("%s, in flight on %s when it was killed, taken over by another instance", job, killed).isTrue();
        }
        Map<String, Long> starts = instances.values().stream().flatMap(p -> started(p).stream())
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        starts.forEach((job, n) -> assertThat(n <= 1 || inFlight.contains(job))
                .as("%s started %d times, not in flight on the killed instance", job, n).isTrue());
    }

    /**
     * Paid tasks: each created exactly once, kill or no kill. Synchronous calls: once each, twice only for a job in
     * flight on the killed instance (its input taken over, the call made again: at most one re-run).
     */
    private void assertEachCallMadeOnce(Set<String> inFlight, Set<String> unknown) {
        Set<String> inFlightPrompts = new TreeSet<>();
        inFlight.forEach(job -> {
            if (inputs.containsKey(job)) {
                inFlightPrompts.add(inputs.get(job));
            }
        });
        Map<String, Long> dreamCreates = byPrompt(Provider.SPARKDREAM, "POST", p -> p.endsWith("/generation"));
        Map<String, Long> neoCreates = byPrompt(Provider.NEOSPARK, "POST",
                p -> p.endsWith("/generate") || p.endsWith("/video/generations"));
        Map<String, Long> synchronous = new HashMap<>(byPrompt(Provider.DYNASPARK, "GET",
                p -> p.endsWith("/generate_response") || p.endsWith("/generate_image")));
        byPrompt(Provider.SPARKSTREAM, "POST", p -> p.endsWith("/v1/chat"))
                .forEach((k, v) -> synchronous.merge(k, v, Long::sum));
        inputs.forEach((input, prompt) -> {
            // a create whose outcome is unknown was sent once, or not at all when the kill came before it arrived
            if (input.endsWith(".csv")) {
                linePrompts.values().forEach(line -> assertThat(dreamCreates.getOrDefault(line, 0L))
                        .as("Spark Dream creates of %s", line).isBetween(inFlight.isEmpty() ? 1L : 0L, 1L));
            } else if (input.startsWith("dream/")) {
                assertThat(dreamCreates.getOrDefault(prompt, 0L)).as("Spark Dream creates of %s", input)
                        .isBetween(unknown.contains(input) ? 0L : 1L, 1L);
            } else if (input.startsWith("neospark/") || input.startsWith("video/")) {
                assertThat(neoCreates.getOrDefault(prompt, 0L)).as("NeoSpark creates of %s", input)
                        .isBetween(unknown.contains(input) ? 0L : 1L, 1L);
            } else {
                assertThat(synchronous.get(prompt)).as("calls made for %s", input)
                        .isBetween(1L, inFlightPrompts.contains(prompt) ? 2L : 1L);
            }
        });
        assertThat(dreamCreates.values()).as("Spark Dream creates per prompt: never two").allMatch(n -> n == 1);
        assertThat(neoCreates.values()).as("NeoSpark creates per prompt: never two").allMatch(n -> n == 1);
    }

    private void report(long started, Set<String> inFlight) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long reruns = instances.values().stream().flatMap(p -> started(p).stream()).count()
                      - instances.values().stream().flatMap(p -> started(p).stream()).distinct().count();
        String shares = instances.entrySet().stream()
                .map(e -> e.getKey() + " " + started(e.getValue()).size()).collect(Collectors.joining(", "));
        System.out.printf("ClusterTest: %d inputs (%d jobs), %d instances (jobs started: %s), 1 killed with %d in flight,"
                          + " %d s, %d started again after the kill, 0 duplicates, 0 lost%n", inputs.size(),
                inputs.size() - 1 + linePrompts.size(), instances.size(), shares, inFlight.size(), took.toSeconds(), reruns);
    }

    private void dropPromptFiles(String name, int count) throws IOException {
        List<String> kinds = List.copyOf(KINDS.keySet());
        for (int i = 0; i < count; i++) {
            String input = kinds.get(i % kinds.size()) + "/" + name + "-" + i + ".txt";
            String prompt = "Prompt " + name + " " + i + " about a camel";
            drop(input, prompt);
            inputs.put(input, prompt);
        }
    }

    private void dropBatch(int lines) throws IOException {
        StringBuilder csv = new StringBuilder("prompt,name\n");
        for (int i = 0; i < lines; i++) {
            String prompt = "A dune at hour " + i;
            csv.append(prompt).append(",dune-").append(i).append('\n');
            linePrompts.put("dune-" + i, prompt);
        }
        drop("batches/dream/dunes.csv", csv.toString());
        inputs.put("batches/dream/dunes.csv", null);
    }

    private void drop(String relative, String content) throws IOException {
        Path target = dir.resolve("inbox").resolve(relative);
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempFile(dir, "staging", ".tmp");
        Files.writeString(staging, content);
        Files.move(staging, target);
    }

    private Set<String> files(String folder) throws IOException {
        Path root = dir.resolve(folder);
        if (!Files.exists(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private long inputsIn(String folder) throws IOException {
        return files("inbox/" + folder).stream().filter(f -> !f.endsWith(".reason.txt")).count();
    }

    private static Map<String, Long> byPrompt(Provider provider, String method, Predicate<String> path) {
        return EMULATOR.emulator().requests(provider).stream()
                .filter(r -> r.method().equals(method) && path.test(r.path()) && r.prompt() != null)
                .collect(Collectors.groupingBy(RecordedRequest::prompt, Collectors.counting()));
    }
}
