package dev.camelspark.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.camelspark.emulator.SparkEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The application started on a (pseudo-)terminal, as from a shell: the progress bar is drawn on the last line while a
 * job runs, under the log, and takes the place of the plain progress lines.
 */
class TerminalProgressTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @TempDir
    Path dir;

    @Test
    void onATerminalTheBarIsDrawnUnderTheLogWhileAJobRuns() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")),
                "no /usr/bin/script (util-linux) to give the application a terminal: apt-get install util-linux");
        EMULATOR.emulator().neospark().videoTimes(Duration.ofMillis(100), Duration.ofSeconds(3));
        try (BatchProcess app = BatchProcess.startOnTerminal(dir, EMULATOR.emulator(),
                Map.of("camel.component.neospark.poll-interval", "100", "camel.component.neospark.max-poll-interval", "200"))) {
            Path input = dir.resolve("inbox/video/waves.txt");
            Files.createDirectories(input.getParent());
            Path staging = Files.createTempFile(dir, "staging", ".tmp");
            Files.writeString(staging, "Waves rolling onto a beach at dusk");
            Files.move(staging, input);

            // the bar: cleared and redrawn in place (carriage return, erase line), with the task's progress
            String bar = "\u001b[K[" + "-".repeat(ProgressBar.WIDTH) + "]  0/1  0%  1 running";
            await().atMost(BatchProcess.patience()).until(() -> app.output().stream()
                    .anyMatch(l -> l.startsWith(bar) && l.contains("video/waves.txt")));
            await().atMost(BatchProcess.patience()).until(() -> app.logged("job video/waves.txt done"));
            List<String> output = app.output();
            // the log line that ends the job clears the bar first
            assertThat(output).anyMatch(l -> l.startsWith("\u001b[K") && l.contains("job video/waves.txt done"));
            // the progress-period lines are the bar's job on a terminal (the child logs them every second otherwise)
            assertThat(output).noneMatch(l -> l.contains("progress: "));
        }
    }
}
