package dev.camelspark.sparkdream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.TaskRule;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkServerException;
import dev.camelspark.support.error.SparkTaskFailedException;
import dev.camelspark.support.task.FileTaskStore;
import dev.camelspark.support.task.TaskRecord;
import dev.camelspark.support.task.TaskState;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A completed, paid task whose result could not be fetched is not forgotten: the same input sent again downloads
 * it without a second create. A task that failed on its own is told once and forgotten.
 */
class SparkDreamRedeliveryTest extends SparkDreamTestSupport {

    @TempDir
    static Path dir;
    private Path storeDir;

    @Override
    protected RouteBuilder createRouteBuilder() {
        storeDir = dir.resolve("tasks-" + System.nanoTime());
        String store = "taskStore=file&taskStoreDirectory=" + storeDir;
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sparkdream:generate?" + store);
                from("direct:handled")
                        .onException(Exception.class).handled(true).setBody(constant("failed")).end()
                        .to("sparkdream:generate?" + store);
            }
        };
    }

    private Exchange send(String uri, String prompt, String key) {
        return template.send(uri, e -> {
            e.getMessage().setBody(prompt);
            e.getMessage().setHeader(SparkConstants.TASK_KEY, key);
        });
    }

    private long recordFiles() throws Exception {
        try (Stream<Path> s = Files.list(storeDir)) {
            return s.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    private TaskRecord theRecord() {
        FileTaskStore reread = new FileTaskStore(storeDir);
        try {
            reread.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return reread.findPending("sparkdream", "default").get(0);
    }

    @Test
    void aCompletedTaskWhoseDownloadFailedIsDownloadedAgainWhenTheInputComesAgainWithoutASecondCreate() throws Exception {
        // three 503s: the download and both of its retries
        emulator().faults().add(Fault.respond(503).on(Provider.SPARKDREAM).path("/cdn/*").times(3));

        Exchange first = send("direct:generate", "A fox", "fox-1");

        assertThat(first.getException()).isInstanceOf(SparkServerException.class).hasMessageContaining("503");
        assertThat(recordFiles()).as("the paid task is still recorded").isEqualTo(1);
        TaskRecord kept = theRecord();
        assertThat(kept.state()).isEqualTo(TaskState.COMPLETED);
        assertThat(kept.mediaUrl()).contains("/cdn/");

        Exchange again = send("direct:generate", "A fox", "fox-1");

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getBody(byte[].class)).isNotEmpty();
        assertThat(again.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        assertThat(again.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(kept.taskId());
        assertThat(creates()).as("one create in all: the result was fetched, not paid for again").hasSize(1);
        assertThat(recordFiles()).as("handed over: forgotten").isZero();
    }

    @Test
    void aDownloadFailureTheRouteHandlesStillKeepsTheRecord() throws Exception {
        emulator().faults().add(Fault.respond(503).on(Provider.SPARKDREAM).path("/cdn/*").times(3));

        Exchange first = send("direct:handled", "A fox", "fox-2");

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getBody(String.class)).isEqualTo("failed");
        assertThat(recordFiles()).isEqualTo(1);

        Exchange again = send("direct:handled", "A fox", "fox-2");
        assertThat(again.getMessage().getBody()).isInstanceOf(byte[].class);
        assertThat(creates()).hasSize(1);
        assertThat(recordFiles()).isZero();
    }

    @Test
    void aTaskThatFailedIsToldOnceAndForgotten() throws Exception {
        emulator().tasks().add(TaskRule.fail("003019095", "Internal generation error").times(1));

        Exchange first = send("direct:generate", "A fox", "fox-3");

        assertThat(first.getException()).isInstanceOf(SparkTaskFailedException.class);
        assertThat(recordFiles()).isZero();
        Exchange again = send("direct:generate", "A fox", "fox-3");
        assertThat(again.getException()).isNull();
        assertThat(creates()).as("the failed task cannot be resumed: a new one is made").hasSize(2);
    }
}
