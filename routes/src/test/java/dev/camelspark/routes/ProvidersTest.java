package dev.camelspark.routes;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.support.SparkProvider;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batch application reads each provider as its component declares it ({@link SparkProvider}); these checks hold
 * the declarations to the components' generated metadata, so a header or an operation cannot drift from them.
 */
class ProvidersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFiveBundledProviders() {
        assertThat(Providers.ALL).containsOnlyKeys("dynaspark", "sparkgpt", "sparkstream", "sparkdream", "neospark");
        assertThat(Providers.isAsynchronous("sparkdream")).isTrue();
        assertThat(Providers.isAsynchronous("neospark")).isTrue();
        assertThat(Providers.isAsynchronous("dynaspark")).isFalse();
        assertThat(Providers.costUnit("neospark")).isEqualTo("credits");
        assertThat(Providers.costUnit("sparkstream")).isEqualTo("USD");
    }

    @Test
    void overridableOptionsAreTheOverrideHeadersOfTheMetadata() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            for (SparkProvider provider : Providers.ALL.values()) {
                JsonNode metadata = JSON.readTree(
                        ((CatalogCamelContext) context).getComponentParameterJsonSchema(provider.scheme()));
                assertThat(new TreeSet<>(provider.overridableOptions())).as(provider.scheme())
                        .isEqualTo(overrideHeaders(metadata, provider.headerPrefix()));
                assertThat(metadata.path("component").path("scheme").asText()).isEqualTo(provider.scheme());
            }
        }
    }

    @Test
    void generationsAreOperationsOfTheComponent() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            for (SparkProvider provider : Providers.ALL.values()) {
                JsonNode metadata = JSON.readTree(
                        ((CatalogCamelContext) context).getComponentParameterJsonSchema(provider.scheme()));
                JsonNode operation = metadata.path("properties").path("operation");
                Set<String> known = new TreeSet<>();
                operation.path("enum").forEach(e -> known.add(e.asText()));
                if (!known.isEmpty()) {
                    assertThat(known).as(provider.scheme()).containsAll(provider.generations());
                }
            }
        }
    }

    @Test
    void unknownProvidersAndOperationsAreRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> Providers.check("dalle", "image"))
                .hasMessage("unknown provider 'dalle'; allowed: dynaspark, neospark, sparkdream, sparkgpt, sparkstream");
        assertThatThrownBy(() -> Providers.check("neospark", "models"))
                .hasMessage("unknown operation 'models' for neospark; allowed: image, video");
    }

    /** Option names of the headers that override an endpoint option: {@code CamelDynaSparkTopP} is {@code topP}. */
    private static Set<String> overrideHeaders(JsonNode metadata, String prefix) {
        JsonNode endpointOptions = metadata.path("properties");
        Set<String> options = new TreeSet<>();
        metadata.path("headers").fieldNames().forEachRemaining(h -> {
            if (h.startsWith(prefix) && h.length() > prefix.length()) {
                String rest = h.substring(prefix.length());
                String option = Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
                if (endpointOptions.has(option)) {
                    options.add(option);
                }
            }
        });
        return options;
    }
}
