package dev.camelspark.sparkgpt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.emulator.EmulatorClock;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.testing.EmulatedComponentTestSupport;

/** A Camel context whose sparkgpt component points at a real emulator over HTTP, with a key. */
abstract class SparkGptTestSupport extends EmulatedComponentTestSupport {

    static final String KEY = "sg-test-key";

    SparkGptTestSupport() {
        super(Provider.SPARKGPT, KEY);
    }

    /** The calls the emulator received on one API path, e.g. {@code /api/askoutside}. */
    static List<RecordedRequest> calls(String path) {
        return emulator().requests(Provider.SPARKGPT).stream().filter(r -> r.path().equals(path)).toList();
    }

    static JsonNode body(RecordedRequest call) {
        return call.bodyJson();
    }

    /** Stops the emulator's clock at noon UTC of a later day, so daily windows do not turn over during a test. */
    static void freezeAtNoon(EmulatorClock clock) {
        clock.freeze();
        Instant now = clock.now();
        long secondsIntoDay = Math.floorMod(now.getEpochSecond(), 86_400L);
        clock.advance(Duration.ofSeconds(86_400L - secondsIntoDay + 43_200L));
    }
}
