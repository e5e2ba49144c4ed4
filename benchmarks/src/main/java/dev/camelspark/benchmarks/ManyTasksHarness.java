package dev.camelspark.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelspark.emulator.Provider;
import dev.camelspark.sparkdream.SparkDreamComponent;
import dev.camelspark.sparkdream.SparkDreamConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Many Spark Dream tasks in flight at once: {@code sparkdream:generate} driven by one route thread, vs the plain way,
 * one thread per task that creates it and then sleeps and polls until it ends. Both use Apache HttpClient 5 (the
 * client under our components) and poll on the same fixed interval, so what differs is only how the waiting is
 * done. Reported: the threads each one added to the JVM at its peak, and the time until every task had ended.
 * <p>
 * JMH does not fit this (one operation is hundreds of tasks, and a thread count is no time or allocation), so this
 * runs the pair alternately, a warm-up round then {@code --rounds} measured ones, and prints the median ratio with
 * its spread over the rounds.
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.camelspark.benchmarks.ManyTasksHarness [--tasks 500]
 *     [--rounds 3] [--task-millis 2000] [--poll-millis 250]</pre>
 */
public final class ManyTasksHarness {

    private static final String KEY = "sd-benchmark";
    private static final String READY = "(route ready?)";
    private static final String ALL_SENT = "(all prompts sent)";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final int tasks;
    private final long pollMillis;
    private final long taskMillis;
    private final String api;

    private ManyTasksHarness(int tasks, long pollMillis, long taskMillis, String api) {
        this.tasks = tasks;
        this.pollMillis = pollMillis;
        this.taskMillis = taskMillis;
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        int tasks = Rounds.intArg(args, "--tasks", 500);
        int rounds = Rounds.intArg(args, "--rounds", 3);
        long taskMillis = Rounds.intArg(args, "--task-millis", 2000);
        long pollMillis = Rounds.intArg(args, "--poll-millis", 250);
        // a thread per task is the baseline up to a few thousand tasks; at 10,000 only ours runs, held to its target
        boolean withBaseline = Rounds.intArg(args, "--baseline", tasks <= 2000 ? 1 : 0) == 1;
        String summary = ConcurrencyHarness.stringArg(args, "--summary", null);
        try (EmulatorProcess emulator = EmulatorProcess.start()) {
            emulator.settings(Provider.SPARKDREAM, "{\"pendingMillis\": 0, \"processingMillis\": " + taskMillis + "}");
            ManyTasksHarness harness = new ManyTasksHarness(tasks, pollMillis, taskMillis,
                    emulator.baseUrl(Provider.SPARKDREAM));
            Rounds<Run> runs = withBaseline ? Rounds.run(rounds, harness::baseline, harness::ours)
                    : Rounds.oneSide(rounds, harness::ours, Rounds.intArg(args, "--warm-up", 1) == 1);
            print(tasks, taskMillis, pollMillis, rounds, runs.baseline, runs.ours);
            if (summary != null) {
                summary(tasks, pollMillis, runs.baseline, runs.ours).append(java.nio.file.Path.of(summary));
            }
        }
    }

    /**
     * One side's run: the threads it added to the JVM at the peak (all of them, its client's and Camel's included:
     * each run starts its own and stops it after), the time from the first task sent until the last one was
     * created, and until the last one had ended.
     */
    record Run(long threadsAdded, double createdSeconds, double seconds, int inFlight, double lagMillis,
               long componentThreads) {
    }

