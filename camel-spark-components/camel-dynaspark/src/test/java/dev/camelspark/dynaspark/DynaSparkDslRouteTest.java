package dev.camelspark.dynaspark;

import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.support.testing.DslRouteApplication;
import dev.camelspark.support.testing.DslRouteApplication.EachDsl;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The XML and the YAML routes under Camel Main, configured by properties as an application would be. */
class DynaSparkDslRouteTest {

    private static final String[] PROPERTIES = {
            "camel.component.dynaspark.base-url={{spark.emulator.dynaspark.url}}" };

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    private static DslRouteApplication start(String dsl) {
        return DslRouteApplication.start("dynaspark", dsl, PROPERTIES);
    }

    @EachDsl
    void text(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.text(app.template(), EMULATOR.emulator(), dsl);
        }
    }

    @EachDsl
    void stream(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.stream(app.template(), app.context(), dsl);
        }
    }

    @EachDsl
    void image(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.image(app.template(), dsl);
        }
    }

    @EachDsl
    void audio(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.audio(app.template(), dsl);
        }
    }

    @EachDsl
    void errorsReachTheRoutesErrorHandling(String dsl) throws Exception {
        try (DslRouteApplication app = start(dsl)) {
            DslRouteChecks.errors(app.template(), EMULATOR.emulator(), dsl);
        }
    }
}
