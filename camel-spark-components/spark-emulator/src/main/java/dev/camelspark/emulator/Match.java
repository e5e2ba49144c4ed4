package dev.camelspark.emulator;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import dev.camelspark.emulator.core.Json;

/**
 * One condition on a text (a prompt, a header, a query parameter, a body), in the spirit of WireMock's matchers:
 * {@link #equalTo}, {@link #contains}, {@link #matches} (a regular expression, the whole value), {@link #absent},
 * {@link #equalToJson}; {@link #at} applies one of them to the value at a JSON Pointer of a JSON body
 * ({@code /messages/0/content}). The same fields are the JSON of the control API:
 * {@code {"contains": "storm"}}, {@code {"jsonPointer": "/model", "equalTo": "spark-pro"}},
 * {@code {"equalToJson": {"model": "spark-1"}, "ignoreExtraElements": true}}, {@code {"absent": true}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Match {

    @JsonProperty
    private String equalTo;
    @JsonProperty
    private String contains;
    @JsonProperty
    private String matches;
    @JsonProperty
    private Boolean absent;
    @JsonProperty
    private JsonNode equalToJson;
    @JsonProperty
    private Boolean ignoreExtraElements;
    @JsonProperty
    private Boolean caseInsensitive;
    @JsonProperty
    private String jsonPointer;

    @JsonIgnore
    private volatile Pattern regex;

    public Match() {
    }

    Match(Match other) {
        this.equalTo = other.equalTo;
        this.contains = other.contains;
        this.matches = other.matches;
        this.absent = other.absent;
        this.equalToJson = other.equalToJson == null ? null : other.equalToJson.deepCopy();
        this.ignoreExtraElements = other.ignoreExtraElements;
        this.caseInsensitive = other.caseInsensitive;
        this.jsonPointer = other.jsonPointer;
    }

    public static Match equalTo(String value) {
        return with(m -> m.equalTo = value);
    }

    public static Match contains(String value) {
        return with(m -> m.contains = value);
    }

    /** The whole value matches this regular expression. */
    public static Match matches(String regex) {
        return with(m -> m.matches = regex);
    }

    /** The value is not there (no such header, parameter or JSON field). */
    public static Match absent() {
        return with(m -> m.absent = true);
    }

    /** The value is JSON equal to this document (numbers by value, fields in any order). */
    public static Match equalToJson(String json) {
        JsonNode document = Json.parseOrNull(json);
        if (document == null) {
            throw new IllegalArgumentException("equalToJson needs a JSON document, got: " + json);
        }
        return with(m -> m.equalToJson = document);
    }

    /** With {@link #equalToJson}: the value may have more fields than the document names. */
    public Match ignoringExtraElements() {
        this.ignoreExtraElements = true;
        return this;
    }

    /** {@code equalTo}, {@code contains} and {@code matches} ignore case. */
    public Match ignoringCase() {
        this.caseInsensitive = true;
        return this;
    }

    /** {@code match} applied to the value at this JSON Pointer of a JSON body, e.g. {@code /messages/0/content}. */
    public static Match at(String jsonPointer, Match match) {
        Match m = new Match(match);
        m.jsonPointer = jsonPointer;
        return m;
    }

    /** A JSON body has something at this JSON Pointer. */
    public static Match present(String jsonPointer) {
        return with(m -> m.jsonPointer = jsonPointer);
    }

    private static Match with(Consumer<Match> condition) {
        Match m = new Match();
        condition.accept(m);
        return m;
    }

    /** Rejects a matcher that names no condition or several, or a bad expression, so a typo fails when added. */
    void validate() {
        int conditions = (equalTo != null ? 1 : 0) + (contains != null ? 1 : 0) + (matches != null ? 1 : 0)
                + (Boolean.TRUE.equals(absent) ? 1 : 0) + (equalToJson != null ? 1 : 0);
        if (conditions > 1 || conditions == 0 && jsonPointer == null) {
            throw new IllegalArgumentException("a matcher needs exactly one of equalTo, contains, matches, absent, "
                    + "equalToJson (or only jsonPointer, for present): " + this);
        }
        if (equalToJson != null && equalToJson.isTextual() && Json.parseOrNull(equalToJson.asText()) != null) {
            equalToJson = Json.parseOrNull(equalToJson.asText()); // given as a string of JSON, as WireMock allows
        }
        if (jsonPointer != null && !jsonPointer.isEmpty() && !jsonPointer.startsWith("/")) {
            throw new IllegalArgumentException("jsonPointer must start with / (e.g. /messages/0/content), got '"
                    + jsonPointer + "'");
        }
        if (matches != null) {
            try {
                pattern();
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("matches is not a regular expression: " + e.getDescription()
                        + " in '" + matches + "'");
            }
        }
    }

    /** @param value the text, null when absent */
    boolean test(String value) {
        String v = value;
        if (jsonPointer != null) {
            JsonNode doc = Json.parseOrNull(value);
            JsonNode at = doc == null ? null : doc.at(jsonPointer);
            if (at == null || at.isMissingNode()) {
                v = null;
            } else {
                v = at.isValueNode() && at.getNodeType() == JsonNodeType.STRING ? at.asText() : at.toString();
            }
            if (equalTo == null && contains == null && matches == null && absent == null && equalToJson == null) {
                return v != null;
            }
        }
        if (Boolean.TRUE.equals(absent)) {
            return v == null;
        }
        if (v == null) {
            return false;
        }
        boolean ignoreCase = Boolean.TRUE.equals(caseInsensitive);
        if (equalTo != null) {
            return ignoreCase ? v.equalsIgnoreCase(equalTo) : v.equals(equalTo);
        }
        if (contains != null) {
            return ignoreCase ? v.toLowerCase(Locale.ROOT).contains(contains.toLowerCase(Locale.ROOT))
                    : v.contains(contains);
        }
        if (matches != null) {
            return pattern().matcher(v).matches();
        }
        JsonNode actual = Json.parseOrNull(v);
        return actual != null && jsonEquals(equalToJson, actual, Boolean.TRUE.equals(ignoreExtraElements));
    }

    private Pattern pattern() {
        Pattern p = regex;
        if (p == null) {
            p = Pattern.compile(matches, Boolean.TRUE.equals(caseInsensitive)
                    ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL : Pattern.DOTALL);
            regex = p;
        }
        return p;
    }

    /** Equal JSON; with {@code extraAllowed}, objects of {@code actual} may have fields {@code expected} lacks. */
    static boolean jsonEquals(JsonNode expected, JsonNode actual, boolean extraAllowed) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isObject() && actual.isObject()) {
            if (!extraAllowed && expected.size() != actual.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = actual.get(e.getKey());
                if (other == null || !jsonEquals(e.getValue(), other, extraAllowed)) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!jsonEquals(expected.get(i), actual.get(i), extraAllowed)) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    @Override
    public String toString() {
        return Json.write(this);
    }
}
