package dev.camelspark.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Every endpoint URI of our five schemes written in the repository for people to copy: the READMEs and other
 * Markdown, the component docs ({@code src/main/docs/*.adoc}), the Kamelets ({@code src/main/resources/kamelets}), and
 * the samples' and the batch application's routes (YAML, XML, Java). Tests are left out: they use bad URIs on
 * purpose. URIs are found inline ({@code dynaspark:image?width=1024}, also in XML attributes and Java strings) and as
 * YAML DSL endpoints ({@code uri:} with a {@code parameters:} map, in YAML files and in the yaml blocks of Markdown
 * and AsciiDoc).
 */
final class DocumentedUris {

    /** One URI, and where it is written. */
    record Found(Path file, int line, String uri) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + uri;
        }
    }

    static final List<String> SCHEMES = List.of("dynaspark", "sparkgpt", "sparkstream", "sparkdream", "neospark");

    private static final Pattern INLINE = Pattern.compile(
            "(?<![\\w./-])(" + String.join("|", SCHEMES) + "):([a-z][a-z-]*)(\\?[^\\s\"'`<>|\\]]*)?");
    private static final Pattern YAML_BLOCK = Pattern.compile("```ya?ml\\n(.*?)```", Pattern.DOTALL);
    /** An AsciiDoc listing: {@code [source,yaml]}, then the block between two lines of four or more dashes. */
    private static final Pattern ADOC_YAML_BLOCK
            = Pattern.compile("\\[source,ya?ml[^\\]]*\\]\\n(-{4,})\\n(.*?)\\n\\1\\n", Pattern.DOTALL);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DocumentedUris() {
    }

    /** The repository's root: the folder above camel-spark-components. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("camel-spark-components"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the camel-spark repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static List<Found> scan(Path root) {
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).filter(f -> isDocumented(root.relativize(f))).sorted()
                    .forEach(f -> found.addAll(in(root.relativize(f), read(f))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static boolean isDocumented(Path relative) {
        String path = relative.toString().replace('\\', '/');
        if (path.startsWith(".") || path.contains("/.") || path.contains("/target/") || path.startsWith("target/")
            || path.contains("/src/test/") || path.contains("/src/generated/") || path.contains("node_modules/")) {
            return false;
        }
        if (path.endsWith(".md") || path.contains("/src/main/docs/")
            || path.contains("/src/main/resources/kamelets/") && path.endsWith(".kamelet.yaml")) {
            return true;
        }
        boolean routesOrSamples = path.startsWith("samples/") || path.startsWith("routes/");
        return routesOrSamples && (path.endsWith(".yaml") || path.endsWith(".yml") || path.endsWith(".xml")
                                   || path.endsWith(".java"));
    }

    /** The URIs in one file's text. */
    static List<Found> in(Path file, String text) {
        String name = file.getFileName().toString();
        // XML escapes & in attributes, also in the XML examples of Markdown and AsciiDoc
        boolean xml = name.endsWith(".xml") || name.endsWith(".md") || name.endsWith(".adoc");
        boolean java = name.endsWith(".java");
        List<Found> found = new ArrayList<>();
        Matcher m = INLINE.matcher(text);
        while (m.find()) {
            String uri = trimTrailing(m.group());
            if (uri.equals(m.group(1) + ":operation")) {
                continue; // the URI syntax (dynaspark:operation[?options]), as the docs show it, not a URI
            }
            if (java && text.startsWith("\" +", m.start() + m.group().length())) {
                uri = uri.replaceFirst("[?&][^?&=]+=$", ""); // "...maxCostPerTask=" + value: the value is code
            }
            found.add(new Found(file, lineOf(text, m.start()), xml ? uri.replace("&amp;", "&") : uri));
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            found.addAll(yamlEndpoints(file, text, 0));
        } else if (name.endsWith(".md")) {
            Matcher block = YAML_BLOCK.matcher(text);
            while (block.find()) {
                found.addAll(yamlEndpoints(file, block.group(1), lineOf(text, block.start(1)) - 1));
            }
        } else if (name.endsWith(".adoc")) {
            Matcher block = ADOC_YAML_BLOCK.matcher(text);
            while (block.find()) {
                found.addAll(yamlEndpoints(file, block.group(2), lineOf(text, block.start(2)) - 1));
            }
        }
        return found;
    }

    /** YAML DSL endpoints written as {@code uri} plus a {@code parameters} map, anywhere in the documents. */
    private static List<Found> yamlEndpoints(Path file, String yaml, int firstLine) {
        List<Found> found = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                collect(docs.next(), file, yaml, firstLine, found);
            }
        } catch (IOException | RuntimeException e) {
            // a fragment that is not whole YAML (an excerpt with "..."): its inline URIs are still checked
        }
        return found;
    }

    private static void collect(JsonNode node, Path file, String yaml, int firstLine, List<Found> found) {
        if (node.isObject()) {
            JsonNode uri = node.get("uri");
            JsonNode parameters = node.get("parameters");
            if (uri != null && uri.isTextual() && parameters != null && parameters.isObject()
                && SCHEMES.stream().anyMatch(s -> uri.asText().startsWith(s + ":"))) {
                StringBuilder sb = new StringBuilder(uri.asText());
                for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> p = it.next();
                    sb.append(sb.indexOf("?") < 0 ? '?' : '&').append(p.getKey()).append('=').append(p.getValue().asText());
                }
                int at = yaml.indexOf("uri: " + uri.asText());
                found.add(new Found(file, firstLine + (at < 0 ? 1 : lineOf(yaml, at)), sb.toString()));
            }
        }
        node.forEach(child -> collect(child, file, yaml, firstLine, found));
    }

    /** Drops what follows a URI in prose or Javadoc: a full stop, a comma, a bracket or brace not opened in it. */
    private static String trimTrailing(String uri) {
        String u = uri;
        while (!u.isEmpty()) {
            char last = u.charAt(u.length() - 1);
            boolean unopened = last == ')' && count(u, ')') > count(u, '(') || last == '}' && count(u, '}') > count(u, '{');
            if (last == '.' || last == ',' || last == ';' || last == ':' || unopened) {
                u = u.substring(0, u.length() - 1);
            } else {
                return u;
            }
        }
        return u;
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