    /**
     * The threads of the component (its scheduler, workers, deadline timer, idle-connection evictor), alive at the
     * end of a run: its pools are fixed, so this is also their number at the peak. The rest of what a run adds is
     * the route's (its seda consumer).
     */
    private static long componentThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.contains("camel-spark") || n.startsWith("idle-connection-evictor")).count();
    }

    /**
     * The last task ends {@code taskMillis} after it was created (the emulator's clock starts at the create): how
     * long after that the last exchange (or thread) was done. One poll interval is the most a poller that polls
     * each task on schedule can add.
     */
    private double lag(long lastCreated, long end) {
        return (end - lastCreated) / 1e6 - taskMillis;
    }

    /** Every task on its own thread: create, then sleep and poll until it ends. */
    private Run baseline() throws Exception {
        int before = THREADS.getThreadCount();
        THREADS.resetPeakThreadCount();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong lastCreated = new AtomicLong();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger endedBeforeAllCreated = new AtomicInteger();
        try (CloseableHttpClient http = HttpClients.custom().setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(tasks).setMaxConnPerRoute(tasks)
                        .build()).build()) {
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                String prompt = "Picture number " + i;
                Thread t = new Thread(() -> {
                    try {
                        waitForTask(http, prompt, lastCreated, created);
                        if (created.get() < tasks) {
                            endedBeforeAllCreated.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }, "baseline-task-" + i);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            long end = System.nanoTime();
            Run run = new Run(THREADS.getPeakThreadCount() - before, (lastCreated.get() - start) / 1e9,
                    (end - start) / 1e9, tasks - endedBeforeAllCreated.get(), lag(lastCreated.get(), end), 0);
            check("baseline", failed.get());
            return run;
        } finally {
            settle(before);
        }
    }

    private void waitForTask(CloseableHttpClient http, String prompt, AtomicLong lastCreated, AtomicInteger created)
            throws IOException, InterruptedException {
        HttpPost create = new HttpPost(api + "/model/v1/generation");
        ObjectNode body = MAPPER.createObjectNode().put("model", "spark_dream_3_0");
        body.putArray("input").addObject().putObject("params").put("prompt", prompt);
        create.setEntity(new StringEntity(MAPPER.writeValueAsString(body), ContentType.APPLICATION_JSON));
        JsonNode task = call(http, create);
        lastCreated.accumulateAndGet(System.nanoTime(), Math::max);
        created.incrementAndGet();
        String id = task.get("id").asText();
        // polled as our poller does: first after the interval, whatever the create answered. The held thread is the
        // point of this side: it is the hand-written client (a thread per task) that the component is measured against
        do {
            Thread.sleep(pollMillis);
            task = call(http, new HttpGet(api + "/model/v1/generation/task/" + id));
            if ("failed".equals(task.path("status").asText())) {
                throw new IOException("task failed: " + task);
            }
        } while (!"completed".equals(task.path("status").asText()));
    }

    private static JsonNode call(CloseableHttpClient http, HttpUriRequestBase request) throws IOException {
        request.setHeader("Authorization", "Bearer " + KEY);
        return http.execute(request, response -> {
            String body = EntityUtils.toString(response.getEntity());
            if (response.getCode() != 200) {
                throw new IOException("Spark Dream answered " + response.getCode() + ": " + body);
            }
            return MAPPER.readTree(body);
        });
    }

    /** Every task through {@code sparkdream:generate}, all sent by one route thread. */
    private Run ours() throws Exception {
        int before = THREADS.getThreadCount();
        THREADS.resetPeakThreadCount();
        CountDownLatch done = new CountDownLatch(tasks);
        AtomicInteger failed = new AtomicInteger();
        AtomicLong lastCreated = new AtomicLong();
        AtomicInteger endedBeforeAllCreated = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(1);
        CamelContext camel = new DefaultCamelContext();
        try {
            SparkDreamConfiguration config = camel.getComponent("sparkdream", SparkDreamComponent.class)
                    .getConfiguration();
            config.setBaseUrl(api);
            config.setApiKey(KEY);
            config.setPollInterval(pollMillis);
            config.setMaxPollInterval(pollMillis);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(Exception.class).handled(true).process(e -> {
                        if (failed.incrementAndGet() == 1) {
                            e.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class)
                                    .printStackTrace();
                        }
                        done.countDown();
                    });
                    // one consumer thread: the producer returns once the task is created, and completes each
                    // exchange when its task has ended; the marker behind the prompts is taken once the last
                    // create has returned
                    from("seda:prompts?concurrentConsumers=1&size=" + (tasks + 2))
                            .choice()
                                .when(body().isEqualTo(READY)).process(e -> ready.countDown())
                                .when(body().isEqualTo(ALL_SENT)).process(e -> lastCreated.set(System.nanoTime()))
                                .otherwise().to("sparkdream:generate?download=false").process(e -> {
                                    if (lastCreated.get() == 0) {
                                        endedBeforeAllCreated.incrementAndGet();
                                    }
                                    done.countDown();
                                })
                            .end();
                }
            });
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            // a seda consumer takes its first message up to a second after it started: not ours to measure
            template.sendBody("seda:prompts", READY);
            if (!ready.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the route did not start");
            }
            long start = System.nanoTime();
            for (int i = 0; i < tasks; i++) {
                template.sendBody("seda:prompts", "Picture number " + i);
            }
            template.sendBody("seda:prompts", ALL_SENT);
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException(done.getCount() + " tasks never ended");
            }
            long end = System.nanoTime();
            Run run = new Run(THREADS.getPeakThreadCount() - before, (lastCreated.get() - start) / 1e9,
                    (end - start) / 1e9, tasks - endedBeforeAllCreated.get(), lag(lastCreated.get(), end),
                    componentThreads());
            if (Boolean.getBoolean("manytasks.threads")) {
                // which threads the run added (those still alive at its end): -Dmanytasks.threads=true
                Thread.getAllStackTraces().keySet().stream().map(t -> t.getName().replaceAll("[0-9]+", "N"))
                        .sorted().forEach(name -> System.err.println("thread: " + name));
            }
            check("ours", failed.get());
            return run;
        } finally {
            camel.stop();
            settle(before);
        }
    }

    /**
     * Waits (up to 10 s) until the threads a run started have ended, so they do not count in the next run. The JVM
     * tells no one when a pool's thread has ended, so the count is looked at every 50 ms, between runs only.
     */
    private static void settle(int threadsBefore) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (THREADS.getThreadCount() > threadsBefore && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static void check(String side, int failed) {
        if (failed > 0) {
            throw new IllegalStateException(side + ": " + failed + " tasks failed; the run does not count");
        }
    }

    private static void print(int tasks, long taskMillis, long pollMillis, int rounds, List<Run> baseline,
                              List<Run> ours) {
        System.out.printf("%nMany tasks in flight: %d Spark Dream tasks of %d ms each, polled every %d ms; "
                          + "median (min..max) of %d rounds after a warm-up%n%n", tasks, taskMillis, pollMillis, rounds);
        boolean both = !baseline.isEmpty();
        Ratios.Table table = both
                ? new Ratios.Table("measure", "baseline (thread per task)", "ours (sparkdream:generate)",
                        "ratio ours/baseline")
                : new Ratios.Table("measure", "ours (sparkdream:generate)");
        row(table, "tasks in flight at once", baseline, ours, Run::inFlight, "%.0f");
        row(table, "threads added at peak", baseline, ours, Run::threadsAdded, "%.0f");
        row(table, "of which the component's", baseline, ours, Run::componentThreads, "%.0f");
        row(table, "time until all created (s)", baseline, ours, Run::createdSeconds, "%.2f");
        row(table, "time to finish all (s)", baseline, ours, Run::seconds, "%.2f");
        row(table, "last done after the last task ended (ms)", baseline, ours, Run::lagMillis, "%.0f");
        System.out.println(table);
    }

    private static void row(Ratios.Table table, String measure, List<Run> baseline, List<Run> ours,
                            java.util.function.ToDoubleFunction<Run> metric, String format) {
        double[] o = ours.stream().mapToDouble(metric).toArray();
        if (baseline.isEmpty()) {
            table.row(measure, Ratios.spread(o, format));
            return;
        }
        double[] b = baseline.stream().mapToDouble(metric).toArray();
        table.row(measure, Ratios.spread(b, format), Ratios.spread(o, format),
                Ratios.spread(Ratios.pairwise(o, b), "%.3f"));
    }

    /** The rows of run.sh's one table: threads against the baseline (or the target), the lag against the interval. */
    private static Summary summary(int tasks, long pollMillis, List<Run> baseline, List<Run> ours) {
        Summary summary = new Summary();
        double[] threads = ours.stream().mapToDouble(Run::threadsAdded).toArray();
        double[] inFlight = ours.stream().mapToDouble(Run::inFlight).toArray();
        double[] lag = ours.stream().mapToDouble(Run::lagMillis).toArray();
        String at = tasks + " Spark Dream tasks, ";
        if (!baseline.isEmpty()) {
            double[] b = baseline.stream().mapToDouble(Run::threadsAdded).toArray();
            summary.row(at + "threads added at peak", "thread per task", Ratios.spread(b, "%.0f"),
                    Ratios.spread(threads, "%.0f"), Ratios.spread(Ratios.pairwise(threads, b), "%.3f"), "", "");
            double[] bs = baseline.stream().mapToDouble(Run::seconds).toArray();
            double[] os = ours.stream().mapToDouble(Run::seconds).toArray();
            summary.row(at + "time to finish all (s)", "thread per task", Ratios.spread(bs, "%.2f"),
                    Ratios.spread(os, "%.2f"), Ratios.spread(Ratios.pairwise(os, bs), "%.2f"), "", "");
        } else {
            double[] component = ours.stream().mapToDouble(Run::componentThreads).toArray();
            double peak = Arrays.stream(component).max().orElse(0);
            double fewest = Arrays.stream(inFlight).min().orElse(0);
            summary.row(at + "in flight at once, on the component's threads", "16 threads", "16",
                    Ratios.spread(inFlight, "%.0f") + " tasks on " + Ratios.spread(component, "%.0f")
                    + " (" + Ratios.spread(threads, "%.0f") + " with the route's seda consumer)",
                    Ratios.format(peak / 16), "≤ 16 threads, all in flight",
                    peak <= 16 && fewest == tasks ? "yes" : "no");
        }
        double[] perInterval = Arrays.stream(lag).map(l -> l / pollMillis).toArray();
        double worst = Arrays.stream(perInterval).max().orElse(Double.NaN);
        summary.row(at + "last exchange done after the last task ended (ms)", "one poll interval",
                String.valueOf(pollMillis), Ratios.spread(lag, "%.0f"), Ratios.spread(perInterval, "%.2f"), "≤ 1",
                worst <= 1 ? "yes" : "no");
        return summary;
    }
}
