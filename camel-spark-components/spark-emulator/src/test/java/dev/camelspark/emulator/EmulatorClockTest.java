package dev.camelspark.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class EmulatorClockTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void advancesFreezesAndResumes() {
        MovableClock system = new MovableClock();
        EmulatorClock clock = new EmulatorClock(system);
        clock.advance(Duration.ofHours(1));
        assertThat(clock.now()).isEqualTo("2025-01-01T01:00:00Z");

        clock.freeze();
        system.now = system.now.plusSeconds(30);
        assertThat(clock.now()).isEqualTo("2025-01-01T01:00:00Z");
        clock.advance(Duration.ofMinutes(1));
        assertThat(clock.now()).isEqualTo("2025-01-01T01:01:00Z");

        clock.resume();
        assertThat(clock.now()).isEqualTo("2025-01-01T01:01:00Z");
        system.now = system.now.plusSeconds(10);
        assertThat(clock.now()).isEqualTo("2025-01-01T01:01:10Z");

        clock.reset();
        assertThat(clock.now()).isEqualTo(system.now);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
