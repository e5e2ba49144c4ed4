package dev.camelspark.sparkstream;

import dev.camelspark.emulator.SparkEmulatorExtension;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** YAML routes under Camel Main, configured by properties as an application would be. */
@CamelMainTest(properties = {
        "camel.main.routes-include-pattern=classpath:routes/sparkstream-routes.yaml",
        "camel.component.sparkstream.base-url={{spark.emulator.sparkstream.url}}",
        "camel.component.sparkstream.api-key=" + DslRouteChecks.KEY })
class SparkStreamYamlRouteTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Produce
    ProducerTemplate template;

    @Test
    void chat() {
        DslRouteChecks.chat(template, EMULATOR.emulator(), "yaml");
    }

    @Test
    void streamWithTheHeadersItsEndTells() {
        DslRouteChecks.stream(template, template.getCamelContext(), "yaml");
    }

    @Test
    void errorsReachTheRoutesErrorHandling() {
        DslRouteChecks.errors(template, EMULATOR.emulator(), "yaml");
    }
}
