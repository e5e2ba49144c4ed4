package dev.camelspark.sparkgpt;

import dev.camelspark.emulator.Provider;
import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
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
        assertThatThrownBy(() -> startJava("sparkgpt:training-data?modelId=1&apiKey=k&stream=true"))
                .hasStackTraceContaining("sparkgpt: option 'stream' does nothing for operation 'training-data'; it"
                                         + " applies to sparkgpt:chat");
        assertThatThrownBy(() -> startJava("sparkgpt:chat?modelId=1&apiKey=k&initialDelay=5"))
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

    private static void startJava(String uri) throws Exception {
        try (CamelContext c = new DefaultCamelContext()) {
            c.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").to(uri);
                }
            });
            c.start();
        }
    }
}
