package dev.camelspark.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The generated catalog JSON of our five components, as their jars carry it. */
final class SparkCatalogJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SparkCatalogJson() {
    }

    /** Where a component's jar keeps its JSON, e.g. {@code META-INF/dev/camelspark/dynaspark/dynaspark.json}. */
    static String resource(String scheme) {
        return "META-INF/dev/camelspark/" + scheme + "/" + scheme + ".json";
    }

    static String text(String scheme) {
        try (InputStream in = SparkCatalogJson.class.getClassLoader().getResourceAsStream(resource(scheme))) {
            if (in == null) {
                throw new IllegalStateException("no " + resource(scheme) + " on the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String scheme) {
        try {
            return JSON.readTree(text(scheme));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of one section ({@code componentProperties}, {@code properties} or {@code headers}), by name. */
    static Map<String, JsonNode> section(String scheme, String section) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        json(scheme).path(section).properties().forEach(e -> entries.put(e.getKey(), e.getValue()));
        return entries;
    }
}
