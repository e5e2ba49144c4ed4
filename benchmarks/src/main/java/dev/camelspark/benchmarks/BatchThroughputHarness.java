package dev.camelspark.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.emulator.Provider;
import dev.camelspark.routes.BatchApplication;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The batch application as shipped (its main class, its application.properties, its YAML routes) against the ideal
 * of its concurrency: {@code prompts x latency / concurrency}, the time {@code concurrency} lanes busy every moment
 * would take. Two kinds of drop, each of {@code --prompts} text prompts: one {@code .txt} file per prompt
 * ({@code inbox/text/}) and one CSV batch ({@code inbox/batches/text/}). A plain loop of {@code --concurrency}
 * threads making the same calls (and writing each answer to a file) is run alongside, to show what the emulator and
 * the machine allow. The emulator answers every call after {@code --latency-millis}, standing in for the time a real
 * service takes to generate.
 * <p>
 * The files are written before the round starts and moved in together (the pattern routes/README recommends: write
 * elsewhere, then rename), aged past the application's read-lock guard ({@code spark.batch.read-lock-min-age}), as
 * prompts prepared earlier are. {@code --fresh} drops files written the moment before instead, so the guard's wait is
 * measured too. The application's time runs from the first file moved in until it has logged every job (or the batch)
 * done; the loop's from its first call to its last file written. Rounds alternate which side goes first, after a
 * warm-up round.
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.camelspark.benchmarks.BatchThroughputHarness [--prompts 200]
 *     [--rounds 3] [--latency-millis 200] [--concurrency 4] [--fresh 1]</pre>
 * {@code -Dbatch.jfr=app.jfr} (before {@code -cp}) records the application with Flight Recorder.
 */
public final class BatchThroughputHarness {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int prompts;
    private final int concurrency;
    private final boolean fresh;
    private final Path dir;
    private final String api;
    // Apache HttpClient 5, as the components use (the JDK's client once left a loop call waiting for ever)
    private final CloseableHttpClient http;
    private int rounds;

