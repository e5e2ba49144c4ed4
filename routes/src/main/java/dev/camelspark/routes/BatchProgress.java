package dev.camelspark.routes;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelspark.support.task.TaskRecord;
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

    /** How many failures the status page keeps, newest first. */
    static final int RECENT_ERRORS = 20;

    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Batch> batches = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private volatile Costs cost = new Costs();
    private volatile Instant firstSinceSummary;
    private final TaskStore tasks;
    // since the start, for the status page and the progress bar (the summary's counts above restart at each drain)
    private final Instant startedAt = Instant.now();
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final Deque<BatchStatus.Failure> errors = new ArrayDeque<>();
    private volatile boolean plainLines = true;

    /** @param tasks where the asynchronous components record their tasks, read for the progress of long jobs */
    public BatchProgress(TaskStore tasks) {
        this.tasks = tasks;
    }

    /** A job in flight: queued until it holds one of the {@code spark.batch.max-in-flight} permits, then running. */
    private static final class InFlight {
        final Job job;
        final Instant started = Instant.now();
        volatile boolean running;

        InFlight(Job job) {
            this.job = job;
        }
    }

    /** What a provider's jobs came to since the start. */
    private static final class Tally {
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger alreadyDone = new AtomicInteger();
        final Costs cost = new Costs();
    }

    private Tally tally(String provider) {
        return tallies.computeIfAbsent(provider == null ? UNREAD : provider, p -> new Tally());
    }

    /** Where the failures of inputs that could not be read as a job are counted (no provider yet). */
    static final String UNREAD = "unread";

    public void jobStarted(Exchange exchange) {
        Job job = exchange.getProperty(Job.PROPERTY, Job.class);
        inFlight.put(job.key(), new InFlight(job));
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
                if (failure != null && JobFailures.handedOutElsewhere(failure)) {
                    forget(job.key());
                    LOG.info("job {} was handed out by another instance of the cluster: its result is there",
                            job.source());
                } else if (failure != null && JobFailures.interrupted(done, failure)) {
                    forget(job.key());
                    jobInterrupted(job.source());
                }
            }
        });
    }

    /** The job holds its in-flight permit: its call is made now (until then it is queued). */
    void jobRunning(Exchange exchange) {
        Job job = exchange.getProperty(Job.PROPERTY, Job.class);
        InFlight running = job == null ? null : inFlight.get(job.key());
        if (running != null) {
            running.running = true;
        }
    }

    public void jobFinished(Exchange exchange) {
        Job job = exchange.getProperty(Job.PROPERTY, Job.class);
        Instant started = forget(job.key());
        String output = exchange.getProperty(OutboxWriter.OUTPUT, String.class);
        if (Boolean.TRUE.equals(exchange.getProperty(OutboxWriter.ALREADY_DONE, Boolean.class))) {
            skipped.incrementAndGet();
            tally(job.provider()).alreadyDone.incrementAndGet();
            LOG.info("job {} was already done: outbox/{}", job.source(), output);
            return;
        }
        done.incrementAndGet();
        BigDecimal jobCost = OutboxWriter.cost(exchange);
        String unit = Providers.costUnit(job.provider());
        cost.add(unit, jobCost);
        Tally tally = tally(job.provider());
        tally.done.incrementAndGet();
        tally.cost.add(unit, jobCost);
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
        failed(job, source, reason);
        LOG.warn("job {} failed: {}", source, reason.lines().findFirst().orElse(reason));
    }

    /** An input that never became a job (its name cannot be read) moved to .error/. */
    void inputFailed(String source, String reason) {
        failed(null, source, reason);
        LOG.warn("job {} failed: {}", source, reason);
    }

    /** A line of a batch failed (recorded in the batch result, not as a file in .error/). */
    void lineFailed(Exchange line, String source, String reason) {
        Job job = line.getProperty(Job.PROPERTY, Job.class);
        if (job != null) {
            forget(job.key());
        }
        failed(job, source, reason);
    }

    private void failed(Job job, String source, String reason) {
        failed.incrementAndGet();
        tally(job == null ? null : job.provider()).failed.incrementAndGet();
        String firstLine = reason == null ? "unknown failure" : reason.lines().findFirst().orElse(reason);
        synchronized (errors) {
            errors.addFirst(new BatchStatus.Failure(Instant.now().toString(), source,
                    job == null ? null : job.provider(), firstLine));
            while (errors.size() > RECENT_ERRORS) {
                errors.removeLast();
            }
        }
    }

    /** The job is no longer running; returns when it started. */
    private Instant forget(String jobKey) {
        InFlight gone = inFlight.remove(jobKey);
        return gone == null ? null : gone.started;
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
    public void lineFinished(Exchange batchExchange, Exchange line, String failureReason) {
        boolean lineFailed = failureReason != null;
        if (lineFailed) {
            // the line's own name (batches/x.csv#3), even when it could not be read as a job
            BatchLines.BatchLine batchLine = line.getProperty(JobReader.BATCH_LINE, BatchLines.BatchLine.class);
            Job lineJob = line.getProperty(Job.PROPERTY, Job.class);
            String source = batchLine != null ? batchLine.source()
                    : lineJob != null ? lineJob.source() : JobReader.relativePath(batchExchange);
            lineFailed(line, source, failureReason);
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

    /** False while the progress bar is drawn on a terminal ({@link TerminalProgress}): it says the same. */
    void logPlainLines(boolean on) {
        plainLines = on;
    }

    /** Called on every tick: the progress so far, long jobs in flight, and the summary once everything has drained. */
    public void tick() {
        if (plainLines && (!inFlight.isEmpty() || !batches.isEmpty())) {
            LOG.info(ProgressBar.line(snapshot()));
        }
        if (!inFlight.isEmpty()) {
            inFlight.entrySet().stream()
                    .filter(e -> Duration.between(e.getValue().started, Instant.now()).toSeconds() >= 10)
                    .limit(5)
                    .forEach(e -> LOG.info("still running after {}: {}{}", since(e.getValue().started),
                            e.getValue().job.source(), taskProgress(e.getValue().job)));
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

    /** What the provider last said of a job's task (status, percent), when the job is an asynchronous one. */
    private String taskProgress(Job job) {
        return task(job, tasks.findPending(job.provider(), "default"))
                .map(r -> " (" + (r.status() == null ? "submitted" : r.status())
                          + (r.progress() == null ? "" : ", " + r.progress() + "%") + ")")
                .orElse("");
    }

    /** The recorded task of an asynchronous job, among the pending records of its provider. */
    private static Optional<TaskRecord> task(Job job, List<TaskRecord> pending) {
        if (!Providers.isAsynchronous(job.provider())) {
            return Optional.empty();
        }
        // the components key a task by the job key, a '#' and a hash of the request
        return pending.stream().filter(r -> r.taskKey() != null && r.taskKey().startsWith(job.key() + "#")).findFirst();
    }

    /** Everything at this moment, for the status page and the progress bar. */
    public BatchStatus snapshot() {
        Map<String, List<TaskRecord>> pending = new HashMap<>();
        List<BatchStatus.Task> jobs = new ArrayList<>();
        Map<String, int[]> queuedRunning = new TreeMap<>();
        Instant now = Instant.now();
        for (InFlight f : inFlight.values()) {
            Job job = f.job;
            Optional<TaskRecord> task = Providers.isAsynchronous(job.provider())
                    ? task(job, pending.computeIfAbsent(job.provider(), p -> tasks.findPending(p, "default")))
                    : Optional.empty();
            jobs.add(new BatchStatus.Task(job.source(), job.provider(), job.operation(), f.running ? "running" : "queued",
                    task.map(TaskRecord::taskId).orElse(null), task.map(TaskRecord::status).orElse(null),
                    task.map(TaskRecord::progress).orElse(null), Duration.between(f.started, now).toMillis()));
            queuedRunning.computeIfAbsent(job.provider(), p -> new int[2])[f.running ? 1 : 0]++;
        }
        jobs.sort(Comparator.comparing(BatchStatus.Task::millis).reversed());
        Map<String, BatchStatus.ProviderStatus> providers = new TreeMap<>();
        Set<String> names = new TreeSet<>(tallies.keySet());
        names.addAll(queuedRunning.keySet());
        Costs total = new Costs();
        for (String name : names) {
            Tally t = tally(name);
            int[] qr = queuedRunning.getOrDefault(name, new int[2]);
            providers.put(name, new BatchStatus.ProviderStatus(qr[0], qr[1], t.done.get(), t.failed.get(),
                    t.alreadyDone.get(), t.cost.totals()));
            t.cost.totals().forEach(total::add);
        }
        List<BatchStatus.BatchState> batchStates = batches.entrySet().stream()
                .map(e -> new BatchStatus.BatchState(e.getKey(), e.getValue().total, e.getValue().finishedLines.get(),
                        e.getValue().failed.get()))
                .sorted(Comparator.comparing(BatchStatus.BatchState::name)).toList();
        List<BatchStatus.Failure> recent;
        synchronized (errors) {
            recent = List.copyOf(errors);
        }
        return new BatchStatus(now.toString(), Duration.between(startedAt, now).toMillis(), providers,
                total.totals(), jobs, batchStates, recent);
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
