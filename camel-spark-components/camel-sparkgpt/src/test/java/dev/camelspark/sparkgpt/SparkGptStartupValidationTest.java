package dev.camelspark.sparkgpt;

import dev.camelspark.support.testing.RouteStarts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Bad options, and a missing key, fail when the route starts, in every DSL, with a message naming what is wrong. */
class SparkGptStartupValidationTest {

    @Test
    void aMissingModelIdFailsAtStart() {
        String yaml = """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to:
                            uri: sparkgpt:chat
                            parameters:
                              apiKey: k
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.yaml", yaml)).hasStackTraceContaining("modelId")
                .hasStackTraceContaining("required");
    }

    @Test
    void aModelIdBelowOneFailsAtStartNamingOptionValueAndRange() {
        String xml = """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                    <route><from uri="direct:a"/><to uri="sparkgpt:training-data?modelId=0&amp;apiKey=k"/></route>
                </routes>
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.xml", xml)).hasStackTraceContaining("invalid modelId '0'")
                .hasStackTraceContaining("1 or more");
    }

    @Test
    void aModelIdThatIsNotANumberFailsAtStart() {
        String yaml = """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to: "sparkgpt:chat?modelId=tea&apiKey=k"
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.yaml", yaml)).hasStackTraceContaining("modelId");
    }

    @Test
    void noKeyFailsAtStartNamingTheOptionAndTheEnvironmentVariable() {
        assumeTrue(System.getenv("SPARKGPT_API_KEY") == null, "SPARKGPT_API_KEY is set in this environment");
        String yaml = """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to: "sparkgpt:chat?modelId=5"
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.yaml", yaml)).hasStackTraceContaining("no API key")
                .hasStackTraceContaining("apiKey").hasStackTraceContaining("SPARKGPT_API_KEY");
    }

    @Test
    void unknownOperationFailsAtStartListingTheOperations() {
        assertThatThrownBy(() -> RouteStarts.to("sparkgpt:trainingData?modelId=5&apiKey=k")).hasStackTraceContaining("unknown operation 'trainingData'").hasStackTraceContaining("chat, training-data");
    }

    @Test
    void unknownOptionFailsAtStartNamingIt() {
        String yaml = """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to: "sparkgpt:chat?modelId=5&apiKey=k&model_id=5"
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.yaml", yaml)).hasStackTraceContaining("model_id");
    }
}
