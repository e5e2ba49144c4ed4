package dev.camelspark.dynaspark;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Camel's tracing SPIs (camel-telemetry, which camel-opentelemetry2 brings, and camel-tracing, which camel-opentelemetry
 * brings) are optional dependencies of the components, whose span decorators they alone load: this module's classpath
 * has neither, as an application's without tracing has neither, and the component loads, calls and streams as usual.
 */
class DynaSparkWithoutTelemetryTest extends DynaSparkTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").to("dynaspark:text");
                from("direct:stream").to("dynaspark:text?stream=true").convertBodyTo(String.class);
            }
        };
    }

    @Test
    void callsWorkWithNoTelemetryOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("org.apache.camel.telemetry.SpanDecorator"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.camel.tracing.SpanDecorator"))
                .isInstanceOf(ClassNotFoundException.class);

        Exchange text = template.send("direct:text", e -> {
            e.getMessage().setBody("Hello camel");
            e.getMessage().setHeader("CamelDynaSparkModel", "openai");
        });
        Exchange stream = template.send("direct:stream", e -> e.getMessage().setBody("Hello camel"));

        assertThat(text.getException()).isNull();
        assertThat(text.getMessage().getBody(String.class)).isNotBlank();
        assertThat(stream.getException()).isNull();
        assertThat(stream.getMessage().getBody(String.class)).isNotBlank();
    }
}
