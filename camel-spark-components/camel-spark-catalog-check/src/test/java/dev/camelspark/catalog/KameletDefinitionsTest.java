package dev.camelspark.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets the component jars ship ({@code kamelets/<name>.kamelet.yaml}), one for each operation users reach for:
 * each is a complete definition: secrets marked {@code format: password}, dependencies on camel:kamelet and its
 * component's artifact (at the component's version), every property titled, described, typed and used by the
 * template, and the allowed values of the component's own options.
 */
class KameletDefinitionsTest {

    /** Each Kamelet, and the scheme whose jar ships it. */
    static final Map<String, String> KAMELETS = Map.of(
            "dynaspark-text-action", "dynaspark",
            "dynaspark-image-action", "dynaspark",
            "dynaspark-audio-action", "dynaspark",
            "sparkgpt-chat-action", "sparkgpt",
            "sparkstream-chat-action", "sparkstream",
            "sparkdream-image-action", "sparkdream",
            "neospark-image-action", "neospark",
            "neospark-video-action", "neospark");
    static final List<String> NAMES = KAMELETS.keySet().stream().sorted().toList();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([\\w.]+)}}");

    static JsonNode kamelet(String name) {
        String resource = "kamelets/" + name + ".kamelet.yaml";
        try (InputStream in = KameletDefinitionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void theDefinitionIsComplete(String name) {
        JsonNode kamelet = kamelet(name);
        String scheme = KAMELETS.get(name);
        JsonNode component = SparkCatalogJson.json(scheme).get("component");
        JsonNode definition = kamelet.at("/spec/definition");
        SoftAssertions softly = new SoftAssertions();

        softly.assertThat(kamelet.path("apiVersion").asText()).isEqualTo("camel.apache.org/v1");
        softly.assertThat(kamelet.path("kind").asText()).isEqualTo("Kamelet");
        softly.assertThat(kamelet.at("/metadata/name").asText()).isEqualTo(name);
        softly.assertThat(name).endsWith("-" + kamelet.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText());
        softly.assertThat(definition.path("title").asText()).isNotBlank();
        softly.assertThat(definition.path("description").asText()).isNotBlank();
        // what JBang and the Kamelet runtimes add to the classpath; the version follows the component's
        softly.assertThat(values(kamelet.at("/spec/dependencies"))).containsExactly("camel:kamelet",
                "mvn:" + component.path("groupId").asText() + ":" + component.path("artifactId").asText() + ":"
                + component.path("version").asText());

        JsonNode properties = definition.path("properties");
        Map<String, JsonNode> options = SparkCatalogJson.section(scheme, "properties");
        properties.properties().forEach(e -> {
            String property = e.getKey();
            JsonNode p = e.getValue();
            softly.assertThat(p.path("title").asText()).as(name + " " + property + " title").isNotBlank();
            softly.assertThat(p.path("description").asText()).as(name + " " + property + " description").isNotBlank();
            softly.assertThat(p.path("type").asText()).as(name + " " + property + " type")
                    .isIn("string", "integer", "number", "boolean");
            JsonNode option = options.get(property);
            softly.assertThat(option).as(name + " " + property + " is an option of " + scheme).isNotNull();
            if (option != null && option.path("secret").asBoolean()) {
                softly.assertThat(p.path("format").asText()).as(name + " " + property + " format").isEqualTo("password");
                softly.assertThat(values(p.path("x-descriptors"))).as(name + " " + property)
                        .contains("urn:camel:group:credentials");
            }
            if (option != null && option.has("enum") && p.has("enum")) {
                softly.assertThat(values(option.get("enum"))).as(name + " " + property + " enum")
                        .containsAll(values(p.get("enum")));
            } else if (option != null && option.has("enum")) {
                softly.fail(name + " " + property + ": the option's values are a closed set, the property lists none");
            }
            if (p.has("default") && p.has("enum")) {
                softly.assertThat(values(p.get("enum"))).as(name + " " + property + " default").contains(p.get("default").asText());
            }
        });
        softly.assertThat(properties.has("apiKey")).as(name + " takes the key").isTrue();
        for (JsonNode required : definition.path("required")) {
            softly.assertThat(properties.has(required.asText())).as(name + " requires a defined " + required).isTrue();
        }

        // every property is used by the template, and the template uses only properties
        Set<String> used = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(kamelet.at("/spec/template").toString());
        while (m.find()) {
            used.add(m.group(1));
        }
        List<String> defined = new ArrayList<>();
        properties.fieldNames().forEachRemaining(defined::add);
        softly.assertThat(used).as(name + " template placeholders").containsExactlyInAnyOrderElementsOf(defined);
        softly.assertAll();
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
