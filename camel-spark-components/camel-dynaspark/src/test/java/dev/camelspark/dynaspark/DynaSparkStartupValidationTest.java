package dev.camelspark.dynaspark;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
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
        assertThatThrownBy(() -> start("bad.yaml", yaml)).hasStackTraceContaining("widht");
    }

    @Test
    void outOfRangeValueInXmlFailsAtStartNamingOptionValueAndRange() {
        String xml = """
                <routes xmlns="http://camel.apache.org/schema/xml-io">
                    <route><from uri="direct:a"/><to uri="dynaspark:image?width=5000"/></route>
                </routes>
                """;
        assertThatThrownBy(() -> start("bad.xml", xml))
                .hasStackTraceContaining("width").hasStackTraceContaining("5000").hasStackTraceContaining("from 64 to 2048");
    }

    @Test
    void unknownOperationInJavaFailsAtStartListingTheOperations() {
        CamelContext context = new DefaultCamelContext();
        try {
            assertThatThrownBy(() -> {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:a").to("dynaspark:video");
                    }
                });
                context.start();
            }).hasStackTraceContaining("unknown operation 'video'").hasStackTraceContaining("text, image, audio");
        } finally {
            context.stop();
        }
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
        assertThatThrownBy(() -> start("bad.yaml", yaml)).hasStackTraceContaining("baseUrl")
                .hasStackTraceContaining("http or https");
    }

    private static void start(String name, String routes) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            Resource resource = ResourceHelper.fromString(name, routes);
            PluginHelper.getRoutesLoader(context).loadRoutes(resource);
            context.start();
        }
    }
}
