package dev.camelspark.routes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.camelspark.support.SparkProvider;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Where keys come from, so that none passes through Camel's properties (whose DEBUG log prints resolved values, and
 * whose route dumps print options): the components read their environment variables ({@code SPARKGPT_API_KEY}, ...)
 * themselves when no key is configured. With the embedded emulator on, every component without a configured key is
 * given {@code spark.emulator.api-key}, which the emulator takes and which is no secret. In the {@code live} profile
 * ({@code spark.batch.require-keys=true}) this refuses to start unless every enabled provider that needs a key has
 * one, and says which environment variables are missing: better than a 401 on the first job.
 */
public class KeyCheck implements CamelConfiguration {

    @Override
    public void configure(CamelContext camelContext) {
        PropertiesComponent properties = camelContext.getPropertiesComponent();
        if (properties.resolveProperty("spark.emulator.enabled").map(Boolean::parseBoolean).orElse(false)) {
            String emulatorKey = properties.resolveProperty("spark.emulator.api-key").orElse("np_emulator_key");
            for (String provider : Providers.ALL.keySet()) {
                String option = "camel.component." + provider + ".api-key";
                if (properties.resolveProperty(option).isEmpty()) {
                    properties.addOverrideProperty(option, emulatorKey);
                }
            }
        }
        if (!properties.resolveProperty("spark.batch.require-keys").map(Boolean::parseBoolean).orElse(false)) {
            return;
        }
        String enabled = properties.resolveProperty("spark.batch.providers").orElse(String.join(",", Providers.ALL.keySet()));
        List<String> missing = new ArrayList<>();
        for (String provider : Arrays.stream(enabled.split(",")).map(String::trim).sorted().toList()) {
            SparkProvider declared = Providers.ALL.get(provider);
            if (declared == null || !declared.keyRequired()) {
                continue; // DynaSpark's key is optional
            }
            String variable = declared.apiKeyVariable();
            if (!hasKey(variable)) {
                missing.add(variable + " (" + provider + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the live profile needs API keys that are not set: " + String.join(", ", missing)
                                            + ". Export them, or limit the providers with spark.batch.providers=...");
        }
    }

    /** The live profile takes keys from the environment, where the components read them. */
    private static boolean hasKey(String variable) {
        String fromEnv = System.getenv(variable);
        return fromEnv != null && !fromEnv.isBlank();
    }
}
