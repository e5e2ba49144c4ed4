package dev.camelspark.sparkgpt;

import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.support.testing.DslRouteApplication;
import dev.camelspark.support.testing.DslRouteApplication.EachDsl;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The XML and the YAML routes under Camel Main, configured by properties as an application would be. */
class SparkGptDslRouteTest {

    private static final String[] PROPERTIES = {
            "camel.component.sparkgpt.base-url={{spark.emulator.sparkgpt.url}}",
            "camel.component.sparkgpt.api-key=" + DslRouteChecks.KEY };

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    private static DslRouteApplication start(String dsl) {
        return DslRouteApplication.start("sparkgpt", dsl, PROPERTIES);
    }

    @EachDsl
    void chat(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.chat(app.template(), EMULATOR.emulator(), dsl);
        }
    }

    @EachDsl
    void stream(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.stream(app.template(), app.context(), dsl);
        }
    }

    @EachDsl
    void trainingData(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.trainingData(app.template(), dsl);
        }
    }

    @EachDsl
    void errorsReachTheRoutesErrorHandling(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.errors(app.template(), EMULATOR.emulator(), dsl);
        }
    }
}
