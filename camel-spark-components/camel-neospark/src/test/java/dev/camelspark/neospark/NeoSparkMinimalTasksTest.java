package dev.camelspark.neospark;

import java.io.InputStream;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.TaskRule;
import dev.camelspark.emulator.neospark.NeoSparkSettings.ErrorShape;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkTaskFailedException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Image and video tasks with only their id, status, result URLs and failure (the emulator's minimalTasks), the failure
 * in every shape: every other field is optional, for the producers that wait, the tasks consumer and status.
 */
class NeoSparkMinimalTasksTest extends NeoSparkTestSupport {

    @BeforeEach
    void minimal() {
        emulator().neospark().minimalTasks(true);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:image").to("neospark:image");
                from("direct:video").to("neospark:video?downloadDirectory=target/minimal-videos");
                from("direct:status").to("neospark:status");
                from("direct:video-submit").to("neospark:video-submit?taskGroup=minimal");
                from("neospark:tasks?taskGroup=minimal")
                        .onException(SparkTaskFailedException.class).handled(true).to("mock:failed").end()
                        .to("mock:done");
            }
        };
    }

    @ParameterizedTest
    @CsvSource({ "direct:image, ERROR_MSG", "direct:image, ERROR_MESSAGE", "direct:image, MESSAGE",
        "direct:image, STRING", "direct:video, ERROR_MSG", "direct:video, ERROR_MESSAGE", "direct:video, MESSAGE",
        "direct:video, STRING" })
    void aMinimalFailedTaskFailsTheExchangeWithTheProvidersMessage(String route, ErrorShape shape) {
        emulator().neospark().errorShape(shape);
        emulator().tasks().add(TaskRule.fail("GEN_500", "upstream generation failed").on(Provider.NEOSPARK).times(1));

        Exchange out = send(route, "A fox");

        assertThat(out.getException()).isInstanceOf(SparkTaskFailedException.class)
                .hasMessageContaining("upstream generation failed");
        SparkTaskFailedException failed = (SparkTaskFailedException) out.getException();
        assertThat(failed.getProviderMessage()).isEqualTo("upstream generation failed");
        // a minimal task object has no error_code; the error objects carry a code
        assertThat(failed.getProviderCode()).isEqualTo(
                shape == ErrorShape.ERROR_MESSAGE || shape == ErrorShape.MESSAGE ? "GEN_500" : null);
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(failed.getTaskId());
    }

    @Test
    void aMinimalCompletedImageIsDelivered() {
        Exchange out = send("direct:image", "A fox");

        assertThat(out.getException()).isNull();
        byte[] png = out.getMessage().getBody(byte[].class);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(out.getMessage().getHeader(SparkConstants.PROGRESS)).isEqualTo(100);
        assertThat(out.getMessage().getHeaders()).doesNotContainKeys(SparkConstants.COST, SparkConstants.MODEL,
                NeoSparkConstants.ESTIMATED_COST);
    }

    @Test
    void aMinimalCompletedVideoIsDelivered() throws Exception {
        Exchange out = send("direct:video", "A corgi");

        assertThat(out.getException()).isNull();
        java.io.File video = out.getMessage().getBody(java.io.File.class);
        try (InputStream in = java.nio.file.Files.newInputStream(video.toPath())) {
            byte[] head = in.readNBytes(8);
            assertThat(new String(head, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        }
    }

    @Test
    void theTasksConsumerHandsOutMinimalTasks() throws Exception {
        emulator().neospark().errorShape(ErrorShape.STRING);
        emulator().tasks().add(TaskRule.fail(null, "upstream generation failed").on(Provider.NEOSPARK)
                .whenPromptContains("storm"));
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedMessageCount(1);
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);

        template.sendBody("direct:video-submit", "A storm");
        template.sendBody("direct:video-submit", "A calm sea");

        failed.assertIsSatisfied(10_000);
        done.assertIsSatisfied(10_000);
        assertThat(failed.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .isInstanceOf(SparkTaskFailedException.class).hasMessageContaining("upstream generation failed");
    }

    @Test
    void statusReadsAMinimalTask() {
        emulator().clock().freeze();
        emulator().neospark().taskTimes(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1));
        String id = template.requestBody("direct:video-submit", "A corgi", String.class);

        Exchange out = send("direct:status", id);

        assertThat(out.getException()).isNull();
        NeoSparkTask task = out.getMessage().getBody(NeoSparkTask.class);
        assertThat(task.id()).isEqualTo(id);
        assertThat(task.status()).isEqualTo("pending");
        assertThat(task.progress()).isNull();
        assertThat(task.estimatedCost()).isNull();
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(id);
    }
}
