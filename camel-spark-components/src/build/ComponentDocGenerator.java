import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the generated parts of a component's {@code src/main/docs/<scheme>-component.adoc} from its catalog JSON
 * ({@code <scheme>.json}, written by camel-package-maven-plugin just before), so the docs cannot drift from the code:
 * the header attributes (as Camel's {@code update-readme} writes them) and, between Camel's markers, the component
 * options, the endpoint options and the message headers as tables. The rest of the file is written by hand.
 * <p>
 * Camel's own {@code update-readme} goal is not used: inside Camel's tree it puts Antora includes between the markers
 * ({@code include::partial$component-configure-options.adoc[]}), which only Camel's website renders, and it insists
 * on "Since Camel {since}" where our {@code since} is our own version. These tables render anywhere (GitHub, an IDE,
 * Asciidoctor).
 * <p>
 * Run by the build (exec-maven-plugin, process-classes, configured in camel-spark-components/pom.xml) as a
 * single-file program with the module's compile classpath:
 * {@code java -cp <classpath> ComponentDocGenerator.java <module directory>}: the JSON is the one under
 * {@code src/generated/resources/META-INF/dev/camelspark/<scheme>/}, the doc {@code src/main/docs/<scheme>-component.adoc}.
 * It writes only when something changed; .ci/run fails when a build changed a doc, like the rest of the generated
 * metadata.
 */
public class ComponentDocGenerator {

    private static final String TABLE = "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n"
                                        + "| Name | Description | Default | Type\n";

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ComponentDocGenerator <module directory>");
        }
        Path module = Path.of(args[0]);
        Path metadata = module.resolve("src/generated/resources/META-INF/dev/camelspark");
        List<Path> found;
        try (var schemes = Files.list(metadata)) {
            found = schemes.map(dir -> dir.resolve(dir.getFileName() + ".json")).filter(Files::isRegularFile).toList();
        }
        if (found.size() != 1) {
            throw new IllegalStateException("expected one <scheme>.json under " + metadata + ", found " + found);
        }
        Path json = found.get(0);
        String scheme = json.getParent().getFileName().toString();
        Path adoc = module.resolve("src/main/docs/" + scheme + "-component.adoc");
        if (!Files.isRegularFile(adoc)) {
            throw new IllegalStateException(adoc + " is missing: every component has its doc, with the markers "
                                            + "// component options: START (and END), // endpoint options: START, "
                                            + "// component headers: START where the tables go");
        }
        JsonNode model = new ObjectMapper().readTree(json.toFile());
        String before = Files.readString(adoc, StandardCharsets.UTF_8);
        String after = render(model, before, adoc);
        if (!after.equals(before)) {
            Files.writeString(adoc, after, StandardCharsets.UTF_8);
            System.out.println("Updated " + adoc);
        }
    }

    static String render(JsonNode model, String text, Path file) {
        String updated = replaceHeader(text, header(model.get("component")));
        updated = between(updated, "component options", componentOptions(model), file);
        updated = between(updated, "endpoint options", endpointOptions(model), file);
        return between(updated, "component headers", headers(model), file);
    }

    /** The attributes Camel's update-readme writes at the top of a component doc, up to the first blank line. */
    static String header(JsonNode c) {
        boolean producerOnly = c.path("producerOnly").asBoolean();
        boolean consumerOnly = c.path("consumerOnly").asBoolean();
        String[] version = c.path("firstVersion").asText().split("\\.");
        return String.join("\n",
                "= " + c.path("title").asText() + " Component",
                ":doctitle: " + c.path("title").asText(),
                ":shortname: " + c.path("scheme").asText(),
                ":artifactid: " + c.path("artifactId").asText(),
                ":description: " + c.path("description").asText(),
                ":since: " + version[0] + (version.length > 1 ? "." + version[1] : ""),
                ":supportlevel: " + c.path("supportLevel").asText(),
                ":tabs-sync-option:",
                ":component-header: " + (producerOnly && !consumerOnly ? "Only producer is supported"
                        : consumerOnly && !producerOnly ? "Only consumer is supported"
                        : "Both producer and consumer are supported"),
                "");
    }

    static String componentOptions(JsonNode model) {
        List<Map.Entry<String, JsonNode>> options = entries(model.get("componentProperties"));
        return "== Component Options\n\n"
               + "The " + title(model) + " component supports " + options.size()
               + " options, which are listed below. Set them on the component (Camel Main and Spring Boot: "
               + "`camel.component." + model.get("component").path("scheme").asText()
               + ".<option>`, the name in kebab case), where they are the defaults of every endpoint.\n\n"
               + table(options, false);
    }

    static String endpointOptions(JsonNode model) {
        JsonNode c = model.get("component");
        List<Map.Entry<String, JsonNode>> path = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> query = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : entries(model.get("properties"))) {
            ("path".equals(e.getValue().path("kind").asText()) ? path : query).add(e);
        }
        return "== Endpoint Options\n\n"
               + "The " + title(model) + " endpoint is configured using URI syntax:\n\n"
               + "----\n" + c.path("syntax").asText() + "\n----\n\n"
               + "with the following path and query parameters:\n\n"
               + "=== Path Parameters (" + path.size() + " parameters)\n\n" + table(path, false) + "\n"
               + "=== Query Parameters (" + query.size() + " parameters)\n\n" + table(query, false);
    }

    static String headers(JsonNode model) {
        List<Map.Entry<String, JsonNode>> headers = entries(model.get("headers"));
        return "== Message Headers\n\n"
               + "The " + title(model) + " component supports " + headers.size()
               + " message headers, which are listed below. A header described as \"Overrides option ...\" sets that "
               + "option for one message; the `+CamelSpark*+` results are the same for every camel-spark "
               + "component.\n\n"
               + table(headers, true);
    }

    private static String table(List<Map.Entry<String, JsonNode>> rows, boolean headers) {
        StringBuilder sb = new StringBuilder(TABLE);
        for (Map.Entry<String, JsonNode> row : rows) {
            JsonNode o = row.getValue();
            String group = o.path("group").asText();
            sb.append("| *").append(row.getKey()).append("*");
            if (!group.isEmpty()) {
                sb.append(" (").append(group).append(")");
            }
            if (headers && o.hasNonNull("constantName")) {
                String constant = o.get("constantName").asText();
                sb.append("\n\nConstant: `").append(constant.substring(constant.indexOf('#') + 1)).append('`');
            }
            sb.append(" | ").append(description(o))
                    .append(" | ").append(o.hasNonNull("defaultValue") ? literal(o.get("defaultValue").asText()) : "")
                    .append(" | ").append(type(o)).append('\n');
        }
        return sb.append("|===\n").toString();
    }

    private static String description(JsonNode o) {
        StringBuilder sb = new StringBuilder();
        if (o.path("required").asBoolean()) {
            sb.append("*Required* ");
        }
        if (o.path("secret").asBoolean()) {
            sb.append("*Secret* ");
        }
        sb.append(escape(o.path("description").asText()));
        if (o.has("enum")) {
            List<String> values = new ArrayList<>();
            o.get("enum").forEach(v -> values.add(literal(v.asText())));
            sb.append("\n\nEnum values: ").append(String.join(", ", values));
        }
        return sb.toString();
    }

    private static String type(JsonNode o) {
        if ("duration".equals(o.path("type").asText())) {
            return "Duration (ms, or `10s`, `5m`)";
        }
        String javaType = o.path("javaType").asText();
        if (javaType.startsWith("dev.camelspark.") && "enum".equals(o.path("type").asText())) {
            return "String";
        }
        return escape(javaType.replace("java.lang.", "").replace("java.util.", "").replace("java.math.", "")
                .replaceAll("^[a-z][\\w.]*\\.", ""));
    }

    /** As written, whatever the characters (a default of {@code CamelFile*,...} is not bold). */
    private static String literal(String value) {
        return "`+" + value + "+`";
    }

    /** Table cells split on | and AsciiDoc pairs * into bold: both are escaped. */
    private static String escape(String text) {
        return text.replace("|", "\\|").replace("*", "\\*");
    }

    private static String title(JsonNode model) {
        return model.get("component").path("title").asText();
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode section) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        if (section != null) {
            section.properties().forEach(entries::add);
        }
        return entries;
    }

    private static String replaceHeader(String text, String header) {
        int blank = text.indexOf("\n\n");
        if (!text.startsWith("= ") || blank < 0) {
            throw new IllegalStateException("a component doc starts with its title and attributes, then a blank line");
        }
        return header + text.substring(blank + 1);
    }

    private static String between(String text, String kind, String content, Path file) {
        String start = "// " + kind + ": START\n";
        String end = "// " + kind + ": END";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(file + " has no markers '" + start.trim() + "' and '" + end
                                            + "': the generated " + kind + " go between them");
        }
        return text.substring(0, from + start.length()) + content + text.substring(to);
    }
}
