package dev.camelspark.neospark;

import dev.camelspark.support.testing.RouteStarts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad options fail when the route starts, in every DSL, with a message naming the option, the value and the rule. */
class NeoSparkStartupValidationTest {

    @Test
    void aResolutionTheModelDoesNotHaveFailsInYaml() {
        String yaml = """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to:
                            uri: neospark:upload
                            parameters:
                              apiKey: np_x
                        - to:
                            uri: neospark:image-submit
                            parameters:
                              apiKey: np_x
                              model: gemini-3-pro-image-preview
                              resolution: "512"
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.yaml", yaml)).hasStackTraceContaining("resolution")
                .hasStackTraceContaining("'512'").hasStackTraceContaining("1K, 2K, 4K");
    }

    @Test
    void aDurationOutOfRangeFailsInXml() {
        String xml = """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                    <route><from uri="direct:a"/><to uri="neospark:video-submit?apiKey=np_x&amp;duration=20"/></route>
                </routes>
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.xml", xml)).hasStackTraceContaining("duration")
                .hasStackTraceContaining("20").hasStackTraceContaining("from 4 to 15");
    }

    @Test
    void qualityOnAGeminiModelAndAMismatchedProviderFail() {
        assertThatThrownBy(() -> RouteStarts.to("neospark:image-submit?apiKey=np_x&quality=high"))
                .hasStackTraceContaining("quality").hasStackTraceContaining("only with model gpt-image-2");
        assertThatThrownBy(() -> RouteStarts.to("neospark:image-submit?apiKey=np_x&model=gpt-image-2&provider=gemini"))
                .hasStackTraceContaining("provider").hasStackTraceContaining("openai or tengda");
        assertThatThrownBy(() -> RouteStarts.to("neospark:image-submit?apiKey=np_x&model=gemini-2.5-flash-image"
                                           + "&refUploadIds=up_a,up_b"))
                .hasStackTraceContaining("at most 1 in all");
    }

    @Test
    void anUnknownOptionOrOperationFails() {
        assertThatThrownBy(() -> RouteStarts.to("neospark:image-submit?apiKey=np_x&aspect_ratio=1:1"))
                .hasStackTraceContaining("aspect_ratio");
        assertThatThrownBy(() -> RouteStarts.to("neospark:picture"))
                .hasStackTraceContaining("unknown operation 'picture'").hasStackTraceContaining("image, video");
    }

    @Test
    void aMissingKeyFailsNamingTheOptionAndTheVariable() {
        assertThatThrownBy(() -> RouteStarts.to("neospark:models"))
                .hasStackTraceContaining("apiKey").hasStackTraceContaining("NEOSPARK_API_KEY");
    }

    @Test
    void aReferenceThatIsNotAUrlFails() {
        assertThatThrownBy(() -> RouteStarts.to("neospark:video-submit?apiKey=np_x&firstFrameUrl=ftp://x/a.png"))
                .hasStackTraceContaining("firstFrameUrl").hasStackTraceContaining("http(s) URL");
    }
}
