package dev.camelspark.dynaspark;

import dev.camelspark.emulator.SparkEmulatorExtension;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** XML routes (camel-xml-io-dsl) under Camel Main; the base URL comes from a property placeholder. */
@CamelMainTest(properties = {
        "camel.main.routes-include-pattern=classpath:routes/dynaspark-routes.xml",
        "camel.component.dynaspark.base-url={{spark.emulator.dynaspark.url}}" })
class DynaSparkXmlRouteTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Produce
    ProducerTemplate template;

    @Test
    void text() {
        DslRouteChecks.text(template, EMULATOR.emulator(), "xml");
    }

    @Test
    void stream() {
        DslRouteChecks.stream(template, template.getCamelContext(), "xml");
    }

    @Test
    void image() throws Exception {
        DslRouteChecks.image(template, "xml");
    }

    @Test
    void audio() {
        DslRouteChecks.audio(template, "xml");
    }

    @Test
    void errorsReachTheRoutesErrorHandling() {
        DslRouteChecks.errors(template, EMULATOR.emulator(), "xml");
    }
}
