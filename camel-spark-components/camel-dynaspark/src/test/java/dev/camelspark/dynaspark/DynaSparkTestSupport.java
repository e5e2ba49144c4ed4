package dev.camelspark.dynaspark;

import java.util.List;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.testing.EmulatedComponentTestSupport;

/** A Camel context whose dynaspark component points at a real emulator over HTTP (DynaSpark takes no key). */
abstract class DynaSparkTestSupport extends EmulatedComponentTestSupport {

    DynaSparkTestSupport() {
        super(Provider.DYNASPARK, null);
    }

    /** The calls the emulator received on one API path, e.g. {@code /generate_response}. */
    static List<RecordedRequest> calls(String path) {
        return emulator().requests(Provider.DYNASPARK).stream().filter(r -> r.path().endsWith(path)).toList();
    }
}
