package dev.camelspark.springboot;

import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an IDE shows: the configuration metadata the starter's jar carries (META-INF/spring-configuration-metadata.json,
 * written by spring-boot-configuration-processor from the generated classes) has every option of every component,
 * with the component's own description, a type Spring Boot binds, its default and its allowed values, and nothing
 * else under camel.component.&lt;scheme&gt;; and every component has its auto-configuration registered.
 */
class ConfigurationMetadataTest {

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> map = new HashMap<>();
        array.forEach(node -> map.put(node.get("name").asText(), node));
        return map;
    }

    private static JsonNode starterMetadata() throws Exception {
        for (URL url : Collections.list(ConfigurationMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            if (url.toString().contains("camel-spark-spring-boot-starter")) {
                try (InputStream in = url.openStream()) {
                    return new ObjectMapper().readTree(in);
                }
            }
        }
        throw new IllegalStateException("the starter's spring-configuration-metadata.json is not on the classpath");
    }

    @Test
    void everyComponentOptionIsADocumentedProperty() throws Exception {
        JsonNode metadata = starterMetadata();
        Map<String, JsonNode> properties = byName(metadata.get("properties"));
        Map<String, JsonNode> hints = byName(metadata.get("hints"));
        SoftAssertions softly = new SoftAssertions();
        for (String scheme : Catalog.SCHEMES) {
            List<Catalog.Option> options = Catalog.options(scheme);
            for (Catalog.Option option : options) {
                JsonNode property = properties.get(option.property());
                softly.assertThat(property).as(option.property()).isNotNull();
                if (property == null) {
                    continue;
                }
                // the IDE shows what the component docs and Camel's tooling show (plus how Spring writes a
                // duration or a bean reference)
                softly.assertThat(property.path("description").asText()).as(option.property())
                        .isNotBlank().startsWith(option.description());
                softly.assertThat(property.path("sourceType").asText()).as(option.property())
                        .isEqualTo(Catalog.componentClass(scheme).getPackageName() + ".springboot."
                                   + Catalog.componentClass(scheme).getSimpleName() + "Configuration");
                softly.assertThat(property.get("type").asText()).as(option.property()).isEqualTo(switch (option.type()) {
                    case "duration" -> "java.time.Duration";
                    case "boolean" -> "java.lang.Boolean";
                    case "integer" -> option.javaType().matches("long|java.lang.Long") ? "java.lang.Long" : "java.lang.Integer";
                    case "number" -> "java.lang.Double";
                    case "object" -> option.javaType().startsWith("java.util.Map")
                            ? "java.util.Map<java.lang.String,java.lang.String>"
                            : option.javaType().equals("java.math.BigDecimal") ? "java.math.BigDecimal" : "java.lang.String";
                    default -> "java.lang.String";
                });
                if (option.defaultValue() != null && !option.type().equals("duration")) {
                    softly.assertThat(property.path("defaultValue").asText()).as(option.property())
                            .isEqualTo(option.defaultValue());
                }
                if (!option.allowed().isEmpty()) {
                    List<String> values = hints.get(option.property()).get("values").findValuesAsText("value");
                    softly.assertThat(values).as(option.property()).isEqualTo(option.allowed());
                }
            }
            softly.assertThat(properties).as("switch of " + scheme).containsKey("camel.component." + scheme + ".enabled");
        }
        // nothing that is not an option (a renamed or removed option would linger in IDEs otherwise)
        for (String scheme : Catalog.SCHEMES) {
            List<String> expected = new java.util.ArrayList<>(Catalog.options(scheme).stream().map(Catalog.Option::property).toList());
            expected.add("camel.component." + scheme + ".enabled");
            expected.add("camel.component." + scheme + ".customizer.enabled");
            softly.assertThat(properties.keySet().stream().filter(n -> n.startsWith("camel.component." + scheme + ".")))
                    .as("the properties of " + scheme).containsExactlyInAnyOrderElementsOf(expected);
        }
        softly.assertAll();
        // durations as Spring Boot writes them
        assertThat(properties.get("camel.component.neospark.poll-timeout").get("defaultValue").asText()).isEqualTo("15m");
        assertThat(properties.get("camel.component.dynaspark.connect-timeout").get("defaultValue").asText()).isEqualTo("10s");
    }

    @Test
    void everyComponentHasItsAutoConfigurationRegistered() {
        List<String> registered = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                .getCandidates();
        for (String scheme : Catalog.SCHEMES) {
            Class<?> component = Catalog.componentClass(scheme);
            assertThat(registered).contains(component.getPackageName() + ".springboot." + component.getSimpleName()
                                            + "AutoConfiguration");
        }
    }
}
