package dev.camelspark.emulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import dev.camelspark.emulator.core.EmulatorContext;
import dev.camelspark.emulator.core.ProviderApi;
import dev.camelspark.emulator.dynaspark.DynaSparkApi;
import dev.camelspark.emulator.neospark.NeoSparkApi;
import dev.camelspark.emulator.sparkdream.SparkDreamApi;
import dev.camelspark.emulator.sparkgpt.SparkGptApi;
import dev.camelspark.emulator.sparkstream.SparkStreamApi;

/**
 * The implementation of each provider an emulator starts with. A new provider adds its {@link Provider} constant and
 * its constructor here; the provider packages know nothing of this list (nor of the emulator's public API).
 */
final class ProviderCatalog {

    private ProviderCatalog() {
    }

    static Map<Provider, Function<EmulatorContext, ProviderApi>> defaults() {
        Map<Provider, Function<EmulatorContext, ProviderApi>> apis = new EnumMap<>(Provider.class);
        apis.put(Provider.DYNASPARK, DynaSparkApi::new);
        apis.put(Provider.SPARKGPT, SparkGptApi::new);
        apis.put(Provider.SPARKSTREAM, SparkStreamApi::new);
        apis.put(Provider.SPARKDREAM, SparkDreamApi::new);
        apis.put(Provider.NEOSPARK, NeoSparkApi::new);
        return apis;
    }
}
