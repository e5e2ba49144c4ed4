package dev.camelspark.sparkstream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.camelspark.emulator.EmulatorClock;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.testing.EmulatedComponentTestSupport;

/** A Camel context whose sparkstream component points at a real emulator over HTTP, with a key. */
abstract class SparkStreamTestSupport extends EmulatedComponentTestSupport {

    static final String KEY = "ss-test-key";

    SparkStreamTestSupport() {
        super(Provider.SPARKSTREAM, KEY);
    }

    static List<RecordedRequest> calls() {
        return emulator().requests(Provider.SPARKSTREAM);
    }

    /** Stops the emulator's clock 30 seconds into a later minute, so per-minute windows do not turn over. */
    static void freezeMidMinute(EmulatorClock clock) {
        clock.freeze();
        Instant now = clock.now();
        clock.advance(Duration.ofSeconds(60 - Math.floorMod(now.getEpochSecond(), 60L) + 30));
    }
}
