package dev.camelspark.dynaspark;

import java.util.List;

import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.testing.RouteStarts;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** additionalBodyProperty.*: DynaSpark takes query parameters, so each goes on the query string as it is. */
class DynaSparkAdditionalBodyPropertyTest extends DynaSparkTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").to("dynaspark:text?seed=1&additionalBodyProperty.reasoning_effort=high"
                                       + "&additionalBodyProperty.seed=99");
                from("direct:image").to("dynaspark:image?download=false&additionalBodyProperty.enhance=true");
            }
        };
    }

    @Test
    void extraParametersArriveOnTheQueryStringAndReplaceSameNamedOnes() {
        Exchange out = send("direct:text", "Hello");

        assertThat(out.getException()).isNull();
        RecordedRequest call = calls("/generate_response").get(0);
        assertThat(call.queryParam("reasoning_effort")).isEqualTo("high");
        assertThat(call.query().get("seed")).isEqualTo(List.of("99"));
        assertThat(call.queryParam("user_input")).isEqualTo("Hello");
    }

    @Test
    void theImageOperationSendsThemToo() {
        Exchange out = send("direct:image", "A red fox");

        assertThat(out.getException()).isNull();
        assertThat(calls("/generate_image").get(0).queryParam("enhance")).isEqualTo("true");
    }

    @Test
    void theKeyCannotBeSetThroughItTheRouteFailsAtStartNamingTheOption() {
        assertThatThrownBy(() -> RouteStarts.to("dynaspark:text?additionalBodyProperty.api_key=stolen"))
                .hasStackTraceContaining("invalid additionalBodyProperty.api_key")
                .hasStackTraceContaining("option apiKey");
        assertThat(calls("/generate_response")).isEmpty();
    }
}
