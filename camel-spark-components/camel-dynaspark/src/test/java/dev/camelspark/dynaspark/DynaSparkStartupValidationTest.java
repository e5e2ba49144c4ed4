package dev.camelspark.dynaspark;

import dev.camelspark.support.testing.RouteStarts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad options fail when the route starts, in every DSL, with a message naming the option. */
class DynaSparkStartupValidationTest {

    @Test
    void unknownOptionInYamlFailsAtStartNamingIt() {
        String yaml = """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to:
                            uri: dynaspark:image
                            parameters:
                              widht: 512
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.yaml", yaml)).hasStackTraceContaining("widht");
    }

    @Test
    void outOfRangeValueInXmlFailsAtStartNamingOptionValueAndRange() {
        String xml = """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                    <route><from uri="direct:a"/><to uri="dynaspark:image?width=5000"/></route>
                </routes>
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.xml", xml))
                .hasStackTraceContaining("width").hasStackTraceContaining("5000").hasStackTraceContaining("from 64 to 2048");
    }

    @Test
    void unknownOperationInJavaFailsAtStartListingTheOperations() {
        assertThatThrownBy(() -> RouteStarts.to("dynaspark:video")).hasStackTraceContaining("unknown operation 'video'").hasStackTraceContaining("text, image, audio");
    }

    @Test
    void invalidBaseUrlFailsAtStart() {
        String yaml = """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to: "dynaspark:text?baseUrl=ftp://example.com"
                """;
        assertThatThrownBy(() -> RouteStarts.routes("bad.yaml", yaml)).hasStackTraceContaining("baseUrl")
                .hasStackTraceContaining("http or https");
    }
}
