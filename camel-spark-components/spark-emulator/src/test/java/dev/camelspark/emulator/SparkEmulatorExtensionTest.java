package dev.camelspark.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkEmulatorExtensionTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension(
            SparkEmulator.builder().dynaspark(s -> s.requestsPerHour(7)).tokenDelay(Duration.ofMillis(3)));

    @Test
    @Order(1)
    void setsSystemPropertiesForPlaceholders(SparkEmulator emulator) {
        assertThat(emulator).isSameAs(EMULATOR.emulator());
        assertThat(System.getProperty("spark.emulator.url")).isEqualTo(emulator.url());
        assertThat(System.getProperty("spark.emulator.dynaspark.url")).isEqualTo(emulator.url() + "/dynaspark/api");
        assertThat(System.getProperty("spark.emulator.sparkgpt.url")).isEqualTo(emulator.url() + "/sparkgpt");
        assertThat(System.getProperty("spark.emulator.sparkstream.url")).isEqualTo(emulator.url() + "/sparkstream");
        assertThat(System.getProperty("spark.emulator.sparkdream.url")).isEqualTo(emulator.url() + "/sparkdream");
        assertThat(System.getProperty("spark.emulator.neospark.url")).isEqualTo(emulator.url() + "/neospark/api/v1");
        assertThat(emulator.port()).isPositive();
    }

    @Test
    @Order(2)
    void changesStateInOneTest() {
        EMULATOR.emulator().faults().add(Fault.respond(500));
        EMULATOR.emulator().dynaspark().requestsPerHour(1);
        EMULATOR.emulator().clock().advance(Duration.ofDays(3));
        HttpAccess.get(EMULATOR.emulator().url() + "/dynaspark/status");
        assertThat(EMULATOR.emulator().requests().all()).hasSize(1);
    }

    @Test
    @Order(3)
    void nextTestStartsClean() {
        SparkEmulator emu = EMULATOR.emulator();
        assertThat(emu.faults().list()).isEmpty();
        assertThat(emu.requests().all()).isEmpty();
        // back to what the builder configured, not to the library defaults
        assertThat(emu.dynaspark().requestsPerHour()).isEqualTo(7);
        assertThat(emu.settings().tokenDelay()).isEqualTo(Duration.ofMillis(3));
        assertThat(emu.clock().now()).isBefore(java.time.Instant.now().plus(Duration.ofDays(1)));
    }
}
