package dev.camelspark.emulator.neospark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.core.Params;

/**
 * Typed fields of a JSON request body, with the messages the emulator answers with (naming the field, the value and
 * what is allowed). Lenient where the vendor's own server is (a number may come as a numeric string, a boolean as
 * {@code "true"}), strict about ranges.
 */
final class JsonFields {

    private final JsonNode body;

    JsonFields(JsonNode body) {
        this.body = body;
    }

    private JsonNode field(String name) {
        JsonNode v = body.get(name);
        return v == null || v.isNull() ? null : v;
    }

    String text(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Params.Invalid(name, "Invalid value for '" + name + "': must be a string");
        }
        return v.asText();
    }

    String requiredText(String name) {
        return Params.required(name, text(name));
    }

    String oneOf(String name, Collection<String> allowed) {
        String v = text(name);
        if (v != null && !allowed.contains(v)) {
            throw new Params.Invalid(name, "Invalid value '" + v + "' for '" + name + "': must be one of "
                    + String.join(", ", allowed));
        }
        return v;
    }

    Long integer(String name, long min, long max) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() || v.isTextual()) {
            return Params.integer(name, v.asText(), min, max);
        }
        throw new Params.Invalid(name, "Invalid value '" + v + "' for '" + name + "': must be an integer between "
                + min + " and " + max);
    }

    Double number(String name, double min, double max) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (v.isNumber() || v.isTextual()) {
            return Params.number(name, v.asText(), min, max);
        }
        throw new Params.Invalid(name, "Invalid value '" + v + "' for '" + name + "': must be a number between "
                + min + " and " + max);
    }

    Boolean bool(String name) {
        JsonNode v = field(name);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual() || v.isIntegralNumber()) {
            return Params.bool(name, v.asText());
        }
        throw new Params.Invalid(name, "Invalid value '" + v + "' for '" + name + "': must be a boolean");
    }

    /** A list of non-blank strings of at most {@code max} items; empty when absent. */
    List<String> texts(String name, int max) {
        JsonNode v = field(name);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new Params.Invalid(name, "Invalid value for '" + name + "': must be a list of strings");
        }
        if (v.size() > max) {
            throw new Params.Invalid(name, "Too many items in '" + name + "': " + v.size() + " given, at most " + max
                    + " allowed");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new Params.Invalid(name, "Invalid item in '" + name + "': every item must be a non-empty string");
            }
            out.add(item.asText());
        }
        return List.copyOf(out);
    }
}
