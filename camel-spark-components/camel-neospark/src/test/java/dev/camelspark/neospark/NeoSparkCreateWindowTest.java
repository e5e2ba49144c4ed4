package dev.camelspark.neospark;

import java.nio.file.Path;
import java.time.Duration;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.task.TaskOutcomeUnknownException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A create call whose outcome is unknown (the emulator creates the task and holds its answer past the read timeout),
 * then the same input again: a video is found in the list of video generations instead of being created again; what
 * cannot be told apart, and an image, fail saying the task may exist.
 */
class NeoSparkCreateWindowTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @TempDir
    Path dir;

    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        emulator().neospark().videoTimes(Duration.ZERO, Duration.ofMillis(200));
        context = new DefaultCamelContext();
        context.addComponent("neospark", NeoSparkRestartTest.fileStoreComponent(EMULATOR, dir.resolve("tasks")));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to("neospark:video?download=false&videoResolution=480p&requestTimeout=1000");
                from("direct:image").to("neospark:image?download=false&requestTimeout=1000");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private static SparkEmulator emulator() {
        return EMULATOR.emulator();
    }

    private static long creates(String path) {
        return emulator().requests(Provider.NEOSPARK).stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith(path)).count();
    }

    private Exchange send(String route, String key, String prompt) {
        return template.send(route, e -> {
            e.getMessage().setHeader(SparkConstants.TASK_KEY, key);
            e.getMessage().setBody(prompt);
        });
    }

    private static void holdTheNextCreate(String path) {
        emulator().faults().add(Fault.holdAnswer(Duration.ofSeconds(3)).on(Provider.NEOSPARK).method("POST").path(path)
                .times(1));
    }

    @Test
    void aVideoWhoseCreateOutcomeIsUnknownIsFoundInTheVideoListWhenTheSameInputComesAgain() {
        holdTheNextCreate("/video/generations");
        assertThat(send("direct:video", "inbox/comet.txt", "A comet over the dunes").getException()).isNotNull();
        assertThat(creates("/video/generations")).isEqualTo(1);

        Exchange again = send("direct:video", "inbox/comet.txt", "A comet over the dunes");

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(SparkConstants.TASK_ID, String.class)).startsWith("video_");
        assertThat(creates("/video/generations")).as("found, not created again").isEqualTo(1);
    }

    @Test
    void twoListedVideosWithTheSamePromptCannotBeToldApartAndTheInputFailsSayingItsTaskMayExist() {
        holdTheNextCreate("/video/generations");
        assertThat(send("direct:video", "inbox/comet.txt", "A comet over the dunes").getException()).isNotNull();
        assertThat(send("direct:video", "inbox/another.txt", "A comet over the dunes").getException()).isNull();

        Exchange again = send("direct:video", "inbox/comet.txt", "A comet over the dunes");

        assertThat(again.getException()).isInstanceOf(TaskOutcomeUnknownException.class)
                .hasMessageContaining("may exist already").hasMessageContaining("2 listed videos")
                .hasMessageContaining("onUnknownOutcome=retry");
        assertThat(creates("/video/generations")).isEqualTo(2);
    }

    @Test
    void anImageCannotBeLookedUpAndFailsSayingItsTaskMayExist() {
        holdTheNextCreate("/drawing/sessions/*/generate");
        assertThat(send("direct:image", "inbox/poster.txt", "A poster of a camel").getException()).isNotNull();

        Exchange again = send("direct:image", "inbox/poster.txt", "A poster of a camel");

        assertThat(again.getException()).isInstanceOf(TaskOutcomeUnknownException.class)
                .hasMessageContaining("may exist already").hasMessageContaining("lists no image messages");
        assertThat(creates("/generate")).isEqualTo(1);
    }
}
