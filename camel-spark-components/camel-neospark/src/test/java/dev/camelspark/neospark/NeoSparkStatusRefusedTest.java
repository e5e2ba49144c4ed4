package dev.camelspark.neospark;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.task.TaskDelivery;
import dev.camelspark.support.task.TaskStore;
import dev.camelspark.support.task.TaskUnreadableException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status poll answered 401 or 404 does not throw away an image or a video that was paid for: it is polled again
 * with backoff until pollTimeout, its record is kept, and the same input (task key) sent again resumes it.
 */
class NeoSparkStatusRefusedTest extends NeoSparkTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:image").to("neospark:image?pollTimeout=1500");
                from("direct:video").to("neospark:video?pollTimeout=1500&downloadDirectory=target/refused-videos");
            }
        };
    }

    private Exchange send(String route, String key) {
        return template.send(route, e -> {
            e.getMessage().setBody("A corgi on the beach");
            e.getMessage().setHeader(SparkConstants.TASK_KEY, key);
        });
    }

    private TaskStore store() {
        return component().taskStore(component().getConfiguration());
    }

    @ParameterizedTest
    @CsvSource({ "direct:image, */drawing/messages/*", "direct:video, */video/generations/*" })
    void refusedPollsAreRetriedAndTheTaskStillCompletes(String route, String statusPath) {
        emulator().faults().add(Fault.respond(401).on(Provider.NEOSPARK).method("GET").path(statusPath).times(1));
        emulator().faults().add(Fault.respond(404).on(Provider.NEOSPARK).method("GET").path(statusPath).times(2));

        Exchange out = send(route, "inbox/corgi.txt");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isNotNull();
        assertThat(creates()).as("one task paid for").hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({ "direct:image, */drawing/messages/*, 404", "direct:video, */video/generations/*, 401" })
    void aStatusRefusedUntilPollTimeoutKeepsTheTaskAndTheSameInputResumesIt(String route, String statusPath,
                                                                            int status) {
        String fault = emulator().faults().add(Fault.respond(status).on(Provider.NEOSPARK).method("GET").path(statusPath));

        Exchange out = send(route, "inbox/corgi.txt");

        String taskId = out.getMessage().getHeader(SparkConstants.TASK_ID, String.class);
        assertThat(taskId).isNotBlank();
        assertThat(out.getException()).isInstanceOf(TaskUnreadableException.class).hasMessageContaining(taskId)
                .hasMessageContaining("HTTP " + status).hasMessageContaining("the same input resumes it");
        assertThat(store().find("neospark", taskId)).as("the record is kept").get()
                .satisfies(r -> assertThat(r.delivery()).isEqualTo(TaskDelivery.PARKED));

        emulator().faults().remove(fault);
        Exchange again = send(route, "inbox/corgi.txt");

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(taskId);
        assertThat(creates()).as("resumed, not paid again").hasSize(1);
        assertThat(store().find("neospark", taskId)).as("handed out, so forgotten").isEmpty();
    }
}
