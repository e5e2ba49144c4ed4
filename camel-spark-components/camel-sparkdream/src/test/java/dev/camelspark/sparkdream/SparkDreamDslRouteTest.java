package dev.camelspark.sparkdream;

import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.support.testing.DslRouteApplication.EachDsl;
import dev.camelspark.support.testing.DslRouteTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The XML and the YAML routes under Camel Main, configured by properties as an application would be. */
class SparkDreamDslRouteTest extends DslRouteTestSupport {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    SparkDreamDslRouteTest() {
        super("sparkdream",
              DslRouteChecks.BASE_URL,
              DslRouteChecks.API_KEY,
              DslRouteChecks.POLL_INTERVAL,
              DslRouteChecks.MAX_POLL_INTERVAL);
    }

    @BeforeEach
    void quickTasks() {
        DslRouteChecks.quickTasks(EMULATOR.emulator());
    }

    @EachDsl
    void generate(String dsl) throws Exception {
        DslRouteChecks.generate(routes(dsl).template(), dsl);
    }

    @EachDsl
    void submitThenTheTasksConsumerThenStatus(String dsl) throws Exception {
        DslRouteChecks.submitThenConsume(routes(dsl).template(), routes(dsl).context(), dsl);
    }

    @EachDsl
    void aFailedTaskReachesTheConsumersErrorHandler(String dsl) throws Exception {
        DslRouteChecks.failedTask(routes(dsl).template(), routes(dsl).context(), EMULATOR.emulator(), dsl);
    }

    @EachDsl
    void badInputFailsBeforeAnyCall(String dsl) throws Exception {
        DslRouteChecks.errors(routes(dsl).template(), EMULATOR.emulator(), dsl);
    }
}
