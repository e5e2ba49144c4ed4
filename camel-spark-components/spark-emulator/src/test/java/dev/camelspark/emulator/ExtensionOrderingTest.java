package dev.camelspark.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A class-level extension that calls the emulator in its beforeEach, as Camel's test support does when it starts the
 * routes: what it sent must still be in the request log when the test runs.
 */
@ExtendWith(ExtensionOrderingTest.CallsInBeforeEach.class)
class ExtensionOrderingTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    static final class CallsInBeforeEach implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            HttpAccess.get(System.getProperty("spark.emulator.dynaspark.url") + "/generate_response?user_input=early");
        }
    }

    @RepeatedTest(2)
    void requestsSentBeforeTheTestByOtherExtensionsAreKeptAndOnlyThose() {
        assertThat(EMULATOR.emulator().requests().all()).singleElement()
                .satisfies(r -> assertThat(r.queryParam("user_input")).isEqualTo("early"));
    }
}
