package dev.camelspark.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Component;
import org.apache.camel.spi.PropertyConfigurerGetter;

/** The component options as each component's catalog JSON (in its jar) lists them: what the starter must cover. */
final class Catalog {

    static final List<String> SCHEMES = List.of("dynaspark", "sparkgpt", "sparkstream", "sparkdream", "neospark");

    private static final ObjectMapper JSON = new ObjectMapper();

    record Option(String scheme, String name, String type, String javaType, String defaultValue, List<String> allowed,
                  String description) {

        String property() {
            StringBuilder sb = new StringBuilder("camel.component.").append(scheme).append('.');
            for (char ch : name.toCharArray()) {
                sb.append(Character.isUpperCase(ch) ? "-" + Character.toLowerCase(ch) : String.valueOf(ch));
            }
            return sb.toString();
        }
    }

    private Catalog() {
    }

    static JsonNode json(String scheme) {
        String path = "META-INF/dev/camelspark/" + scheme + "/" + scheme + ".json";
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + path + " on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Option> options(String scheme) {
        List<Option> options = new ArrayList<>();
        json(scheme).get("componentProperties").properties().forEach(e -> {
            JsonNode o = e.getValue();
            List<String> allowed = new ArrayList<>();
            if (o.has("enum")) {
                o.get("enum").forEach(v -> allowed.add(v.asText()));
            }
            options.add(new Option(scheme, e.getKey(), o.get("type").asText(), o.get("javaType").asText(),
                    o.hasNonNull("defaultValue") ? o.get("defaultValue").asText() : null, allowed,
                    o.path("description").asText()));
        });
        return options;
    }

    static Class<? extends Component> componentClass(String scheme) {
        try {
            return Class.forName(json(scheme).get("component").get("javaType").asText()).asSubclass(Component.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An option's value on a component, read the way Camel reads it: through the component's generated configurer. */
    static Object value(Component owner, Component component, String option) {
        PropertyConfigurerGetter getter = (PropertyConfigurerGetter) owner.getComponentPropertyConfigurer();
        return getter.getOptionValue(component, option, true);
    }
}
