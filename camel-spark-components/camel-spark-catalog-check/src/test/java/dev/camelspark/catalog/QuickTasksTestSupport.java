package dev.camelspark.catalog;

import dev.camelspark.emulator.SparkEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A route test against the emulator whose Spark Dream and NeoSpark tasks end, and are polled, quickly. */
abstract class QuickTasksTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        QuickTasks.pollQuickly(context);
        return context;
    }

    @BeforeEach
    void quickTasks() {
        QuickTasks.endQuickly(EMULATOR.emulator());
    }
}
