package dev.camelspark.routes;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelspark.support.task.TaskStore;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the application tells the person watching it: one line when a job starts and one when it ends, the progress
 * of each batch (done / total, percent, cost so far) as it crosses every tenth, what is still in flight (long jobs
 * such as videos) on every tick, and a summary when the inbox has drained.
 */
public final class BatchProgress {

    private static final Logger LOG = LoggerFactory.getLogger("camel-spark.batch");

    private final Map<String, Instant> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Batch> batches = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private volatile Costs cost = new Costs();
    private volatile Instant firstSinceSummary;
    private final Map<String, Job> running = new ConcurrentHashMap<>();
    private final TaskStore tasks;

    /** @param tasks where the asynchronous components record their tasks, read for the progress of long jobs */
    public BatchProgress(TaskStore tasks) {
        this.tasks = tasks;
    }

    public void jobStarted(Exchange exchange) {
        Job job = exchange.getProperty(Job.PROPERTY, Job.class);
        inFlight.put(job.key(), Instant.now());
        running.put(job.key(), job);
        if (firstSinceSummary == null) {
            firstSinceSummary = Instant.now();
        }
        LOG.info("job {} started ({})", job.source(), job.endpoint());
        // said when the exchange ends, which it does even when a forced shutdown has stopped the routes already
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                Throwable failure = done.getException() != null ? done.getException()
                        : done.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
                if (failure != null && JobFailures.interrupted(done, failure)) {
                    forget(job.key());
                    jobInterrupted(job.source());
                }
            }
        });
    }

    public void jobFinished(Exchange exchange) {
        Job job = exchange.getProperty(Job.PROPERTY, Job.class);
        Instant started = forget(job.key());
        String output = exchange.getProperty(OutboxWriter.OUTPUT, String.class);
        if (Boolean.TRUE.equals(exchange.getProperty(OutboxWriter.ALREADY_DONE, Boolean.class))) {
            skipped.incrementAndGet();
            LOG.info("job {} was already done: outbox/{}", job.source(), output);
            return;
        }
        done.incrementAndGet();
        BigDecimal jobCost = OutboxWriter.cost(exchange);
        String unit = Providers.costUnit(job.provider());
        cost.add(unit, jobCost);
        LOG.info("job {} done in {}: outbox/{}{}", job.source(), since(started), output,
                jobCost == null ? "" : " (cost " + jobCost.toPlainString() + " " + unit + ")");
    }

    public void jobInterrupted(String source) {
        LOG.info("job {} interrupted by shutdown: it stays in the inbox and resumes on the next start", source);
    }

    public void jobFailed(Exchange exchange, String source, String reason) {
        Job job = exchange.getProperty(Job.PROPERTY, Job.class);
        if (job != null) {
            forget(job.key());
        }
        failed.incrementAndGet();
        LOG.warn("job {} failed: {}", source, reason.lines().findFirst().orElse(reason));
    }

    /** A line of a batch failed (recorded in the batch result, not as a file in .error/). */
    void lineFailed(Exchange line) {
        Job job = line.getProperty(Job.PROPERTY, Job.class);
        if (job != null) {
            forget(job.key());
        }
        failed.incrementAndGet();
    }

    /** The job is no longer running; returns when it started. */
    private Instant forget(String jobKey) {
        running.remove(jobKey);
        return inFlight.remove(jobKey);
    }

    public void batchStarted(Exchange exchange, int total) {
        String name = JobReader.relativePath(exchange);
        batches.put(name, new Batch(total));
        if (firstSinceSummary == null) {
            firstSinceSummary = Instant.now();
        }
        LOG.info("batch {} started: {} jobs", name, total);
    }

    /** Counts a finished line; logs when the batch crosses another tenth. */
    public void lineFinished(Exchange batchExchange, Exchange line, boolean lineFailed) {
        if (lineFailed) {
            lineFailed(line);
        }
        Batch batch = batches.get(JobReader.relativePath(batchExchange));
        if (batch == null) {
            return;
        }
        BigDecimal lineCost = lineFailed ? null : OutboxWriter.cost(line);
        Job job = line.getProperty(Job.PROPERTY, Job.class);
        int finished = batch.finished(job == null ? null : Providers.costUnit(job.provider()), lineCost, lineFailed);
        int percent = batch.total == 0 ? 100 : finished * 100 / batch.total;
        if (percent / 10 > batch.lastTenth) {
            batch.lastTenth = percent / 10;
            LOG.info("batch {}: {}/{} ({}%), {} failed{}", JobReader.relativePath(batchExchange), finished, batch.total,
                    percent, batch.failed.get(), batch.cost.isEmpty() ? "" : ", cost so far " + batch.cost);
        }
    }

    void batchFinished(String name, int total, long failedLines) {
        batches.remove(name);
        LOG.info("batch {} done: {} jobs, {} failed", name, total, failedLines);
    }

    /** Called on every tick: long jobs in flight, and the summary once everything has drained. */
    public void tick() {
        if (!inFlight.isEmpty()) {
            inFlight.entrySet().stream()
                    .filter(e -> Duration.between(e.getValue(), Instant.now()).toSeconds() >= 10)
                    .limit(5)
                    .forEach(e -> LOG.info("still running after {}: {}{}", since(e.getValue()), source(e.getKey()),
                            taskProgress(e.getKey())));
            return;
        }
        Instant first = firstSinceSummary;
        if (first != null && batches.isEmpty()) {
            firstSinceSummary = null;
            Costs drained = cost;
            cost = new Costs();
            LOG.info("inbox drained: {} done, {} failed, {} already done{} in {}", done.getAndSet(0), failed.getAndSet(0),
                    skipped.getAndSet(0), drained.isEmpty() ? "" : ", cost " + drained, since(first));
        }
    }

    private String source(String jobKey) {
        Job job = running.get(jobKey);
        return job == null ? JobKeys.sourceOf(jobKey) : job.source();
    }

    /** What the provider last said of a job's task (status, percent), when the job is an asynchronous one. */
    private String taskProgress(String jobKey) {
        Job job = running.get(jobKey);
        String provider = job == null ? null : job.provider();
        if (provider == null || !Providers.ASYNC.contains(provider)) {
            return "";
        }
        // the components key a task by the job key, a '#' and a hash of the request
        return tasks.findPending(provider, "default").stream()
                .filter(r -> r.taskKey() != null && r.taskKey().startsWith(jobKey + "#"))
                .findFirst()
                .map(r -> " (" + (r.status() == null ? "submitted" : r.status())
                          + (r.progress() == null ? "" : ", " + r.progress() + "%") + ")")
                .orElse("");
    }

    private static String since(Instant start) {
        if (start == null) {
            return "?";
        }
        Duration d = Duration.between(start, Instant.now());
        return d.toSeconds() >= 60 ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : d.toMillis() / 100 / 10.0 + "s";
    }

    private static final class Batch {
        final int total;
        final AtomicInteger finishedLines = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final Costs cost = new Costs();
        volatile int lastTenth;

        Batch(int total) {
            this.total = total;
        }

        synchronized int finished(String unit, BigDecimal lineCost, boolean lineFailed) {
            cost.add(unit, lineCost);
            if (lineFailed) {
                failed.incrementAndGet();
            }
            return finishedLines.incrementAndGet();
        }
    }
}
