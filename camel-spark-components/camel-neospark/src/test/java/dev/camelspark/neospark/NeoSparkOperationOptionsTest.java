package dev.camelspark.neospark;

import java.util.function.Consumer;

import dev.camelspark.emulator.Provider;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.testing.RouteStarts;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An option that does nothing for the endpoint's operation fails when the route starts, naming it and the one to use;
 * an override header for such an option fails the message before any call.
 */
class NeoSparkOperationOptionsTest extends NeoSparkTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to("neospark:video-submit");
            }
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "neospark:video?resolution=720p     | option 'resolution' does nothing for operation 'video'; use 'videoResolution'",
        "neospark:video-submit?model=AiVideoMin | option 'model' does nothing for operation 'video-submit'; use 'videoModel'",
        "neospark:image?ratio=16:9          | option 'ratio' does nothing for operation 'image'; use 'aspectRatio'",
        "neospark:image?duration=5          | option 'duration' does nothing for operation 'image'; it applies to neospark:video, neospark:video-submit",
        "neospark:status?download=false     | option 'download' does nothing for operation 'status'; it applies to neospark:image, neospark:video, neospark:tasks",
        "neospark:models?limit=5            | option 'limit' does nothing for operation 'models'; it applies to neospark:sessions, neospark:user-images, neospark:billing-history",
        "neospark:image-submit?download=false | option 'download' does nothing for operation 'image-submit'; it applies to neospark:image, neospark:video, neospark:tasks",
        "neospark:video-cancel?taskType=video | option 'taskType' does nothing for operation 'video-cancel'; it applies to neospark:status",
        "neospark:upload?pollInterval=1s    | option 'pollInterval' does nothing for operation 'upload'; it applies to neospark:image, neospark:image-submit, neospark:video, neospark:video-submit, neospark:tasks",
        "neospark:image?delay=100           | option 'delay' does nothing for operation 'image'; it applies to neospark:tasks" })
    void anOptionThatDoesNothingFailsAtStartNamingTheOneToUse(String uri, String message) {
        assertThatThrownBy(() -> RouteStarts.to(uri, NeoSparkOperationOptionsTest::key))
                .hasStackTraceContaining("neospark: " + message);
    }

    @Test
    void theIssuesYamlRouteFailsAtStart() {
        String yaml = """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to:
                            uri: neospark:video
                            parameters:
                              apiKey: np_x
                              resolution: 720p
                """;
        assertThatThrownBy(() -> RouteStarts.yaml(yaml)).hasStackTraceContaining("neospark: option 'resolution' does nothing for operation 'video'; use"
                                   + " 'videoResolution'");
    }

    @Test
    void componentDefaultsForImagesDoNotBreakVideoEndpoints() {
        Consumer<CamelContext> imageDefaults = c -> {
            key(c);
            NeoSparkConfiguration config = c.getComponent("neospark", NeoSparkComponent.class).getConfiguration();
            config.setResolution("2K");
            config.setLimit(10);
        };
        assertThatCode(() -> RouteStarts.to("neospark:video?videoResolution=480p&maxCostPerTask=200", imageDefaults))
                .doesNotThrowAnyException();
        assertThatCode(() -> RouteStarts.from("neospark:tasks?delay=200&download=false", imageDefaults))
                .doesNotThrowAnyException();
    }

    @Test
    void anImageHeaderOnAVideoFailsBeforeAnyCallNamingTheVideoHeader() {
        Exchange out = template.send("direct:video", e -> {
            e.getMessage().setBody("A corgi");
            e.getMessage().setHeader(NeoSparkConstants.OVERRIDE_RESOLUTION, "720p");
        });

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class).hasMessage(
                "neospark: header CamelNeoSparkResolution (option 'resolution') does nothing for operation"
                + " 'video-submit'; use header CamelNeoSparkVideoResolution");
        assertThat(creates()).isEmpty();
        assertThat(emulator().requests(Provider.NEOSPARK)).isEmpty();
    }

    @Test
    void theSessionHeaderOfAnEarlierImageStepIsLeftAloneOnAVideo() {
        Exchange out = template.send("direct:video", e -> {
            e.getMessage().setBody("A corgi");
            e.getMessage().setHeader(NeoSparkConstants.SESSION_ID, "ds_from_an_image_step");
            e.getMessage().setHeader(NeoSparkConstants.OVERRIDE_VIDEO_RESOLUTION, "480p");
        });

        assertThat(out.getException()).isNull();
        assertThat(creates()).singleElement().satisfies(r -> assertThat(r.bodyJson().get("resolution").asText())
                .isEqualTo("480p"));
    }

    private static void key(CamelContext c) {
        c.getComponent("neospark", NeoSparkComponent.class).getConfiguration().setApiKey("np_x");
    }
}
