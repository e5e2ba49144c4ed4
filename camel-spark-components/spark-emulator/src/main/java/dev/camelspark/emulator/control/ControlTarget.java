package dev.camelspark.emulator.control;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.core.Settings;

/**
 * What the control API drives: the emulator, which implements this and binds the JSON of each call to its own
 * types (request patterns, faults, stubs, task rules), checking them as its Java API does. Providers are named by
 * their ids ({@code dynaspark}, ...), as in the control API's paths and parameters.
 */
public interface ControlTarget {

    /** Base URLs and state, as {@code GET /_emulator} answers. */
    Object describe();

    /** The recorded requests, oldest first: of one provider, or of all with null. */
    List<?> requests(String provider);

    /** Forgets the recorded requests: of one provider, or all with null. */
    void clearRequests(String provider);

    /** The recorded requests a request pattern (its JSON) matches, oldest first; null matches every request. */
    List<?> findRequests(JsonNode pattern) throws IOException;

    RuleList<?> stubs();

    RuleList<?> faults();

    RuleList<?> taskRules();

    ControlledClock clock();

    /** The live global settings (provider null) or a provider's. */
    Settings settings(String provider);

    /** Back to the state right after start. */
    void reset();
}
