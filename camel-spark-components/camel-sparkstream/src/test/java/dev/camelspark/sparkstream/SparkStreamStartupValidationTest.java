package dev.camelspark.sparkstream;

import dev.camelspark.support.testing.RouteStarts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Bad options, and a missing key, fail when the route starts, in every DSL, with a message naming what is wrong. */
class SparkStreamStartupValidationTest {

    @Test
    void anUnknownModelFailsAtStartListingTheModels() {
        String yaml = """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to:
                            uri: sparkstream:chat
                            parameters:
                              apiKey: k
                              model: spark-2
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.yaml", yaml)).hasStackTraceContaining("invalid model 'spark-2'")
                .hasStackTraceContaining("one of spark-1, spark-turbo, spark-pro");
    }

    @Test
    void maxTokensAboveTheModelsLimitFailsAtStart() {
        String xml = """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                    <route><from uri="direct:a"/><to uri="sparkstream:chat?model=spark-turbo&amp;maxTokens=5000&amp;apiKey=k"/></route>
                </routes>
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.xml", xml)).hasStackTraceContaining("invalid maxTokens '5000'")
                .hasStackTraceContaining("from 1 to 4096 for model spark-turbo");
    }

    @Test
    void maxTokensUpTo8192IsFineForSparkProAndTemperatureIsChecked() throws Exception {
        RouteStarts.routes("good.yaml", """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to: "sparkstream:chat?model=spark-pro&maxTokens=8192&apiKey=k"
                """);
        assertThatThrownBy(() -> RouteStarts.routes("bad.yaml", """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to: "sparkstream:chat?temperature=2.5&apiKey=k"
                """)).hasStackTraceContaining("invalid temperature '2.5'").hasStackTraceContaining("from 0 to 2");
    }

    @Test
    void noKeyFailsAtStartNamingTheOptionAndTheEnvironmentVariable() {
        assumeTrue(System.getenv("SPARKSTREAM_API_KEY") == null, "SPARKSTREAM_API_KEY is set in this environment");
        String yaml = """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to: sparkstream:chat
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.yaml", yaml)).hasStackTraceContaining("no API key")
                .hasStackTraceContaining("SPARKSTREAM_API_KEY");
    }

    @Test
    void unknownOperationFailsAtStart() {
        assertThatThrownBy(() -> RouteStarts.to("sparkstream:completions?apiKey=k")).hasStackTraceContaining("unknown operation 'completions'").hasStackTraceContaining("allowed: chat");
    }
}
