package dev.camelspark.neospark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.testing.RouteStarts;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * additionalBodyProperty.*: top-level properties of the create body of images and videos; never a priced field while
 * maxCostPerTask is set, since the estimate is made from the options.
 */
class NeoSparkAdditionalBodyPropertyTest extends NeoSparkTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:image").to("neospark:image?resolution=512&download=false"
                                        + "&additionalBodyProperty.style_preset=cinematic&additionalBodyProperty.seed=7");
                from("direct:video").to("neospark:video-submit?additionalBodyProperty.camera_motion=pan");
                from("direct:capped").to("neospark:image?resolution=512&maxCostPerTask=20"
                                         + "&additionalBodyProperty.num_images=4");
            }
        };
    }

    @Test
    void extraPropertiesArriveInTheImageBody() {
        Exchange out = send("direct:image", "A red fox");

        assertThat(out.getException()).isNull();
        JsonNode body = creates().get(0).bodyJson();
        assertThat(body.get("style_preset").asText()).isEqualTo("cinematic");
        assertThat(body.get("seed").asInt()).isEqualTo(7);
        assertThat(body.get("resolution").asText()).isEqualTo("512");
    }

    @Test
    void andInTheVideoBody() {
        Exchange out = send("direct:video", "A red fox running");

        assertThat(out.getException()).isNull();
        assertThat(creates().get(0).bodyJson().get("camera_motion").asText()).isEqualTo("pan");
    }

    @Test
    void aPricedFieldUnderACostCapIsRefusedBeforeAnyCall() {
        Exchange out = send("direct:capped", "A red fox");

        assertThat(out.getException()).hasMessageContaining("invalid additionalBodyProperty.num_images")
                .hasMessageContaining("maxCostPerTask");
        assertThat(creates()).isEmpty();
    }

    @Test
    void theKeyCannotBeSetThroughItTheRouteFailsAtStartNamingTheOption() {
        assertThatThrownBy(() -> RouteStarts.to("neospark:image?additionalBodyProperty.X-API-Key=stolen"))
                .hasStackTraceContaining("invalid additionalBodyProperty.X-API-Key")
                .hasStackTraceContaining("option apiKey");
    }

    @Test
    void onAnUploadItDoesNothingAndIsRefusedAtStart() {
        assertThatThrownBy(() -> RouteStarts.to("neospark:upload?additionalBodyProperty.tag=a"))
                .hasStackTraceContaining("option 'additionalBodyProperty' does nothing for operation 'upload'");
    }
}
