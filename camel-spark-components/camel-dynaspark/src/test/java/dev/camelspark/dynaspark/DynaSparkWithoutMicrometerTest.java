package dev.camelspark.dynaspark;

import dev.camelspark.support.observe.SparkMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Micrometer is an optional dependency of the components: this module's classpath has none, as an application's
 * without metrics has none, and the component loads, calls and streams as usual, recording nothing.
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
    void callsWorkWithNoMicrometerOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName(SparkMetrics.MICROMETER_REGISTRY))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(SparkMetrics.micrometerPresent(context)).isFalse();
        assertThat(context.getComponent("dynaspark", DynaSparkComponent.class).getMetrics()).isSameAs(SparkMetrics.NONE);

        Exchange text = template.send("direct:text", e -> e.getMessage().setBody("Hello camel"));
        Exchange stream = template.send("direct:stream", e -> e.getMessage().setBody("Hello camel"));

        assertThat(text.getException()).isNull();
        assertThat(text.getMessage().getBody(String.class)).isNotBlank();
        assertThat(stream.getException()).isNull();
        assertThat(stream.getMessage().getBody(String.class)).isNotBlank();
    }
}
