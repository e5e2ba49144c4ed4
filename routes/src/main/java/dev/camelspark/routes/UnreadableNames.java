package dev.camelspark.routes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox file routes' filter: a file whose name holds a backslash (a legal name on Linux) cannot be read by
 * Camel's file component, which takes the backslash for a folder separator and then finds no such file, warning at
 * every poll while the file stays stuck in the inbox. Such a file is moved to {@code .error/} with a reason instead.
 */
public final class UnreadableNames implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger("camel-spark.batch");

    private final Path inbox;
    private final BatchProgress progress;

    public UnreadableNames(Path inbox, BatchProgress progress) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.progress = progress;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        File real = file.getFile();
        if (file.isDirectory() || real == null || !real.getName().contains("\\") || !input(real.getName())) {
            return true;
        }
        String relative = inbox.relativize(real.toPath().toAbsolutePath().normalize()).toString();
        String reason = "'" + relative + "' has a backslash in its name, which the file reader takes for a folder "
                        + "separator: rename it without one";
        try {
            Path moved = inbox.resolve(".error").resolve(relative);
            Files.createDirectories(moved.getParent());
            OutboxWriter.writeAtomically(moved.resolveSibling(moved.getFileName() + ".reason.txt"),
                    (reason + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            Files.move(real.toPath(), moved, StandardCopyOption.REPLACE_EXISTING);
            progress.inputFailed(relative, reason);
        } catch (NoSuchFileException e) {
            // another of the inbox routes moved it first
        } catch (IOException e) {
            LOG.warn("cannot move {} to .error/: {}", relative, e.getMessage());
        }
        return false;
    }

    /** A name one of the inbox routes would read (the others are left alone, as any file the routes do not read). */
    private static boolean input(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return java.util.stream.Stream.of(".txt", ".json", ".yaml", ".yml", ".csv", ".jsonl").anyMatch(lower::endsWith);
    }
}
