package dev.camelspark.sparkstream;

import dev.camelspark.emulator.SparkEmulatorExtension;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** XML routes (camel-xml-io-dsl) under Camel Main, configured by properties as an application would be. */
@CamelMainTest(properties = {
        "camel.main.routes-include-pattern=classpath:routes/sparkstream-routes.xml",
        "camel.component.sparkstream.base-url={{spark.emulator.sparkstream.url}}",
        "camel.component.sparkstream.api-key=" + DslRouteChecks.KEY })
class SparkStreamXmlRouteTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Produce
    ProducerTemplate template;

    @Test
    void chat() {
        DslRouteChecks.chat(template, EMULATOR.emulator(), "xml");
    }

    @Test
    void streamWithTheHeadersItsEndTells() {
        DslRouteChecks.stream(template, template.getCamelContext(), "xml");
    }

    @Test
    void errorsReachTheRoutesErrorHandling() {
        DslRouteChecks.errors(template, EMULATOR.emulator(), "xml");
    }
}
