package dev.camelspark.sparkdream;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkTaskTimeoutException;
import dev.camelspark.support.task.TaskDelivery;
import dev.camelspark.support.task.TaskStore;
import dev.camelspark.support.task.TaskUnreadableException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status poll answered 401 or 404 does not throw away a task that was paid for: it is polled again with backoff
 * until pollTimeout, its record is kept, and the same input (task key) sent again resumes it.
 */
class SparkDreamStatusRefusedTest extends SparkDreamTestSupport {

    private static final String STATUS = "/model/v1/generation/task/*";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sparkdream:generate?pollTimeout=1500");
            }
        };
    }

    private Exchange generate(String prompt, String key) {
        return template.send("direct:generate", e -> {
            e.getMessage().setBody(prompt);
            e.getMessage().setHeader(SparkConstants.TASK_KEY, key);
        });
    }

    private TaskStore store() {
        SparkDreamComponent component = context.getComponent("sparkdream", SparkDreamComponent.class);
        return component.taskStore(component.getConfiguration());
    }

    @Test
    void refusedPollsAreRetriedAndTheTaskStillCompletes() {
        emulator().faults().add(Fault.respond(401).on(Provider.SPARKDREAM).method("GET").path(STATUS).times(1));
        emulator().faults().add(Fault.respond(404).on(Provider.SPARKDREAM).method("GET").path(STATUS).times(2));

        Exchange out = generate("A lighthouse", "inbox/lighthouse.txt");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(byte[].class)).isNotEmpty();
        assertThat(creates()).as("one task paid for").hasSize(1);
    }

    @Test
    void aStatusRefusedUntilPollTimeoutKeepsTheTaskAndTheSameInputResumesIt() {
        String fault = emulator().faults().add(Fault.respond(404).on(Provider.SPARKDREAM).method("GET").path(STATUS));

        Exchange out = generate("A lighthouse", "inbox/lighthouse.txt");

        String taskId = out.getMessage().getHeader(SparkConstants.TASK_ID, String.class);
        assertThat(taskId).startsWith("task-");
        assertThat(out.getException()).isInstanceOf(TaskUnreadableException.class).hasMessageContaining(taskId)
                .hasMessageContaining("HTTP 404").hasMessageContaining("the same input resumes it");
        assertThat(store().find("sparkdream", taskId)).as("the record is kept").get()
                .satisfies(r -> assertThat(r.delivery()).isEqualTo(TaskDelivery.PARKED))
                .satisfies(r -> assertThat(r.errorMessage()).contains(taskId));

        emulator().faults().remove(fault);
        Exchange again = generate("A lighthouse", "inbox/lighthouse.txt");

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(taskId);
        assertThat(again.getMessage().getBody(byte[].class)).isNotEmpty();
        assertThat(creates()).as("resumed, not paid again").hasSize(1);
        assertThat(store().find("sparkdream", taskId)).as("handed out, so forgotten").isEmpty();
    }

    @Test
    void aTaskThatTimedOutIsResumedByTheSameInput() {
        emulator().clock().freeze(); // the task stays processing while the emulator's clock stands still

        Exchange out = generate("A slow fox", "inbox/fox.txt");
        assertThat(out.getException()).isInstanceOf(SparkTaskTimeoutException.class);
        String taskId = out.getMessage().getHeader(SparkConstants.TASK_ID, String.class);

        emulator().clock().advance(java.time.Duration.ofSeconds(1));
        Exchange again = generate("A slow fox", "inbox/fox.txt");

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(taskId);
        assertThat(creates()).as("resumed, not paid again").hasSize(1);
    }
}
