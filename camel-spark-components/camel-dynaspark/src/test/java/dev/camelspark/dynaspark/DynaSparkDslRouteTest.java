package dev.camelspark.dynaspark;

import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.support.testing.DslRouteApplication.EachDsl;
import dev.camelspark.support.testing.DslRouteTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The XML and the YAML routes under Camel Main, configured by properties as an application would be. */
class DynaSparkDslRouteTest extends DslRouteTestSupport {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    DynaSparkDslRouteTest() {
        super("dynaspark",
              "camel.component.dynaspark.base-url={{spark.emulator.dynaspark.url}}");
    }

    @EachDsl
    void text(String dsl) throws Exception {
        DslRouteChecks.text(routes(dsl).template(), EMULATOR.emulator(), dsl);
    }

    @EachDsl
    void stream(String dsl) throws Exception {
        DslRouteChecks.stream(routes(dsl).template(), routes(dsl).context(), dsl);
    }

    @EachDsl
    void image(String dsl) throws Exception {
        DslRouteChecks.image(routes(dsl).template(), dsl);
    }

    @EachDsl
    void audio(String dsl) throws Exception {
        DslRouteChecks.audio(routes(dsl).template(), dsl);
    }

    @EachDsl
    void errorsReachTheRoutesErrorHandling(String dsl) throws Exception {
        DslRouteChecks.errors(routes(dsl).template(), EMULATOR.emulator(), dsl);
    }
}
