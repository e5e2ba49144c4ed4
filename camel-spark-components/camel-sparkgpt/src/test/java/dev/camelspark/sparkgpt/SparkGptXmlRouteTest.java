package dev.camelspark.sparkgpt;

import dev.camelspark.emulator.SparkEmulatorExtension;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** XML routes (camel-xml-io-dsl) under Camel Main, configured by properties as an application would be. */
@CamelMainTest(properties = {
        "camel.main.routes-include-pattern=classpath:routes/sparkgpt-routes.xml",
        "camel.component.sparkgpt.base-url={{spark.emulator.sparkgpt.url}}",
        "camel.component.sparkgpt.api-key=" + DslRouteChecks.KEY })
class SparkGptXmlRouteTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Produce
    ProducerTemplate template;

    @Test
    void chat() {
        DslRouteChecks.chat(template, EMULATOR.emulator(), "xml");
    }

    @Test
    void stream() {
        DslRouteChecks.stream(template, template.getCamelContext(), "xml");
    }

    @Test
    void trainingData() {
        DslRouteChecks.trainingData(template, "xml");
    }

    @Test
    void errorsReachTheRoutesErrorHandling() {
        DslRouteChecks.errors(template, EMULATOR.emulator(), "xml");
    }
}
