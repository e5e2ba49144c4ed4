package dev.camelspark.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;

/**
 * Writes why an input failed beside where the file consumer moves it: {@code inbox/.error/<path>} gets
 * {@code <name>.reason.txt}, readable by whoever looks there.
 */
public final class JobFailures {

    private final Path errorFolder;
    private final BatchProgress progress;

    public JobFailures(String errorFolder, BatchProgress progress) {
        this.errorFolder = Path.of(errorFolder);
        this.progress = progress;
    }

    public void record(Exchange exchange) throws IOException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        String relative = JobReader.relativePath(exchange);
        String reason = failure == null ? "unknown failure" : describe(failure);
        Path target = OutboxPaths.resolve(errorFolder, OutboxPaths.withoutExtension(relative) + ".reason.txt");
        Files.createDirectories(target.getParent());
        OutboxWriter.writeAtomically(target, (reason + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        progress.jobFailed(exchange, relative, reason);
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
