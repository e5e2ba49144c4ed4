package dev.camelspark.sparkgpt;

import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.support.testing.DslRouteApplication.EachDsl;
import dev.camelspark.support.testing.DslRouteTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The XML and the YAML routes under Camel Main, configured by properties as an application would be. */
class SparkGptDslRouteTest extends DslRouteTestSupport {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    SparkGptDslRouteTest() {
        super("sparkgpt",
              "camel.component.sparkgpt.base-url={{spark.emulator.sparkgpt.url}}",
              "camel.component.sparkgpt.api-key=" + DslRouteChecks.KEY);
    }

    @EachDsl
    void chat(String dsl) throws Exception {
        DslRouteChecks.chat(routes(dsl).template(), EMULATOR.emulator(), dsl);
    }

    @EachDsl
    void stream(String dsl) throws Exception {
        DslRouteChecks.stream(routes(dsl).template(), routes(dsl).context(), dsl);
    }

    @EachDsl
    void trainingData(String dsl) throws Exception {
        DslRouteChecks.trainingData(routes(dsl).template(), dsl);
    }

    @EachDsl
    void errorsReachTheRoutesErrorHandling(String dsl) throws Exception {
        DslRouteChecks.errors(routes(dsl).template(), EMULATOR.emulator(), dsl);
    }
}
