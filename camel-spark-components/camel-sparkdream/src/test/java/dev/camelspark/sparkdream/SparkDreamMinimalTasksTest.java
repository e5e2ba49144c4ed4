package dev.camelspark.sparkdream;

import dev.camelspark.emulator.TaskRule;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings.ErrorShape;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkTaskFailedException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task objects with only what the contract promises ({@code id}, {@code status}, {@code error} or the output URL):
 * every other field is optional, for generate, submit with the tasks consumer, and status.
 */
class SparkDreamMinimalTasksTest extends SparkDreamTestSupport {

    @BeforeEach
    void minimal() {
        settings().minimalTasks(true);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sparkdream:generate");
                from("direct:submit").to("sparkdream:submit?taskGroup=minimal");
                from("direct:status").to("sparkdream:status");
                from("sparkdream:tasks?taskGroup=minimal")
                        .onException(SparkTaskFailedException.class).handled(true).to("mock:failed").end()
                        .to("mock:done");
            }
        };
    }

    @ParameterizedTest
    @EnumSource(ErrorShape.class)
    void aMinimalFailedTaskFailsGenerateWithTheProvidersMessage(ErrorShape shape) {
        settings().errorShape(shape);
        emulator().tasks().add(TaskRule.fail("003019095", "upstream generation failed").times(1));

        Exchange out = send("direct:generate", "A fox");

        assertThat(out.getException()).isInstanceOf(SparkTaskFailedException.class)
                .hasMessageContaining("upstream generation failed");
        SparkTaskFailedException failed = (SparkTaskFailedException) out.getException();
        assertThat(failed.getProviderMessage()).isEqualTo("upstream generation failed");
        assertThat(failed.getTaskStatus()).isEqualTo("failed");
        assertThat(failed.getProviderCode()).isEqualTo(shape == ErrorShape.STRING ? null : "003019095");
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(failed.getTaskId());
        assertThat(out.getMessage().getHeader(SparkConstants.MODEL)).isNull();
        assertThat(cdnDownloads()).isEmpty();
    }

    @Test
    void aMinimalCompletedTaskGivesTheImage() {
        Exchange out = send("direct:generate", "A fox");

        assertThat(out.getException()).isNull();
        byte[] png = out.getMessage().getBody(byte[].class);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("completed");
        assertThat(out.getMessage().getHeader(SparkConstants.PROGRESS)).isEqualTo(100);
        assertThat(out.getMessage().getHeaders()).doesNotContainKeys(SparkConstants.COST, SparkConstants.SEED);
    }

    @ParameterizedTest
    @EnumSource(ErrorShape.class)
    void theTasksConsumerHandsOutAMinimalFailedTaskAsTheProvidersFailure(ErrorShape shape) throws Exception {
        settings().errorShape(shape);
        emulator().tasks().add(TaskRule.fail("003019095", "upstream generation failed").whenPromptContains("storm"));
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedMessageCount(1);
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);

        template.sendBody("direct:submit", "A storm");
        template.sendBody("direct:submit", "A calm sea");

        failed.assertIsSatisfied(10_000);
        done.assertIsSatisfied(10_000);
        Exception e = failed.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(e).isInstanceOf(SparkTaskFailedException.class).hasMessageContaining("upstream generation failed");
    }

    @Test
    void statusReadsAMinimalTask() {
        emulator().clock().freeze();
        settings().durations(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1));
        String id = template.requestBody("direct:submit", "A fox", String.class);

        Exchange out = send("direct:status", id);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("pending");
        assertThat(out.getMessage().getHeaders()).doesNotContainKey(SparkConstants.PROGRESS);
        assertThat(out.getMessage().getBody(java.util.Map.class)).containsEntry("id", id).hasSize(2);
    }
}
