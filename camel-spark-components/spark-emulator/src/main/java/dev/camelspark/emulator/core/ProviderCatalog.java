package dev.camelspark.emulator.core;

import java.util.List;
import java.util.function.Function;

import dev.camelspark.emulator.dynaspark.DynaSparkApi;
import dev.camelspark.emulator.neospark.NeoSparkApi;
import dev.camelspark.emulator.sparkdream.SparkDreamApi;
import dev.camelspark.emulator.sparkgpt.SparkGptApi;
import dev.camelspark.emulator.sparkstream.SparkStreamApi;

/** The providers an emulator starts with. A new provider adds its constructor here. */
public final class ProviderCatalog {

    private ProviderCatalog() {
    }

    public static List<Function<EmulatorContext, ProviderApi>> defaults() {
        return List.of(DynaSparkApi::new, SparkGptApi::new, SparkStreamApi::new, SparkDreamApi::new, NeoSparkApi::new);
    }
}
