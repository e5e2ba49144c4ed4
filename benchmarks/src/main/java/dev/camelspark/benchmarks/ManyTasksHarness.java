package dev.camelspark.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
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
    private final String api;

    private ManyTasksHarness(int tasks, long pollMillis, String api) {
        this.tasks = tasks;
        this.pollMillis = pollMillis;
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        int tasks = Rounds.intArg(args, "--tasks", 500);
        int rounds = Rounds.intArg(args, "--rounds", 3);
        long taskMillis = Rounds.intArg(args, "--task-millis", 2000);
        long pollMillis = Rounds.intArg(args, "--poll-millis", 250);
        try (EmulatorProcess emulator = EmulatorProcess.start()) {
            emulator.settings(Provider.SPARKDREAM, "{\"pendingMillis\": 0, \"processingMillis\": " + taskMillis + "}");
            ManyTasksHarness harness = new ManyTasksHarness(tasks, pollMillis, emulator.baseUrl(Provider.SPARKDREAM));
            Rounds<Run> runs = Rounds.run(rounds, harness::baseline, harness::ours);
            print(tasks, taskMillis, pollMillis, rounds, runs.baseline, runs.ours);
        }
    }

    /**
     * One side's run: the threads it added to the JVM at the peak (all of them, its client's and Camel's included:
     * each run starts its own and stops it after), the time from the first task sent until the last one was
     * created, and until the last one had ended.
     */
    record Run(long threadsAdded, double createdSeconds, double seconds) {
    }

    /** Every task on its own thread: create, then sleep and poll until it ends. */
    private Run baseline() throws Exception {
        int before = THREADS.getThreadCount();
        THREADS.resetPeakThreadCount();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong lastCreated = new AtomicLong();
        try (CloseableHttpClient http = HttpClients.custom().setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(tasks).setMaxConnPerRoute(tasks)
                        .build()).build()) {
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                String prompt = "Picture number " + i;
                Thread t = new Thread(() -> {
                    try {
                        waitForTask(http, prompt, lastCreated);
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
            Run run = new Run(THREADS.getPeakThreadCount() - before, (lastCreated.get() - start) / 1e9,
                    (System.nanoTime() - start) / 1e9);
            check("baseline", failed.get());
            return run;
        } finally {
            settle(before);
        }
    }

    private void waitForTask(CloseableHttpClient http, String prompt, AtomicLong lastCreated)
            throws IOException, InterruptedException {
        HttpPost create = new HttpPost(api + "/model/v1/generation");
        ObjectNode body = MAPPER.createObjectNode().put("model", "spark_dream_3_0");
        body.putArray("input").addObject().putObject("params").put("prompt", prompt);
        create.setEntity(new StringEntity(MAPPER.writeValueAsString(body), ContentType.APPLICATION_JSON));
        JsonNode task = call(http, create);
        lastCreated.accumulateAndGet(System.nanoTime(), Math::max);
        String id = task.get("id").asText();
        // polled as our poller does: first after the interval, whatever the create answered
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
                        failed.incrementAndGet();
                        done.countDown();
                    });
                    // one consumer thread: the producer returns once the task is created, and completes each
                    // exchange when its task has ended; the marker behind the prompts is taken once the last
                    // create has returned
                    from("seda:prompts?concurrentConsumers=1&size=" + (tasks + 2))
                            .choice()
                                .when(body().isEqualTo(READY)).process(e -> ready.countDown())
                                .when(body().isEqualTo(ALL_SENT)).process(e -> lastCreated.set(System.nanoTime()))
                                .otherwise().to("sparkdream:generate?download=false").process(e -> done.countDown())
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
            Run run = new Run(THREADS.getPeakThreadCount() - before, (lastCreated.get() - start) / 1e9,
                    (System.nanoTime() - start) / 1e9);
            check("ours", failed.get());
            return run;
        } finally {
            camel.stop();
            settle(before);
        }
    }

    /** Waits (up to 10 s) until the threads a run started have ended, so they do not count in the next run. */
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
        Ratios.Table table = new Ratios.Table("measure", "baseline (thread per task)", "ours (sparkdream:generate)",
                "ratio ours/baseline");
        table.row("threads added at peak",
                Ratios.spread(baseline.stream().mapToDouble(Run::threadsAdded).toArray(), "%.0f"),
                Ratios.spread(ours.stream().mapToDouble(Run::threadsAdded).toArray(), "%.0f"),
                Ratios.spread(Ratios.pairwise(ours.stream().mapToDouble(Run::threadsAdded).toArray(),
                        baseline.stream().mapToDouble(Run::threadsAdded).toArray()), "%.3f"));
        table.row("time until all created (s)",
                Ratios.spread(baseline.stream().mapToDouble(Run::createdSeconds).toArray(), "%.2f"),
                Ratios.spread(ours.stream().mapToDouble(Run::createdSeconds).toArray(), "%.2f"),
                Ratios.spread(Ratios.pairwise(ours.stream().mapToDouble(Run::createdSeconds).toArray(),
                        baseline.stream().mapToDouble(Run::createdSeconds).toArray()), "%.2f"));
        table.row("time to finish all (s)",
                Ratios.spread(baseline.stream().mapToDouble(Run::seconds).toArray(), "%.2f"),
                Ratios.spread(ours.stream().mapToDouble(Run::seconds).toArray(), "%.2f"),
                Ratios.spread(Ratios.pairwise(ours.stream().mapToDouble(Run::seconds).toArray(),
                        baseline.stream().mapToDouble(Run::seconds).toArray()), "%.2f"));
        System.out.println(table);
    }
}
