package dev.camelspark.sparkstream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.testing.RouteStarts;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** additionalBodyProperty.*: top-level properties of the chat body, streamed or not. */
class SparkStreamAdditionalBodyPropertyTest extends SparkStreamTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chat").to("sparkstream:chat?additionalBodyProperty.reasoning_effort=low"
                                       + "&additionalBodyProperty.n=1");
                from("direct:stream").to("sparkstream:chat?stream=true&additionalBodyProperty.reasoning_effort=low")
                        .convertBodyTo(String.class);
            }
        };
    }

    @Test
    void extraPropertiesArriveInTheBody() {
        Exchange out = send("direct:chat", "Hello");

        assertThat(out.getException()).isNull();
        JsonNode body = calls().get(0).bodyJson();
        assertThat(body.get("reasoning_effort").asText()).isEqualTo("low");
        assertThat(body.get("n").isInt()).isTrue();
        assertThat(body.get("messages").size()).isEqualTo(1);
    }

    @Test
    void andInTheBodyOfAStreamedCall() {
        Exchange out = send("direct:stream", "Hello");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isNotBlank();
        JsonNode body = calls().get(0).bodyJson();
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("reasoning_effort").asText()).isEqualTo("low");
    }

    @Test
    void theKeyCannotBeSetThroughItTheRouteFailsAtStartNamingTheOption() {
        assertThatThrownBy(() -> RouteStarts.to("sparkstream:chat?additionalBodyProperty.apiKey=stolen"))
                .hasStackTraceContaining("invalid additionalBodyProperty.apiKey")
                .hasStackTraceContaining("option apiKey");
    }
}
