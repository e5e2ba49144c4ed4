package dev.camelspark.routes;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link BatchStatus} as one line: a bar on a terminal ({@link TerminalProgress}), a plain progress line in
 * the log otherwise. The work known so far is the jobs finished since the start, those in flight and the lines of the
 * batches under way that have not started yet; files still waiting in the inbox are not known until they are read.
 */
final class ProgressBar {

    /** The bar's width in characters, between the brackets. */
    static final int WIDTH = 24;

    private ProgressBar() {
    }

    /** Jobs finished (done, failed or found done already) of the jobs known. */
    record Count(int finished, int known) {

        int percent() {
            return known == 0 ? 100 : (int) (finished * 100L / known);
        }
    }

    static Count count(BatchStatus status) {
        BatchStatus.ProviderStatus totals = status.totals();
        int finished = totals.done() + totals.failed() + totals.alreadyDone();
        int notStarted = 0;
        for (BatchStatus.BatchState batch : status.batches()) {
            long inFlight = status.inFlight().stream().filter(t -> t.source().startsWith(batch.name() + "#")).count();
            notStarted += (int) Math.max(0, batch.total() - batch.finished() - inFlight);
        }
        return new Count(finished, finished + status.inFlight().size() + notStarted);
    }

    /** True while something is under way: a job in flight or a batch not finished. */
    static boolean active(BatchStatus status) {
        return !status.inFlight().isEmpty() || !status.batches().isEmpty();
    }

    /** {@code [##########--------------]  5/12  41%  2 running, 1 queued, 1 failed  0.0120 USD  video/waves.txt 45%}. */
    static String bar(BatchStatus status, int columns) {
        Count count = count(status);
        int filled = count.known() == 0 ? WIDTH : (int) ((long) count.finished() * WIDTH / count.known());
        StringBuilder line = new StringBuilder("[").append("#".repeat(filled)).append("-".repeat(WIDTH - filled))
                .append("]  ").append(count.finished()).append('/').append(count.known())
                .append("  ").append(count.percent()).append('%');
        appendIfAny(line, "  ", states(status));
        appendIfAny(line, "  ", Costs.format(status.cost()));
        // the longest task that reports progress: what a person waits for
        status.inFlight().stream().filter(t -> t.progress() != null).findFirst()
                .ifPresent(t -> line.append("  ").append(t.source()).append(' ').append(t.progress()).append('%'));
        return line.length() < columns ? line.toString() : line.substring(0, Math.max(0, columns - 1));
    }

    /** {@code progress: 5/12 (41%), 2 running, 1 queued, 1 failed, cost 0.0120 USD}, for a log that is not a terminal. */
    static String line(BatchStatus status) {
        Count count = count(status);
        StringBuilder line = new StringBuilder("progress: ").append(count.finished()).append('/').append(count.known())
                .append(" (").append(count.percent()).append("%)");
        appendIfAny(line, ", ", states(status));
        appendIfAny(line, ", cost ", Costs.format(status.cost()));
        return line.toString();
    }

    private static void appendIfAny(StringBuilder line, String separator, String text) {
        if (!text.isEmpty()) {
            line.append(separator).append(text);
        }
    }

    private static String states(BatchStatus status) {
        BatchStatus.ProviderStatus totals = status.totals();
        List<String> parts = new ArrayList<>();
        if (totals.running() > 0) {
            parts.add(totals.running() + " running");
        }
        if (totals.queued() > 0) {
            parts.add(totals.queued() + " queued");
        }
        if (totals.failed() > 0) {
            parts.add(totals.failed() + " failed");
        }
        return String.join(", ", parts);
    }
}
