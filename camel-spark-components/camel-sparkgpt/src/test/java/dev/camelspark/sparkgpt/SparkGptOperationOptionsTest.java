package dev.camelspark.sparkgpt;

import dev.camelspark.emulator.Provider;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.testing.RouteStarts;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Options and override headers that do nothing for the operation are refused, by name, before any call. */
class SparkGptOperationOptionsTest extends SparkGptTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:training").to("sparkgpt:training-data?modelId=1");
            }
        };
    }

    @Test
    void streamOnTrainingDataFailsAtStart() {
        assertThatThrownBy(() -> RouteStarts.to("sparkgpt:training-data?modelId=1&apiKey=k&stream=true"))
                .hasStackTraceContaining("sparkgpt: option 'stream' does nothing for operation 'training-data'; it"
                                         + " applies to sparkgpt:chat");
        assertThatThrownBy(() -> RouteStarts.to("sparkgpt:chat?modelId=1&apiKey=k&initialDelay=5"))
                .hasStackTraceContaining("option 'initialDelay' does nothing for operation 'chat'; no sparkgpt"
                                         + " operation uses it");
    }

    @Test
    void aStreamHeaderOnTrainingDataFailsBeforeAnyCall() {
        Exchange out = template.send("direct:training", e -> e.getMessage().setHeader(SparkGptConstants.OVERRIDE_STREAM, true));

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("header CamelSparkGptStream (option 'stream') does nothing for operation"
                                      + " 'training-data'");
        assertThat(emulator().requests(Provider.SPARKGPT)).isEmpty();
    }
}
