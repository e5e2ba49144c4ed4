package dev.camelspark.sparkdream;

import dev.camelspark.emulator.SparkEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Yaml routes under Camel Main, the way Camel JBang runs them; the base URL comes from a property placeholder. */
@CamelMainTest(properties = {
        "camel.main.routes-include-pattern=classpath:routes/sparkdream-routes.yaml",
        DslRouteChecks.BASE_URL, DslRouteChecks.API_KEY, DslRouteChecks.POLL_INTERVAL, DslRouteChecks.MAX_POLL_INTERVAL })
class SparkDreamYamlRouteTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Produce
    ProducerTemplate template;

    @BeforeEach
    void quickTasks() {
        DslRouteChecks.quickTasks(EMULATOR.emulator());
    }

    private CamelContext context() {
        return template.getCamelContext();
    }

    @Test
    void generate() throws Exception {
        DslRouteChecks.generate(template, "yaml");
    }

    @Test
    void submitThenTheTasksConsumerThenStatus() throws Exception {
        DslRouteChecks.submitThenConsume(template, context(), "yaml");
    }

    @Test
    void aFailedTaskReachesTheConsumersErrorHandler() throws Exception {
        DslRouteChecks.failedTask(template, context(), EMULATOR.emulator(), "yaml");
    }

    @Test
    void badInputFailsBeforeAnyCall() {
        DslRouteChecks.errors(template, EMULATOR.emulator(), "yaml");
    }
}
