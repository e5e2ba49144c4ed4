package dev.camelspark.sparkdream;

import dev.camelspark.support.testing.RouteStarts;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad options fail when the route starts, in every DSL, naming the option, the value and what is allowed. */
class SparkDreamStartupValidationTest {

    @Test
    void aScaleOutOfRangeInYamlFailsAtStartWithTheVendorsCode() {
        String yaml = """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to:
                            uri: sparkdream:generate
                            parameters:
                              apiKey: k
                              scale: 12
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.yaml", yaml)).hasStackTraceContaining("scale")
                .hasStackTraceContaining("'12.0'").hasStackTraceContaining("from 1 to 10")
                .hasStackTraceContaining("003019005");
    }

    @Test
    void anAspectRatioBeyondThreeToOneInXmlFailsAtStart() {
        String xml = """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                    <route><from uri="direct:a"/><to uri="sparkdream:generate?apiKey=k&amp;width=2048&amp;height=512"/></route>
                </routes>
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.xml", xml)).hasStackTraceContaining("2048x512")
                .hasStackTraceContaining("1:3 and 3:1").hasStackTraceContaining("003019007");
    }

    @Test
    void maxCostPerTaskIsRefusedAtStartSinceSparkDreamTellsThePriceOnlyOnceATaskCompleted() throws Exception {
        assertThatThrownBy(() -> RouteStarts.route("direct:a", "sparkdream:generate?apiKey=k&maxCostPerTask=0.01"))
                .hasStackTraceContaining("maxCostPerTask").hasStackTraceContaining("'0.01'")
                .hasStackTraceContaining("only known once the task has completed");
        try (CamelContext context = new DefaultCamelContext()) {
            SparkDreamComponent component = new SparkDreamComponent();
            component.getConfiguration().setMaxCostPerTask(0.05);
            context.addComponent("sparkdream", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").to("sparkdream:submit?apiKey=k");
                }
            });
            assertThatThrownBy(context::start).as("set on the component too")
                    .hasStackTraceContaining("maxCostPerTask").hasStackTraceContaining("'0.05'");
        }
    }

    @Test
    void aFileTaskStoreWithoutDirectoryFailsAtStart() {
        String yaml = """
                - route:
                    from:
                      uri: sparkdream:tasks
                      parameters:
                        apiKey: k
                        taskStore: file
                      steps:
                        - to: log:x
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.yaml", yaml)).hasStackTraceContaining("taskStoreDirectory");
    }

    @Test
    void noKeyFailsAtStartNamingTheOptionAndTheVariable() {
        String yaml = """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to: sparkdream:generate
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.yaml", yaml)).hasStackTraceContaining("apiKey")
                .hasStackTraceContaining("SPARKDREAM_API_KEY");
    }

    @Test
    void unknownOperationsAndMisplacedOnesFailAtStart() {
        assertThatThrownBy(() -> RouteStarts.route("direct:a", "sparkdream:video"))
                .hasStackTraceContaining("unknown operation 'video'").hasStackTraceContaining("generate, submit, status, tasks");
        assertThatThrownBy(() -> RouteStarts.route("sparkdream:generate?apiKey=k", "log:x"))
                .hasStackTraceContaining("sparkdream:generate is a producer");
        assertThatThrownBy(() -> RouteStarts.route("direct:a", "sparkdream:tasks?apiKey=k"))
                .hasStackTraceContaining("sparkdream:tasks is a consumer");
    }
}
