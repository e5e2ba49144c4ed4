package dev.camelspark.dynaspark;

import dev.camelspark.support.observe.SparkMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Micrometer and Camel's tracing SPIs (camel-telemetry, which camel-opentelemetry2 brings, and camel-tracing, which
 * camel-opentelemetry brings; they alone load the components' span decorators) are optional dependencies of the
 * components: this module's classpath has none of them, as an application's without metrics or tracing has none, and
 * the component loads, calls and streams as usual, recording nothing.
 */
class DynaSparkWithoutMicrometerTest extends DynaSparkTestSupport {

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
    void callsWorkWithNoMicrometerAndNoTracingOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName(SparkMetrics.MICROMETER_REGISTRY))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(SparkMetrics.micrometerPresent(context)).isFalse();
        assertThat(context.getComponent("dynaspark", DynaSparkComponent.class).getMetrics()).isSameAs(SparkMetrics.NONE);
        assertThatThrownBy(() -> Class.forName("org.apache.camel.telemetry.SpanDecorator"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.camel.tracing.SpanDecorator"))
                .isInstanceOf(ClassNotFoundException.class);

        Exchange text = template.send("direct:text", e -> {
            e.getMessage().setBody("Hello camel");
            e.getMessage().setHeader(DynaSparkConstants.OVERRIDE_MODEL, "openai");
        });
        Exchange stream = template.send("direct:stream", e -> e.getMessage().setBody("Hello camel"));

        assertThat(text.getException()).isNull();
        assertThat(text.getMessage().getBody(String.class)).isNotBlank();
        assertThat(stream.getException()).isNull();
        assertThat(stream.getMessage().getBody(String.class)).isNotBlank();
    }
}
