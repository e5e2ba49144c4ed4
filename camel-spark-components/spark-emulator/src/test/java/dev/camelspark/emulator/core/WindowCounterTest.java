package dev.camelspark.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Fixed windows on the emulator clock, and a {@code Retry-After} that is always long enough. */
class WindowCounterTest {

    private final AtomicReference<Instant> now = new AtomicReference<>();
    private final WindowCounter hourly = new WindowCounter(now::get, Duration.ofHours(1));

    @Test
    void waitingOutRetryAfterAlwaysLandsInTheNextWindow() {
        // just under a whole second before the reset, and a fraction of a millisecond past a whole one
        for (String at : new String[] {"2026-12-05T05:12:19.999500Z", "2026-12-05T05:12:20Z",
                "2026-12-05T05:12:20.000000001Z", "2026-12-05T05:59:59.999999999Z"}) {
            now.set(Instant.parse(at));
            hourly.clear();
            assertThat(hourly.tryAcquire("k", 1, 1).allowed()).isTrue();
            WindowCounter.Usage limited = hourly.tryAcquire("k", 1, 1);
            assertThat(limited.allowed()).isFalse();

            Instant limitedAt = now.get();
            long retryAfter = limited.retryAfterSeconds(limitedAt);
            assertThat(retryAfter).as(at).isBetween(1L, 3600L);
            assertThat(limited.resetAt()).as("a second less would still be in the window from " + at)
                    .isAfter(limitedAt.plusSeconds(retryAfter - 1));
            now.set(limitedAt.plusSeconds(retryAfter));
            assertThat(hourly.tryAcquire("k", 1, 1).allowed()).as("after Retry-After from " + at).isTrue();
        }
    }
}
