package dev.camelspark.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.RejectedExecutionException;

import dev.camelspark.support.task.TaskAbandonedException;
import dev.camelspark.support.task.TaskOutcomeUnknownException;
import dev.camelspark.support.task.TaskHandedOutElsewhereException;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileConstants;

/**
 * Moves an input that failed to {@code inbox/.error/<path>} and writes {@code <path>.reason.txt} beside it, readable by
 * whoever looks there. An input interrupted by a shutdown is not a failure: it stays in the inbox for the next start
 * (the file routes have no {@code moveFailed}, so the file consumer leaves it where it is).
 */
public final class JobFailures {

    private final Path errorFolder;
    private final BatchProgress progress;
    private final OutputLedger ledger;

    public JobFailures(Path errorFolder, BatchProgress progress, OutputLedger ledger) {
        this.errorFolder = errorFolder;
        this.progress = progress;
        this.ledger = ledger;
    }

    public void record(Exchange exchange) throws IOException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        String relative = JobReader.relativePath(exchange);
        if (handedOutElsewhere(failure)) {
            // another instance of the cluster has the input and its result: it moves the input, not this one
            return;
        }
        if (interrupted(exchange, failure)) {
            if (exchange.getProperty(Job.PROPERTY) == null) {
                progress.jobInterrupted(relative); // a started job says so itself (BatchProgress.jobStarted)
            }
            return;
        }
        release(exchange, ledger);
        String reason = failure == null ? "unknown failure" : describe(failure) + retryHint(failure, relative);
        // named after the whole input name, so x.json and x.yaml failing never share one reason
        Path target = OutputNames.resolve(errorFolder, relative + ".reason.txt");
        Files.createDirectories(target.getParent());
        OutboxWriter.writeAtomically(target, (reason + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        Path input = Path.of(exchange.getMessage().getHeader(FileConstants.FILE_ABSOLUTE_PATH, String.class));
        Path moved = OutputNames.resolve(errorFolder, relative);
        Files.createDirectories(moved.getParent());
        Files.move(input, moved, StandardCopyOption.REPLACE_EXISTING);
        progress.jobFailed(exchange, relative, reason);
    }

    /** A job that failed (not one interrupted) gives up the output name it claimed. */
    static void release(Exchange exchange, OutputLedger ledger) {
        Job job = exchange.getProperty(Job.PROPERTY, Job.class);
        if (job != null) {
            ledger.release(job.key());
        }
    }

    /** True when the job stopped because the application is stopping: its input must stay in the inbox. */
    static boolean interrupted(Exchange exchange, Throwable failure) {
        if (handedOutElsewhere(failure)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JobInterruptedException || t instanceof TaskAbandonedException
                    || t instanceof RejectedExecutionException) {
                return true;
            }
        }
        return exchange.getContext().isStopping();
    }

    /**
     * How to create again, on purpose, a task whose create call had an unknown outcome (a crash in the create window):
     * the input is not retried by itself, since that task may exist and be paid.
     */
    static String retryHint(Throwable failure, String relative) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TaskOutcomeUnknownException unknown) {
                String provider = unknown.getIntent().provider();
                return System.lineSeparator() + "In this application: check the " + provider + " account for that"
                       + " task first; to create it again on purpose, start the application once with"
                       + " camel.component." + provider + ".on-unknown-outcome=retry and move " + relative
                       + " from inbox/.error/ back to inbox/.";
            }
        }
        return "";
    }

    /**
     * True when another instance sharing the task store handed the job's task out (cluster profile): the job is that
     * instance's, neither a failure here nor an interruption by a shutdown.
     */
    static boolean handedOutElsewhere(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TaskHandedOutElsewhereException) {
                return true;
            }
        }
        return false;
    }

    /** The message of the failure and of its causes, without stack traces: the reader is a person. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        Throwable cause = failure.getCause();
        while (cause != null && cause != failure) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(System.lineSeparator()).append("caused by: ").append(cause.getMessage());
            }
            failure = cause;
            cause = cause.getCause();
        }
        return text.toString();
    }
}
