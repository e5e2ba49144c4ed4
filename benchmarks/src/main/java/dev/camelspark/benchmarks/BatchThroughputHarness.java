package dev.camelspark.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.emulator.Provider;
import dev.camelspark.routes.BatchApplication;

/**
 * A CSV batch of prompts through the batch application as shipped (its main class, its application.properties,
 * its YAML routes, four lines of a batch at a time), vs the same calls made one after another by a plain loop that
 * writes each answer to a file. The emulator answers every call after {@code --latency-millis}, standing in for the
 * time a real service takes to generate: without it, the loop would only measure the loopback.
 * <p>
 * The application's time runs from the moment the CSV appears in its inbox until it logs the batch done (so it
 * includes its file polling and the half-written-file guard, {@code read-lock-min-age}, 500 ms); the loop's from its
 * first call to its last file written. Rounds alternate which side goes first, after a warm-up round.
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.camelspark.benchmarks.BatchThroughputHarness [--prompts 50]
 *     [--rounds 3] [--latency-millis 200]</pre>
 */
public final class BatchThroughputHarness {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int prompts;
    private final Path dir;
    private final String api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private int batches;

    private BatchThroughputHarness(int prompts, Path dir, String api) {
        this.prompts = prompts;
        this.dir = dir;
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        int prompts = Rounds.intArg(args, "--prompts", 50);
        int rounds = Rounds.intArg(args, "--rounds", 3);
        int latency = Rounds.intArg(args, "--latency-millis", 200);
        Path dir = Files.createTempDirectory("camel-spark-batch-benchmark-");
        try (EmulatorProcess emulator = EmulatorProcess.start()) {
            emulator.settings("{\"latencyMillis\": " + latency + "}");
            try (BatchApp app = BatchApp.start(dir, emulator)) {
                BatchThroughputHarness harness = new BatchThroughputHarness(prompts, dir,
                        emulator.baseUrl(Provider.DYNASPARK));
                Rounds<Double> runs = Rounds.run(rounds, harness::loop, () -> harness.batch(app));
                print(prompts, latency, rounds, runs.baseline, runs.ours);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The prompts of one round, different every round so that no answer is found already done. */
    private List<String> nextPrompts() {
        batches++;
        List<String> out = new ArrayList<>(prompts);
        for (int i = 0; i < prompts; i++) {
            out.add("Round " + batches + ", question " + i + ": why do camels have humps?");
        }
        return out;
    }

    /** The plain loop: one call after the other, each answer written to its file. */
    private double loop() throws IOException, InterruptedException {
        List<String> round = nextPrompts();
        Path out = Files.createDirectories(dir.resolve("loop").resolve("round-" + batches));
        long start = System.nanoTime();
        for (int i = 0; i < round.size(); i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api
                    + "/generate_response?user_input=" + URLEncoder.encode(round.get(i), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("DynaSpark answered " + response.statusCode() + ": " + response.body());
            }
            Files.writeString(out.resolve(String.format("%04d.txt", i + 1)),
                    MAPPER.readTree(response.body()).get("response").asText());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The batch application: the CSV dropped into inbox/batches/text/, until it logs the batch done. */
    private double batch(BatchApp app) throws IOException, InterruptedException {
        List<String> round = nextPrompts();
        String name = "round-" + batches + ".csv";
        StringBuilder csv = new StringBuilder("prompt\n");
        round.forEach(p -> csv.append('"').append(p).append("\"\n"));
        Path staged = Files.writeString(dir.resolve(name), csv);
        Path inbox = Files.createDirectories(dir.resolve("inbox").resolve("batches").resolve("text"));
        app.clearOutput();
        long start = System.nanoTime();
        Files.move(staged, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        String done = app.awaitLine(l -> l.contains("batch ") && l.contains(name) && l.contains(" done:"));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!done.contains(prompts + " jobs, 0 failed")) {
            throw new IllegalStateException("the batch did not complete cleanly: " + done);
        }
        return seconds;
    }

    private static void print(int prompts, int latency, int rounds, List<Double> loop, List<Double> batch) {
        System.out.printf("%nA CSV batch of %d prompts (dynaspark:text, %d ms per answer); median (min..max) of %d "
                          + "rounds after a warm-up%n%n", prompts, latency, rounds);
        double[] l = loop.stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = batch.stream().mapToDouble(Double::doubleValue).toArray();
        Ratios.Table table = new Ratios.Table("measure", "baseline (plain loop)", "ours (batch application)",
                "ratio ours/baseline");
        table.row("time for the batch (s)", Ratios.spread(l, "%.2f"), Ratios.spread(b, "%.2f"),
                Ratios.spread(Ratios.pairwise(b, l), "%.2f"));
        System.out.println(table);
    }

    /**
     * The application in a JVM of its own, started as a user starts it, pointed at the benchmark's emulator. It
     * stops by itself after {@code camel.main.duration-max-seconds}, should this harness die without closing it.
     */
    private static final class BatchApp implements AutoCloseable {

        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private BatchApp(Process process) {
            this.process = process;
            Thread pump = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "batch-application-output");
            pump.setDaemon(true);
            pump.start();
        }

        static BatchApp start(Path dir, EmulatorProcess emulator) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    // the jar's log4j2.properties is the benchmarks' (warnings only): its progress lines are wanted
                    "-Dbenchmarks.batch-log=INFO",
                    "-Dspark.batch.dir=" + dir,
                    "-Dspark.emulator.enabled=false",
                    "-Dcamel.main.duration-max-seconds=1800"));
            for (Provider provider : Provider.values()) {
                command.add("-Dspark.emulator." + provider.id() + ".url=" + emulator.baseUrl(provider));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BatchApplication.class.getName()));
            BatchApp app = new BatchApp(new ProcessBuilder(command).redirectErrorStream(true).start());
            try {
                app.awaitLine(l -> l.contains("ready: watching"));
            } catch (IllegalStateException e) {
                app.close();
                throw e;
            }
            return app;
        }

        void clearOutput() {
            lines.clear();
        }

        String awaitLine(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && wanted.test(line)) {
                    return line;
                }
                if (line == null && !process.isAlive()) {
                    throw new IllegalStateException("the batch application ended (exit " + process.exitValue() + ")");
                }
            }
            throw new IllegalStateException("the batch application did not log what was awaited within 5 minutes");
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