    private BatchThroughputHarness(int prompts, int concurrency, boolean fresh, Path dir, String api) {
        this.prompts = prompts;
        this.concurrency = concurrency;
        this.fresh = fresh;
        this.dir = dir;
        this.api = api;
        this.http = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(concurrency).setMaxConnPerRoute(concurrency).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(60)).build())
                .build();
    }

    public static void main(String[] args) throws Exception {
        int prompts = Rounds.intArg(args, "--prompts", 200);
        int rounds = Rounds.intArg(args, "--rounds", 3);
        int latency = Rounds.intArg(args, "--latency-millis", 200);
        int concurrency = Rounds.intArg(args, "--concurrency", 4);
        boolean fresh = Rounds.intArg(args, "--fresh", 0) == 1;
        Path dir = Files.createTempDirectory("camel-spark-batch-benchmark-");
        try (EmulatorProcess emulator = EmulatorProcess.start()) {
            emulator.settings("{\"latencyMillis\": " + latency + "}");
            try (BatchApp app = BatchApp.start(dir, emulator, concurrency)) {
                BatchThroughputHarness harness = new BatchThroughputHarness(prompts, concurrency, fresh, dir,
                        emulator.baseUrl(Provider.DYNASPARK));
                Rounds<Run> files = Rounds.run(rounds, harness::loop, () -> harness.promptFiles(app));
                Rounds<Run> batch = Rounds.run(rounds, harness::loop, () -> harness.batch(app));
                double ideal = prompts * latency / 1000.0 / concurrency;
                print(prompts, latency, concurrency, rounds, fresh, ideal, files, batch);
                String summary = ConcurrencyHarness.stringArg(args, "--summary", null);
                if (summary != null) {
                    Summary rows = new Summary();
                    String at = "batch app, " + prompts + " prompts x " + latency + " ms, concurrency " + concurrency
                                + (fresh ? ", written in place" : "") + ", ";
                    summaryRow(rows, at + "as .txt files (s)", ideal, files);
                    summaryRow(rows, at + "as one CSV (s)", ideal, batch);
                    rows.append(Path.of(summary));
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The prompts of one round, different every round so that no answer is found already done. */
    private List<String> nextPrompts() {
        rounds++;
        List<String> out = new ArrayList<>(prompts);
        for (int i = 0; i < prompts; i++) {
            out.add("Round " + rounds + ", question " + i + ": why do camels have humps?");
        }
        return out;
    }

    /** One side's round: its time, and (the application's) how long until its first job started. */
    private record Run(double seconds, double firstStarted) {
    }

    /** The plain loop: {@code concurrency} threads taking the prompts in turn, each answer written to its file. */
    private Run loop() throws Exception {
        List<String> round = nextPrompts();
        Path out = Files.createDirectories(dir.resolve("loop").resolve("round-" + rounds));
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            long start = System.nanoTime();
            List<Future<?>> lanes = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                lanes.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < round.size(); i = next.getAndIncrement()) {
                        call(round.get(i), out.resolve(String.format("%04d.txt", i + 1)));
                    }
                    return null;
                }));
            }
            for (Future<?> lane : lanes) {
                lane.get();
            }
            return new Run((System.nanoTime() - start) / 1e9, 0);
        } finally {
            threads.shutdownNow();
        }
    }

    private void call(String prompt, Path answer) throws IOException {
        HttpGet get = new HttpGet(api + "/generate_response?user_input=" + URLEncoder.encode(prompt, StandardCharsets.UTF_8));
        String text = http.execute(get, response -> {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (response.getCode() != 200) {
                throw new IOException("DynaSpark answered " + response.getCode() + ": " + body);
            }
            return MAPPER.readTree(body).get("response").asText();
        });
        Files.writeString(answer, text);
    }

    /** One {@code .txt} per prompt, moved into inbox/text/ together, until the application logged each done. */
    private Run promptFiles(BatchApp app) throws IOException, InterruptedException {
        List<String> round = nextPrompts();
        String prefix = "r" + rounds + "-";
        Path staging = Files.createDirectories(dir.resolve("staging").resolve("round-" + rounds));
        List<Path> staged = new ArrayList<>();
        for (int i = 0; i < round.size(); i++) {
            staged.add(stage(staging.resolve(prefix + String.format("%04d.txt", i + 1)), round.get(i)));
        }
        Path inbox = Files.createDirectories(dir.resolve("inbox").resolve("text"));
        app.clearOutput();
        long start = System.nanoTime();
        for (Path file : staged) {
            Files.move(file, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        app.awaitLines(l -> l.contains(" job text/" + prefix) && l.contains(" done in "), round.size());
        return app.run(start);
    }

    /** The CSV dropped into inbox/batches/text/, until the application logs the batch done. */
    private Run batch(BatchApp app) throws IOException, InterruptedException {
        List<String> round = nextPrompts();
        String name = "round-" + rounds + ".csv";
        StringBuilder csv = new StringBuilder("prompt\n");
        round.forEach(p -> csv.append('"').append(p).append("\"\n"));
        Path staged = stage(dir.resolve(name), csv.toString());
        Path inbox = Files.createDirectories(dir.resolve("inbox").resolve("batches").resolve("text"));
        app.clearOutput();
        long start = System.nanoTime();
        Files.move(staged, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        String done = app.awaitLines(l -> l.contains("batch ") && l.contains(name) && l.contains(" done:"), 1);
        Run run = app.run(start);
        if (!done.contains(prompts + " jobs, 0 failed")) {
            throw new IllegalStateException("the batch did not complete cleanly: " + done);
        }
        return run;
    }

    /** Writes a file to be moved in; unless {@code --fresh}, dated a minute back, as one prepared earlier. */
    private Path stage(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        if (!fresh) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        }
        return file;
    }

    private static void print(int prompts, int latency, int concurrency, int rounds, boolean fresh, double ideal,
                              Rounds<Run> files, Rounds<Run> batch) {
        System.out.printf("%n%d text prompts (dynaspark:text, %d ms per answer), concurrency %d, %s; median (min..max) "
                          + "of %d rounds after a warm-up. Ideal: prompts x latency / concurrency = %.2f s (%.1f "
                          + "prompts/s)%nMachine: %s%n%n",
                prompts, latency, concurrency, fresh ? "files written just before the drop" : "files prepared earlier",
                rounds, ideal, prompts / ideal, machine());
        Ratios.Table table = new Ratios.Table("drop", "application (s)", "application (prompts/s)",
                "application (% of ideal)", "until its first job started (s)", "per job beyond the call (ms)",
                "plain loop, " + concurrency + " threads (s)", "plain loop (% of ideal)");
        row(table, "one .txt file per prompt", prompts, concurrency, ideal, files);
        row(table, "one CSV batch", prompts, concurrency, ideal, batch);
        System.out.println(table);
    }

    private static void row(Ratios.Table table, String drop, int prompts, int concurrency, double ideal,
                            Rounds<Run> runs) {
        double[] loop = runs.baseline.stream().mapToDouble(Run::seconds).toArray();
        double[] ours = runs.ours.stream().mapToDouble(Run::seconds).toArray();
        double[] firstStarted = runs.ours.stream().mapToDouble(Run::firstStarted).toArray();
        double[] rate = new double[ours.length];
        double[] perJob = new double[ours.length];
        for (int i = 0; i < ours.length; i++) {
            rate[i] = prompts / ours[i];
            // the lane time each job took beyond its call, once the first job had started: the bookkeeping
            perJob[i] = (ours[i] - firstStarted[i] - ideal) * concurrency / prompts * 1000;
        }
        table.row(drop, Ratios.spread(ours, "%.2f"), Ratios.spread(rate, "%.1f"),
                Ratios.spread(percent(ideal, ours), "%.0f"), Ratios.spread(firstStarted, "%.2f"),
                Ratios.spread(perJob, "%.0f"), Ratios.spread(loop, "%.2f"), Ratios.spread(percent(ideal, loop), "%.0f"));
    }

    /** Time against the ideal (ratio = time / ideal: 1.25 is 80% of the ideal), and the plain loop's. */
    private static void summaryRow(Summary rows, String figure, double ideal, Rounds<Run> runs) {
        double[] loop = runs.baseline.stream().mapToDouble(Run::seconds).toArray();
        double[] ours = runs.ours.stream().mapToDouble(Run::seconds).toArray();
        double[] perIdeal = Arrays.stream(ours).map(t -> t / ideal).toArray();
        double worst = Arrays.stream(perIdeal).max().orElse(Double.NaN);
        rows.row(figure, "ideal (loop: " + Ratios.spread(loop, "%.2f") + " s)", Ratios.format(ideal),
                Ratios.spread(ours, "%.2f") + " (" + Ratios.spread(percent(ideal, ours), "%.0f") + "% of ideal)",
                Ratios.spread(perIdeal, "%.2f"), "≤ 1.25 (≥ 80%)", worst <= 1.25 ? "yes" : "no");
    }

    /** {@code 100 x ideal / time} of each round: 100 is every lane busy all the time. */
    private static double[] percent(double ideal, double[] times) {
        double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            out[i] = 100 * ideal / times[i];
        }
        return out;
    }

    /** The cores, the CPU, the JDK, the OS and how busy the machine was (its load average) when the run ended. */
    private static String machine() {
        String cpu = "";
        String load = "";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> ", " + l.substring(l.indexOf(':') + 1).trim()).orElse("");
            load = ", load average " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException notLinux) {
            // the figures stand without them
        }
        return Runtime.getRuntime().availableProcessors() + " cores" + cpu + ", JDK " + System.getProperty("java.version")
               + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + load;
    }

    /**
     * The application in a JVM of its own, started as a user starts it, pointed at the benchmark's emulator. It
     * stops by itself after {@code camel.main.duration-max-seconds}, should this harness die without closing it.
     */
    private static final class BatchApp implements AutoCloseable {

        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        /** When the first "job ... started" line of the round came (System.nanoTime), 0 before. */
        private volatile long firstStarted;

        private BatchApp(Process process) {
            this.process = process;
            Thread pump = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (firstStarted == 0 && line.contains(" job ") && line.contains(" started (")) {
                            firstStarted = System.nanoTime();
                        }
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "batch-application-output");
            pump.setDaemon(true);
            pump.start();
        }

        static BatchApp start(Path dir, EmulatorProcess emulator, int concurrency)
                throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    // the jar's log4j2.properties is the benchmarks' (warnings only): its progress lines are wanted
                    "-Dbenchmarks.batch-log=INFO",
                    "-Dspark.batch.dir=" + dir,
                    "-Dspark.batch.concurrency=" + concurrency,
                    "-Dspark.batch.batch-concurrency=" + concurrency,
                    "-Dspark.emulator.enabled=false",
                    "-Dcamel.main.duration-max-seconds=1800"));
            // -Dbatch.jfr=app.jfr: a flight recording of the application (where its CPU time goes, per job)
            String jfr = System.getProperty("batch.jfr");
            if (jfr != null) {
                command.add(1, "-XX:StartFlightRecording=settings=profile,filename=" + jfr);
            }
            for (Provider provider : Provider.values()) {
                command.add("-Dspark.emulator." + provider.id() + ".url=" + emulator.baseUrl(provider));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BatchApplication.class.getName()));
            BatchApp app = new BatchApp(new ProcessBuilder(command).redirectErrorStream(true).start());
            try {
                app.awaitLines(l -> l.contains("ready: watching"), 1);
            } catch (IllegalStateException e) {
                app.close();
                throw e;
            }
            return app;
        }

        /** The round that started at {@code start} (System.nanoTime) and has just ended. */
        Run run(long start) {
            long now = System.nanoTime();
            return new Run((now - start) / 1e9, firstStarted == 0 ? Double.NaN : (firstStarted - start) / 1e9);
        }

        void clearOutput() {
            lines.clear();
            firstStarted = 0;
        }

        /** Waits for {@code count} lines matching {@code wanted}; returns the last. */
        String awaitLines(Predicate<String> wanted, int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            int seen = 0;
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && wanted.test(line) && ++seen == count) {
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
