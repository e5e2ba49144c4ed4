package dev.camelspark.neospark;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
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
        assertThatThrownBy(() -> start("bad.yaml", yaml)).hasStackTraceContaining("resolution")
                .hasStackTraceContaining("'512'").hasStackTraceContaining("1K, 2K, 4K");
    }

    @Test
    void aDurationOutOfRangeFailsInXml() {
        String xml = """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                    <route><from uri="direct:a"/><to uri="neospark:video-submit?apiKey=np_x&amp;duration=20"/></route>
                </routes>
                """;
        assertThatThrownBy(() -> start("bad.xml", xml)).hasStackTraceContaining("duration")
                .hasStackTraceContaining("20").hasStackTraceContaining("from 4 to 15");
    }

    @Test
    void qualityOnAGeminiModelAndAMismatchedProviderFail() {
        assertThatThrownBy(() -> startJava("neospark:image-submit?apiKey=np_x&quality=high"))
                .hasStackTraceContaining("quality").hasStackTraceContaining("only with model gpt-image-2");
        assertThatThrownBy(() -> startJava("neospark:image-submit?apiKey=np_x&model=gpt-image-2&provider=gemini"))
                .hasStackTraceContaining("provider").hasStackTraceContaining("openai or tengda");
        assertThatThrownBy(() -> startJava("neospark:image-submit?apiKey=np_x&model=gemini-2.5-flash-image"
                                           + "&refUploadIds=up_a,up_b"))
                .hasStackTraceContaining("at most 1 in all");
    }

    @Test
    void anUnknownOptionOrOperationFails() {
        assertThatThrownBy(() -> startJava("neospark:image-submit?apiKey=np_x&aspect_ratio=1:1"))
                .hasStackTraceContaining("aspect_ratio");
        assertThatThrownBy(() -> startJava("neospark:picture"))
                .hasStackTraceContaining("unknown operation 'picture'").hasStackTraceContaining("image, video");
    }

    @Test
    void aMissingKeyFailsNamingTheOptionAndTheVariable() {
        assertThatThrownBy(() -> startJava("neospark:models"))
                .hasStackTraceContaining("apiKey").hasStackTraceContaining("NEOSPARK_API_KEY");
    }

    @Test
    void aReferenceThatIsNotAUrlFails() {
        assertThatThrownBy(() -> startJava("neospark:video-submit?apiKey=np_x&firstFrameUrl=ftp://x/a.png"))
                .hasStackTraceContaining("firstFrameUrl").hasStackTraceContaining("http(s) URL");
    }

    private static void startJava(String uri) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").to(uri);
                }
            });
            context.start();
        }
    }

    private static void start(String name, String routes) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            Resource resource = ResourceHelper.fromString(name, routes);
            PluginHelper.getRoutesLoader(context).loadRoutes(resource);
            context.start();
        }
    }
}
