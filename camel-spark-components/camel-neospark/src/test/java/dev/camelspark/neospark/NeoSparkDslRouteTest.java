package dev.camelspark.neospark;

import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.support.testing.DslRouteApplication;
import dev.camelspark.support.testing.DslRouteApplication.EachDsl;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The XML and the YAML routes under Camel Main, configured by properties as an application would be. */
class NeoSparkDslRouteTest {

    private static final String[] PROPERTIES = {
            "camel.component.neospark.base-url={{spark.emulator.neospark.url}}",
            "camel.component.neospark.api-key=" + DslRouteChecks.DslKeys.KEY,
            "camel.component.neospark.poll-interval=50",
            "camel.component.neospark.max-poll-interval=200",
            "camel.component.neospark.max-cost-per-task=500" };

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    private static DslRouteApplication start(String dsl) {
        return DslRouteApplication.start("neospark", dsl, PROPERTIES);
    }

    @EachDsl
    void upload(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.upload(app.template(), EMULATOR.emulator(), dsl);
        }
    }

    @EachDsl
    void models(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.models(app.template(), dsl);
        }
    }

    @EachDsl
    void status(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.status(app.template(), EMULATOR.emulator(), dsl);
        }
    }

    @EachDsl
    void billingHistory(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.billing(app.template(), EMULATOR.emulator(), dsl);
        }
    }

    @EachDsl
    void image(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.image(app.template(), EMULATOR.emulator(), dsl);
        }
    }

    @EachDsl
    void videoSubmitThenTheTasksConsumer(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.videoSubmitAndTasksConsumer(app.template(), EMULATOR.emulator(), dsl);
        }
    }

    @EachDsl
    void errorsReachTheRoutesErrorHandling(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.errors(app.template(), dsl);
        }
    }
}
