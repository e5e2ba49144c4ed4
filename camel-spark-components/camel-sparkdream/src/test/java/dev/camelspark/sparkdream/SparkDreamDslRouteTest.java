package dev.camelspark.sparkdream;

import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.support.testing.DslRouteApplication;
import dev.camelspark.support.testing.DslRouteApplication.EachDsl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The XML and the YAML routes under Camel Main, configured by properties as an application would be. */
class SparkDreamDslRouteTest {

    private static final String[] PROPERTIES = {
            DslRouteChecks.BASE_URL,
            DslRouteChecks.API_KEY,
            DslRouteChecks.POLL_INTERVAL,
            DslRouteChecks.MAX_POLL_INTERVAL };

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    private static DslRouteApplication start(String dsl) {
        return DslRouteApplication.start("sparkdream", dsl, PROPERTIES);
    }

    @BeforeEach
    void quickTasks() {
        DslRouteChecks.quickTasks(EMULATOR.emulator());
    }

    @EachDsl
    void generate(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.generate(app.template(), dsl);
        }
    }

    @EachDsl
    void submitThenTheTasksConsumerThenStatus(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.submitThenConsume(app.template(), app.context(), dsl);
        }
    }

    @EachDsl
    void aFailedTaskReachesTheConsumersErrorHandler(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.failedTask(app.template(), app.context(), EMULATOR.emulator(), dsl);
        }
    }

    @EachDsl
    void badInputFailsBeforeAnyCall(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.errors(app.template(), EMULATOR.emulator(), dsl);
        }
    }
}
