package dev.camelspark.dynaspark;

import dev.camelspark.emulator.SparkEmulatorExtension;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** YAML routes under Camel Main, the way Camel JBang runs them; the base URL comes from a property placeholder. */
@CamelMainTest(properties = {
        "camel.main.routes-include-pattern=classpath:routes/dynaspark-routes.yaml",
        "camel.component.dynaspark.base-url={{spark.emulator.dynaspark.url}}" })
class DynaSparkYamlRouteTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Produce
    ProducerTemplate template;

    @Test
    void text() {
        DslRouteChecks.text(template, EMULATOR.emulator(), "yaml");
    }

    @Test
    void stream() {
        DslRouteChecks.stream(template, template.getCamelContext(), "yaml");
    }

    @Test
    void image() throws Exception {
        DslRouteChecks.image(template, "yaml");
    }

    @Test
    void audio() {
        DslRouteChecks.audio(template, "yaml");
    }

    @Test
    void errorsReachTheRoutesErrorHandling() {
        DslRouteChecks.errors(template, EMULATOR.emulator(), "yaml");
    }
}
