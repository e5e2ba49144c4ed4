package dev.camelspark.catalog;

import java.time.Duration;
import java.util.List;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.neospark.NeoSparkSettings;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;

/** The two task services' tasks end quickly in the emulator, and are polled quickly, also inside Kamelets. */
final class QuickTasks {

    private QuickTasks() {
    }

    /** Component-level options, which apply inside Kamelets too. */
    static void pollQuickly(CamelContext context) {
        for (String scheme : List.of("sparkdream", "neospark")) {
            Component component = context.getComponent(scheme);
            component.getComponentPropertyConfigurer().configure(context, component, "pollInterval", "50", true);
            component.getComponentPropertyConfigurer().configure(context, component, "maxPollInterval", "200", true);
        }
    }

    static void endQuickly(SparkEmulator emulator) {
        emulator.settings(Provider.SPARKDREAM, SparkDreamSettings.class).durations(Duration.ZERO, Duration.ofMillis(200));
        emulator.settings(Provider.NEOSPARK, NeoSparkSettings.class).taskTimes(Duration.ZERO, Duration.ofMillis(200));
    }
}
