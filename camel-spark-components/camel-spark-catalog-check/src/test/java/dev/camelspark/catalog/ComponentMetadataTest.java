package dev.camelspark.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What tooling shows of each component (Kaoto, the language server, IDEs, the docs' tables, the endpoint DSL's
 * Javadoc, the Spring Boot metadata): the generated {@code <scheme>.json} has a description for every option and
 * header, a label on every option, {@code secret} on the key, the allowed values of closed sets (also on the headers
 * that override such an option), and the defaults the code really has.
 */
class ComponentMetadataTest {

    static final List<String> SCHEMES = DocumentedUris.SCHEMES;

    /** "Overrides option voice (alloy, ...)." names the option a header overrides. */
    private static final Pattern OVERRIDES = Pattern.compile("^Overrides option (\\w+)");

    /** Set so the endpoint can be created. */
    private static final List<String> NOT_COMPARED = List.of("apiKey", "modelId");

    private static CamelContext context;

    @BeforeAll
    static void start() {
        context = new DefaultCamelContext();
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
    }

    @ParameterizedTest
    @FieldSource("SCHEMES")
    void everyOptionAndHeaderIsDescribed(String scheme) {
        SoftAssertions softly = new SoftAssertions();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            SparkCatalogJson.section(scheme, section).forEach((name, entry) -> softly
                    .assertThat(entry.path("description").asText())
                    .as("%s %s %s: description", scheme, section, name).isNotBlank());
        }
        softly.assertThat(SparkCatalogJson.json(scheme).path("component").path("description").asText())
                .as("%s: the component's description", scheme).isNotBlank();
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("SCHEMES")
    void theKeyIsSecretAndNothingElseLooksLikeOne(String scheme) {
        SoftAssertions softly = new SoftAssertions();
        for (String section : List.of("componentProperties", "properties")) {
            Map<String, JsonNode> options = SparkCatalogJson.section(scheme, section);
            softly.assertThat(options).as("%s %s", scheme, section).containsKey("apiKey");
            options.forEach((name, option) -> {
                boolean looksSecret = name.equals("apiKey") || name.matches("(?i).*(secret|password|credential).*");
                softly.assertThat(option.path("secret").asBoolean()).as("%s %s %s: secret", scheme, section, name)
                        .isEqualTo(looksSecret);
            });
            softly.assertThat(options.get("apiKey").path("label").asText()).as("%s apiKey label", scheme)
                    .contains("security");
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("SCHEMES")
    void everyOptionHasALabel(String scheme) {
        SoftAssertions softly = new SoftAssertions();
        for (String section : List.of("componentProperties", "properties")) {
            SparkCatalogJson.section(scheme, section).forEach((name, option) -> softly
                    .assertThat(option.path("label").asText()).as("%s %s %s: label", scheme, section, name)
                    .isNotBlank());
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("SCHEMES")
    void headersThatOverrideAClosedSetListItsValues(String scheme) {
        Map<String, JsonNode> options = SparkCatalogJson.section(scheme, "properties");
        SoftAssertions softly = new SoftAssertions();
        SparkCatalogJson.section(scheme, "headers").forEach((name, header) -> {
            softly.assertThat(header.path("javaType").asText()).as("%s header %s: javaType", scheme, name).isNotBlank();
            Matcher m = OVERRIDES.matcher(header.path("description").asText());
            if (m.find()) {
                JsonNode option = options.get(m.group(1));
                softly.assertThat(option).as("%s header %s overrides an option that exists", scheme, name).isNotNull();
                if (option != null && option.has("enum")) {
                    softly.assertThat(values(header.get("enum"))).as("%s header %s: enum", scheme, name)
                            .isEqualTo(values(option.get("enum")));
                }
            }
        });
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("SCHEMES")
    void defaultsAreTheValuesAFreshComponentHas(String scheme) {
        Component component = context.getComponent(scheme);
        String operation = values(SparkCatalogJson.section(scheme, "properties").get("operation").get("enum")).get(0);
        // what the endpoint needs to be created at all; left out of the comparison
        String needed = scheme.equals("sparkgpt") ? "?apiKey=test&modelId=1" : "?apiKey=test";
        Endpoint endpoint = context.getEndpoint(scheme + ":" + operation + needed);
        SoftAssertions softly = new SoftAssertions();
        compareDefaults(softly, scheme + " component", SparkCatalogJson.section(scheme, "componentProperties"),
                (PropertyConfigurerGetter) component.getComponentPropertyConfigurer(), component);
        compareDefaults(softly, scheme + " endpoint", SparkCatalogJson.section(scheme, "properties"),
                (PropertyConfigurerGetter) component.getEndpointPropertyConfigurer(), endpoint);
        softly.assertAll();
    }

    private static void compareDefaults(SoftAssertions softly, String what, Map<String, JsonNode> options,
                                        PropertyConfigurerGetter getter, Object target) {
        options.forEach((name, option) -> {
            if ("path".equals(option.path("kind").asText()) || NOT_COMPARED.contains(name)
                || declaredByCamel(target.getClass(), name)) {
                return; // Camel documents its own options (some hold -1 for "the consumer's default")
            }
            Object fresh = getter.getOptionValue(target, name, true);
            JsonNode documented = option.get("defaultValue");
            if (fresh == null) {
                // the generator writes false for every boolean; an unset Boolean is sent as nothing, which is false
                boolean booleanFalse = documented != null && "boolean".equals(option.path("type").asText())
                                       && !documented.asBoolean();
                softly.assertThat(documented == null || booleanFalse)
                        .as("%s %s: documents default %s but a fresh one has none", what, name, documented).isTrue();
            } else if (!(fresh instanceof Component || fresh instanceof CamelContext
                         || option.path("type").asText().equals("object"))) {
                softly.assertThat(documented).as("%s %s: a fresh one has %s but no default is documented", what, name,
                        fresh).isNotNull();
                if (documented != null) {
                    softly.assertThat(documented.asText()).as("%s %s: default", what, name).isEqualTo(fresh.toString());
                }
            }
            if (documented != null && option.has("enum")) {
                softly.assertThat(values(option.get("enum"))).as("%s %s: the default is allowed", what, name)
                        .contains(documented.asText());
            }
        });
    }

    /** Whether a field of that name is declared by one of Camel's classes the component or endpoint extends. */
    private static boolean declaredByCamel(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return c.getName().startsWith("org.apache.camel.");
                }
            }
        }
        return false;
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
