package dev.camelspark.sparkdream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.testing.RouteStarts;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
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
        assertThatThrownBy(() -> RouteStarts.to("sparkdream:generate?additionalBodyProperty.key=stolen"))
                .hasStackTraceContaining("invalid additionalBodyProperty.key")
                .hasStackTraceContaining("option apiKey");
    }

    @Test
    void onAStatusReadItDoesNothingAndIsRefusedAtStart() {
        assertThatThrownBy(() -> RouteStarts.to("sparkdream:status?additionalBodyProperty.priority=2"))
                .hasStackTraceContaining("option 'additionalBodyProperty' does nothing for operation 'status'");
    }
}
