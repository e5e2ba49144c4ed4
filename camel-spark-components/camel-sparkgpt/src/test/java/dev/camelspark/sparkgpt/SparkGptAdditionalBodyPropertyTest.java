package dev.camelspark.sparkgpt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.testing.RouteStarts;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** additionalBodyProperty.*: top-level properties of the JSON body, JSON values when they are JSON. */
class SparkGptAdditionalBodyPropertyTest extends SparkGptTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chat").to("sparkgpt:chat?modelId=2&additionalBodyProperty.temperature=0.2"
                                       + "&additionalBodyProperty.style=vivid");
            }
        };
    }

    @Test
    void extraPropertiesArriveInTheBody() {
        Exchange out = send("direct:chat", "Hello");

        assertThat(out.getException()).isNull();
        JsonNode body = body(calls("/api/askoutside").get(0));
        assertThat(body.get("temperature").isNumber()).isTrue();
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("style").asText()).isEqualTo("vivid");
        assertThat(body.get("model_id").asInt()).isEqualTo(2);
    }

    @Test
    void theKeyCannotBeSetThroughItTheRouteFailsAtStartNamingTheOption() {
        assertThatThrownBy(() -> RouteStarts.to("sparkgpt:chat?modelId=2&additionalBodyProperty.Authorization=stolen"))
                .hasStackTraceContaining("invalid additionalBodyProperty.Authorization")
                .hasStackTraceContaining("option apiKey");
    }
}
