package dev.camelspark.neospark;

import dev.camelspark.emulator.SparkEmulatorExtension;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Xml routes under Camel Main; the base URL and the key come from properties. */
@CamelMainTest(properties = {
        "camel.main.routes-include-pattern=classpath:routes/neospark-routes.xml",
        "camel.component.neospark.base-url={{spark.emulator.neospark.url}}",
        "camel.component.neospark.api-key=" + DslRouteChecks.DslKeys.KEY,
        "camel.component.neospark.poll-interval=50",
        "camel.component.neospark.max-poll-interval=200",
        "camel.component.neospark.max-cost-per-task=500" })
class NeoSparkXmlRouteTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Produce
    ProducerTemplate template;

    @Test
    void upload() {
        DslRouteChecks.upload(template, EMULATOR.emulator(), "xml");
    }

    @Test
    void models() {
        DslRouteChecks.models(template, "xml");
    }

    @Test
    void status() {
        DslRouteChecks.status(template, EMULATOR.emulator(), "xml");
    }

    @Test
    void billingHistory() {
        DslRouteChecks.billing(template, EMULATOR.emulator(), "xml");
    }

    @Test
    void image() throws Exception {
        DslRouteChecks.image(template, EMULATOR.emulator(), "xml");
    }

    @Test
    void videoSubmitThenTheTasksConsumer() throws Exception {
        DslRouteChecks.videoSubmitAndTasksConsumer(template, EMULATOR.emulator(), "xml");
    }

    @Test
    void errorsReachTheRoutesErrorHandling() {
        DslRouteChecks.errors(template, "xml");
    }
}
