package dev.camelspark.sparkstream;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** sparkstream has one operation, chat, which takes every option; consumer options do nothing and are refused. */
class SparkStreamOperationOptionsTest {

    @Test
    void aScheduledPollOptionFailsAtStart() {
        assertThatThrownBy(() -> {
            try (CamelContext c = new DefaultCamelContext()) {
                c.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:a").to("sparkstream:chat?apiKey=k&greedy=true");
                    }
                });
                c.start();
            }
        }).hasStackTraceContaining("sparkstream: option 'greedy' does nothing for operation 'chat'; no sparkstream"
                                   + " operation uses it");
    }
}
