package dev.camelspark.neospark;

import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.support.testing.DslRouteApplication.EachDsl;
import dev.camelspark.support.testing.DslRouteTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The XML and the YAML routes under Camel Main, configured by properties as an application would be. */
class NeoSparkDslRouteTest extends DslRouteTestSupport {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    NeoSparkDslRouteTest() {
        super("neospark",
              "camel.component.neospark.base-url={{spark.emulator.neospark.url}}",
              "camel.component.neospark.api-key=" + DslRouteChecks.DslKeys.KEY,
              "camel.component.neospark.poll-interval=50",
              "camel.component.neospark.max-poll-interval=200",
              "camel.component.neospark.max-cost-per-task=500");
    }

    @EachDsl
    void upload(String dsl) throws Exception {
        DslRouteChecks.upload(routes(dsl).template(), EMULATOR.emulator(), dsl);
    }

    @EachDsl
    void models(String dsl) throws Exception {
        DslRouteChecks.models(routes(dsl).template(), dsl);
    }

    @EachDsl
    void status(String dsl) throws Exception {
        DslRouteChecks.status(routes(dsl).template(), EMULATOR.emulator(), dsl);
    }

    @EachDsl
    void billingHistory(String dsl) throws Exception {
        DslRouteChecks.billing(routes(dsl).template(), EMULATOR.emulator(), dsl);
    }

    @EachDsl
    void image(String dsl) throws Exception {
        DslRouteChecks.image(routes(dsl).template(), EMULATOR.emulator(), dsl);
    }

    @EachDsl
    void videoSubmitThenTheTasksConsumer(String dsl) throws Exception {
        DslRouteChecks.videoSubmitAndTasksConsumer(routes(dsl).template(), EMULATOR.emulator(), dsl);
    }

    @EachDsl
    void errorsReachTheRoutesErrorHandling(String dsl) throws Exception {
        DslRouteChecks.errors(routes(dsl).template(), dsl);
    }
}
