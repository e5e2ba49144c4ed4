package dev.camelspark.sparkdream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** additionalBodyProperty.*: top-level properties of the create body; only the operations that create a task. */
class SparkDreamAdditionalBodyPropertyTest extends SparkDreamTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sparkdream:generate?download=false&additionalBodyProperty.priority=2"
                                           + "&additionalBodyProperty.callback_tag=camel");
            }
        };
    }

    @Test
    void extraPropertiesArriveInTheCreateBody() {
        Exchange out = send("direct:generate", "A lighthouse in a storm");

        assertThat(out.getException()).isNull();
        JsonNode body = creates().get(0).bodyJson();
        assertThat(body.get("priority").asInt()).isEqualTo(2);
        assertThat(body.get("callback_tag").asText()).isEqualTo("camel");
        assertThat(body.get("input").get(0).get("params").get("prompt").asText()).isEqualTo("A lighthouse in a storm");
    }

    @Test
    void theKeyCannotBeSetThroughItTheRouteFailsAtStartNamingTheOption() {
        assertThatThrownBy(() -> start("sparkdream:generate?additionalBodyProperty.key=stolen"))
                .hasStackTraceContaining("invalid additionalBodyProperty.key").hasStackTraceContaining("option apiKey");
    }

    @Test
    void onAStatusReadItDoesNothingAndIsRefusedAtStart() {
        assertThatThrownBy(() -> start("sparkdream:status?additionalBodyProperty.priority=2"))
                .hasStackTraceContaining("option 'additionalBodyProperty' does nothing for operation 'status'");
    }

    private static void start(String uri) throws Exception {
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").to(uri);
                }
            });
            context.start();
        } finally {
            context.stop();
        }
    }
}
