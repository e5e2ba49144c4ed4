package dev.camelspark.sparkstream;

import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.support.testing.DslRouteApplication.EachDsl;
import dev.camelspark.support.testing.DslRouteTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The XML and the YAML routes under Camel Main, configured by properties as an application would be. */
class SparkStreamDslRouteTest extends DslRouteTestSupport {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    SparkStreamDslRouteTest() {
        super("sparkstream",
              "camel.component.sparkstream.base-url={{spark.emulator.sparkstream.url}}",
              "camel.component.sparkstream.api-key=" + DslRouteChecks.KEY);
    }

    @EachDsl
    void chat(String dsl) throws Exception {
        DslRouteChecks.chat(routes(dsl).template(), EMULATOR.emulator(), dsl);
    }

    @EachDsl
    void streamWithTheHeadersItsEndTells(String dsl) throws Exception {
        DslRouteChecks.stream(routes(dsl).template(), routes(dsl).context(), dsl);
    }

    @EachDsl
    void errorsReachTheRoutesErrorHandling(String dsl) throws Exception {
        DslRouteChecks.errors(routes(dsl).template(), EMULATOR.emulator(), dsl);
    }
}
