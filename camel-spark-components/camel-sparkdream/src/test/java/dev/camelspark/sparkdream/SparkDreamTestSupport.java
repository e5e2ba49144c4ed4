package dev.camelspark.sparkdream;

import java.util.List;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import dev.camelspark.support.testing.EmulatedComponentTestSupport;

/**
 * A Camel context whose sparkdream component points at a real emulator over HTTP. Emulated tasks skip the queue and
 * take 300 ms to complete; the component polls every 50-200 ms.
 */
abstract class SparkDreamTestSupport extends EmulatedComponentTestSupport {

    static final String KEY = "sd-test-key";

    SparkDreamTestSupport() {
        super(Provider.SPARKDREAM, KEY);
    }

    /** Key, base URL and quick polling, as every test here uses them, for a component a test makes itself. */
    static void configure(SparkDreamComponent component, String baseUrl) {
        pointAt(component, baseUrl, KEY);
    }

    static SparkDreamSettings settings() {
        return emulator().settings(Provider.SPARKDREAM, SparkDreamSettings.class);
    }

    /** The create calls the emulator received. */
    static List<RecordedRequest> creates() {
        return emulator().requests(Provider.SPARKDREAM).stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/model/v1/generation")).toList();
    }

    /** The image downloads from the emulator's CDN. */
    static List<RecordedRequest> cdnDownloads() {
        return emulator().requests(Provider.SPARKDREAM).stream().filter(r -> r.path().startsWith("/cdn/")).toList();
    }
}
