package dev.camelspark.routes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The application's state at one moment, as the status page ({@code /status.json}) shows it and the progress bar
 * draws it: per provider, the jobs queued (waiting for one of the {@code spark.batch.max-in-flight} permits), running,
 * done and failed since the start; the jobs in flight with their task's progress; the batches under way; the cost so
 * far, one total per unit; the most recent failures with their reasons, newest first.
 *
 * @param at        when it was taken (ISO-8601)
 * @param uptime    milliseconds since the application started
 * @param providers per provider (and {@code unread}: inputs that failed before they were a job)
 * @param cost      the cost so far, per unit ({@code USD}, {@code credits})
 * @param inFlight  the jobs queued or running, longest first
 * @param batches   the batches under way
 * @param errors    the last {@value BatchProgress#RECENT_ERRORS} failures, newest first
 */
public record BatchStatus(String at, long uptime, Map<String, ProviderStatus> providers, Map<String, BigDecimal> cost,
                          List<Task> inFlight, List<BatchState> batches, List<Failure> errors) {

    /** One provider's jobs since the start, and what they cost (one total per unit). */
    public record ProviderStatus(int queued, int running, int done, int failed, int alreadyDone,
                                 Map<String, BigDecimal> cost) {
    }

    /**
     * A job in flight.
     *
     * @param state      {@code queued} (waiting for a permit) or {@code running}
     * @param taskId     the provider's task, for Spark Dream and NeoSpark once created
     * @param taskStatus what the provider last said of it ({@code processing}, ...)
     * @param progress   its last progress, 0-100, when the provider reports one
     * @param millis     since the job started
     */
    public record Task(String source, String provider, String operation, String state, String taskId,
                       String taskStatus, Integer progress, long millis) {
    }

    /** A batch under way: {@code finished} of {@code total} lines, {@code failed} of them failed. */
    public record BatchState(String name, int total, int finished, int failed) {
    }

    /** A failure: when (ISO-8601), which input or batch line, which provider (null before it was a job), why. */
    public record Failure(String at, String source, String provider, String reason) {
    }

    /** The counts of all providers together. */
    public ProviderStatus totals() {
        int queued = 0, running = 0, done = 0, failed = 0, alreadyDone = 0;
        for (ProviderStatus p : providers.values()) {
            queued += p.queued();
            running += p.running();
            done += p.done();
            failed += p.failed();
            alreadyDone += p.alreadyDone();
        }
        return new ProviderStatus(queued, running, done, failed, alreadyDone, cost);
    }
}
