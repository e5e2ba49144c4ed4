package dev.camelspark.emulator;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.control.ControlTarget;
import dev.camelspark.emulator.control.ControlledClock;
import dev.camelspark.emulator.control.RuleList;
import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.Settings;

/** An emulator as its control API drives it: provider ids and request patterns read as the Java API takes them. */
final class EmulatorControls implements ControlTarget {

    private final SparkEmulator emulator;

    EmulatorControls(SparkEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public Object describe() {
        return emulator.describe();
    }

    @Override
    public List<RecordedRequest> requests(String provider) {
        return provider == null ? emulator.requests().all() : emulator.requests(Provider.fromId(provider));
    }

    @Override
    public void clearRequests(String provider) {
        if (provider == null) {
            emulator.requests().clear();
        } else {
            emulator.requests().clear(Provider.fromId(provider));
        }
    }

    @Override
    public List<RecordedRequest> findRequests(JsonNode pattern) throws IOException {
        return emulator.requests().find(pattern == null ? RequestPattern.any()
                : Json.MAPPER.treeToValue(pattern, RequestPattern.class));
    }

    @Override
    public RuleList<Stub> stubs() {
        return emulator.stubs();
    }

    @Override
    public RuleList<Fault> faults() {
        return emulator.faults();
    }

    @Override
    public RuleList<TaskRule> taskRules() {
        return emulator.tasks();
    }

    @Override
    public ControlledClock clock() {
        return emulator.clock();
    }

    @Override
    public Settings settings(String provider) {
        return provider == null ? emulator.settings() : emulator.settings(Provider.fromId(provider));
    }

    @Override
    public void reset() {
        emulator.reset();
    }
}
