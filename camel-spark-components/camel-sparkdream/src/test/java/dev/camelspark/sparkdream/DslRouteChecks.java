package dev.camelspark.sparkdream;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;

import javax.imageio.ImageIO;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.TaskRule;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import dev.camelspark.support.SparkConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks every DSL's copy of the routes must pass; {@code prefix} is "yaml" or "xml". */
final class DslRouteChecks {

    /** The properties both DSL tests start Camel Main with, besides the routes. */
    static final String BASE_URL = "camel.component.sparkdream.base-url={{spark.emulator.sparkdream.url}}";
    static final String API_KEY = "camel.component.sparkdream.api-key=dsl-key";
    static final String POLL_INTERVAL = "camel.component.sparkdream.poll-interval=50ms";
    static final String MAX_POLL_INTERVAL = "camel.component.sparkdream.max-poll-interval=200ms";

    private DslRouteChecks() {
    }

    static void quickTasks(SparkEmulator emulator) {
        emulator.settings(Provider.SPARKDREAM, SparkDreamSettings.class).durations(Duration.ZERO, Duration.ofMillis(300));
    }

    static void generate(ProducerTemplate template, String prefix) throws Exception {
        Exchange out = template.send("direct:" + prefix + "-generate", e -> e.getMessage().setBody("A camel"));

        assertThat(out.getException()).isNull();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.getMessage().getBody(byte[].class)));
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(out.getMessage().getHeader(SparkConstants.SEED, Long.class)).isEqualTo(7L);
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("completed");
    }

    static void submitThenConsume(ProducerTemplate template, CamelContext context, String prefix) throws Exception {
        MockEndpoint tasks = context.getEndpoint("mock:" + prefix + "-tasks", MockEndpoint.class);
        tasks.reset();
        tasks.expectedMessageCount(1);

        String taskId = template.send("direct:" + prefix + "-submit", e -> {
            e.getMessage().setBody("A camel at dawn");
            e.getMessage().setHeader(Exchange.FILE_NAME, "dawn.txt");
        }).getMessage().getBody(String.class);

        tasks.assertIsSatisfied(10_000);
        Exchange done = tasks.getReceivedExchanges().get(0);
        assertThat(done.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(taskId);
        assertThat(done.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("dawn.txt");
        assertThat(done.getMessage().getBody(byte[].class)).isNotEmpty();

        Exchange status = template.send("direct:" + prefix + "-status", e -> e.getMessage().setBody(taskId));
        assertThat(status.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("completed");
    }

    static void failedTask(ProducerTemplate template, CamelContext context, SparkEmulator emulator, String prefix)
            throws Exception {
        emulator.tasks().add(TaskRule.fail("003019095", "Internal generation error").times(1));
        MockEndpoint failed = context.getEndpoint("mock:" + prefix + "-failed", MockEndpoint.class);
        failed.reset();
        failed.expectedBodiesReceived("003019095: Internal generation error");

        template.sendBody("direct:" + prefix + "-submit", "A storm");

        failed.assertIsSatisfied(10_000);
    }

    static void errors(ProducerTemplate template, SparkEmulator emulator, String prefix) {
        Exchange out = template.send("direct:" + prefix + "-errors", e -> e.getMessage().setBody("A camel"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("failed: VALIDATION 003019006");
        assertThat(emulator.requests(Provider.SPARKDREAM)).isEmpty();
    }
}
