package dev.camelspark.routes;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.task.MemoryTaskStore;
import dev.camelspark.support.task.TaskDelivery;
import dev.camelspark.support.task.TaskRecord;
import dev.camelspark.support.task.TaskState;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress bar and the plain progress line, drawn from what {@link BatchProgress} was told by the same calls the
 * routes make (a job started, holding its permit, done with its cost, failed; a batch and its lines), and the terminal
 * output that keeps the bar under the log.
 */
class ProgressBarTest {

    private final CamelContext context = new DefaultCamelContext();
    private final MemoryTaskStore tasks = new MemoryTaskStore();
    private final BatchProgress progress = new BatchProgress(tasks);

    private Exchange job(String provider, String operation, String source) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(Job.PROPERTY, new Job(provider, operation, "a prompt", Map.of(), source,
                source + "|" + provider, source));
        return exchange;
    }

    private Exchange started(String provider, String operation, String source, boolean holdsPermit) {
        Exchange exchange = job(provider, operation, source);
        progress.jobStarted(exchange);
        if (holdsPermit) {
            progress.jobRunning(exchange);
        }
        return exchange;
    }

    private void done(Exchange exchange, String cost) {
        exchange.setProperty(OutboxWriter.OUTPUT, "out");
        if (cost != null) {
            exchange.getMessage().setHeader(SparkConstants.COST, new BigDecimal(cost));
        }
        progress.jobFinished(exchange);
    }

    /** What the NeoSpark component records of a task it polls: keyed by the job key, a '#' and a request hash. */
    private void taskAt(Exchange exchange, int percent) {
        Job job = exchange.getProperty(Job.PROPERTY, Job.class);
        tasks.save(new TaskRecord(job.provider(), "task-1", job.operation(), "default", job.key() + "#abc",
                TaskDelivery.EXCHANGE, Map.of(), Instant.now(), null, "processing", TaskState.RUNNING, percent,
                null, null, null, null, null, null, null));
    }

    @Test
    void theBarFillsWithTheJobsFinishedOfThoseKnownAndSaysWhatRunsWhatWaitsWhatFailedAndWhatItCost() {
        done(started("dynaspark", "image", "image/a.txt", true), "0.0100");
        Exchange video = started("neospark", "video", "video/b.txt", true);
        taskAt(video, 45);
        started("dynaspark", "text", "text/c.txt", false);
        Exchange refused = started("dynaspark", "image", "image/d.txt", true);
        progress.jobFailed(refused, "image/d.txt", "invalid width 'wide'\ncaused by: ...");

        BatchStatus status = progress.snapshot();
        assertThat(ProgressBar.count(status)).isEqualTo(new ProgressBar.Count(2, 4));
        String bar = ProgressBar.bar(status, 200);
        // 2 of 4: half the bar
        assertThat(bar).startsWith("[" + "#".repeat(ProgressBar.WIDTH / 2) + "-".repeat(ProgressBar.WIDTH / 2) + "]")
                .contains("  2/4  50%  1 running, 1 queued, 1 failed  0.0100 USD")
                .endsWith("video/b.txt 45%");
        assertThat(ProgressBar.line(status)).isEqualTo("progress: 2/4 (50%), 1 running, 1 queued, 1 failed, cost 0.0100 USD");
        assertThat(ProgressBar.active(status)).isTrue();

        taskAt(video, 80);
        assertThat(ProgressBar.bar(progress.snapshot(), 200)).endsWith("video/b.txt 80%");
        done(video, "130");
        status = progress.snapshot();
        assertThat(ProgressBar.count(status)).isEqualTo(new ProgressBar.Count(3, 4));
        assertThat(ProgressBar.line(status)).isEqualTo("progress: 3/4 (75%), 1 queued, 1 failed, cost 0.0100 USD, 130 credits");
        assertThat(ProgressBar.bar(status, 200)).startsWith("[" + "#".repeat(ProgressBar.WIDTH * 3 / 4) + "-".repeat(ProgressBar.WIDTH / 4) + "]");
        // a narrow terminal: the line is cut, never wrapped (a wrapped line could not be cleared)
        assertThat(ProgressBar.bar(status, 40)).hasSize(39);
    }

    @Test
    void aBatchCountsItsLinesNotStartedYet() {
        Exchange batch = new DefaultExchange(context);
        batch.getMessage().setHeader(Exchange.FILE_NAME, "batches/image/skies.csv");
        progress.batchStarted(batch, 10);
        for (int i = 1; i <= 3; i++) {
            Exchange line = started("dynaspark", "image", "batches/image/skies.csv#" + i, true);
            line.setProperty(OutboxWriter.OUTPUT, "out");
            if (i == 2) {
                progress.lineFinished(batch, line, "invalid width 'wide'");
            } else {
                progress.jobFinished(line);
                progress.lineFinished(batch, line, null);
            }
        }
        started("dynaspark", "image", "batches/image/skies.csv#4", true);

        BatchStatus status = progress.snapshot();
        // 3 finished, 1 in flight, 6 lines not started
        assertThat(ProgressBar.count(status)).isEqualTo(new ProgressBar.Count(3, 10));
        assertThat(ProgressBar.bar(status, 200)).startsWith("[" + "#".repeat(3 * ProgressBar.WIDTH / 10) + "-")
                .contains("3/10  30%  1 running, 1 failed");
        assertThat(status.errors()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("batches/image/skies.csv#2");
            assertThat(e.reason()).isEqualTo("invalid width 'wide'");
        });
    }

    @Test
    void nothingUnderWayDrawsNoBar() {
        done(started("sparkgpt", "chat", "sparkgpt/chat/x.txt", true), null);
        BatchStatus status = progress.snapshot();
        assertThat(ProgressBar.active(status)).isFalse();
        assertThat(ProgressBar.line(status)).isEqualTo("progress: 1/1 (100%)");
    }

    @Test
    void onTheTerminalALogLineClearsTheBarWhichIsDrawnAgainUnderIt() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        TerminalProgress.BarOutput output = new TerminalProgress.BarOutput(terminal);
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        Exchange job = started("dynaspark", "image", "image/a.txt", true);
        String first = ProgressBar.bar(progress.snapshot(), 100);
        output.show(first);
        out.println("12:00:00.000 INFO  job image/a.txt done");
        done(job, null);
        started("dynaspark", "image", "image/b.txt", true);
        String second = ProgressBar.bar(progress.snapshot(), 100);
        output.show(second);
        output.hide();
        out.println("12:00:01.000 INFO  inbox drained");

        String clear = TerminalProgress.BarOutput.CLEAR;
        assertThat(terminal.toString(StandardCharsets.UTF_8)).isEqualTo(
                clear + first
                + clear + "12:00:00.000 INFO  job image/a.txt done" + System.lineSeparator() + first
                + clear + second
                + clear
                + "12:00:01.000 INFO  inbox drained" + System.lineSeparator());
        assertThat(first).contains("0/1");
        assertThat(second).contains("1/2");
    }
}
