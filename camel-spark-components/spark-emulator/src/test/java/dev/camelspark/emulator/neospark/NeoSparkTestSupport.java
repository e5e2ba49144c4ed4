package dev.camelspark.emulator.neospark;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.SparkEmulatorExtension;

/** What the NeoSpark tests share: an emulator for the test class, reset before each test, and calls with a key. */
abstract class NeoSparkTestSupport {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    private final boolean frozenClock;

    NeoSparkCalls neo;

    /** @param frozenClock whether tasks move only when a test advances the emulator clock */
    NeoSparkTestSupport(boolean frozenClock) {
        this.frozenClock = frozenClock;
    }

    @BeforeEach
    void callsWithAKey() {
        neo = new NeoSparkCalls(emu());
        if (frozenClock) {
            emu().clock().freeze();
        }
    }

    static SparkEmulator emu() {
        return EMULATOR.emulator();
    }
}
