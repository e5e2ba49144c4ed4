package dev.camelspark.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.camelspark.emulator.core.Json;

/**
 * Which requests something is about: the requests to find in the log ({@link RequestLog#find(RequestPattern)},
 * {@code POST /_emulator/requests/find}) and the requests a {@link Stub} answers. Every condition given must hold;
 * none given matches every request. In the spirit of WireMock's request patterns:
 *
 * <pre>{@code
 * RequestPattern.on(Provider.SPARKSTREAM).operation("chat")
 *         .prompt(Match.contains("camel"))
 *         .header("Authorization", Match.equalTo("Bearer sk-test"))
 *         .body(Match.at("/model", Match.equalTo("spark-pro")))
 * }</pre>
 *
 * {@code operation} names the call by the component operation that makes it ({@code text}, {@code image},
 * {@code chat}, {@code generate}, {@code video}, ...) and {@code prompt} is the prompt as the provider reads it
 * (DynaSpark's {@code user_input}, the last user message of a chat, a task's {@code prompt}); see the emulator's
 * README for the list. The same fields are the JSON of the control API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RequestPattern {

    @JsonProperty
    private Provider provider;
    @JsonProperty
    private String method;
    @JsonProperty
    private PathGlob path;
    @JsonProperty
    private String operation;
    @JsonProperty
    private Match prompt;
    @JsonProperty
    private Map<String, Match> headers;
    @JsonProperty
    private Map<String, Match> queryParameters;
    @JsonProperty
    private List<Match> bodyPatterns;

    public RequestPattern() {
    }

    RequestPattern(RequestPattern other) {
        this.provider = other.provider;
        this.method = other.method;
        this.path = other.path;
        this.operation = other.operation;
        this.prompt = other.prompt == null ? null : new Match(other.prompt);
        this.headers = copy(other.headers);
        this.queryParameters = copy(other.queryParameters);
        if (other.bodyPatterns != null) {
            this.bodyPatterns = new ArrayList<>();
            other.bodyPatterns.forEach(m -> bodyPatterns.add(new Match(m)));
        }
    }

    private static Map<String, Match> copy(Map<String, Match> map) {
        if (map == null) {
            return null;
        }
        Map<String, Match> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, new Match(v)));
        return out;
    }

    /** Every request. */
    public static RequestPattern any() {
        return new RequestPattern();
    }

    /** The requests to one provider. */
    public static RequestPattern on(Provider provider) {
        RequestPattern p = new RequestPattern();
        p.provider = provider;
        return p;
    }

    public RequestPattern method(String method) {
        this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
        return this;
    }

    /**
     * The path, as the vendor documents it below its base URL ({@code /generate_image}) or below the provider
     * prefix ({@code /api/generate_image}); {@code *} matches any characters, {@code /} included.
     */
    public RequestPattern path(String pattern) {
        this.path = PathGlob.of(pattern);
        return this;
    }

    /** The call, by the component operation that makes it: {@code text}, {@code image}, {@code chat}, ... */
    public RequestPattern operation(String operation) {
        this.operation = operation;
        return this;
    }

    /** The prompt as the provider reads it. */
    public RequestPattern prompt(Match match) {
        this.prompt = match;
        return this;
    }

    /** A header (any case); a header sent several times matches when one of its values does. */
    public RequestPattern header(String name, Match match) {
        if (headers == null) {
            headers = new LinkedHashMap<>();
        }
        headers.put(name, match);
        return this;
    }

    /** A query parameter; one sent several times matches when one of its values does. */
    public RequestPattern query(String name, Match match) {
        if (queryParameters == null) {
            queryParameters = new LinkedHashMap<>();
        }
        queryParameters.put(name, match);
        return this;
    }

    /** The body (as text, or JSON with {@link Match#at} and {@link Match#equalToJson}); each one added must hold. */
    public RequestPattern body(Match match) {
        if (bodyPatterns == null) {
            bodyPatterns = new ArrayList<>();
        }
        bodyPatterns.add(match);
        return this;
    }

    public Provider provider() {
        return provider;
    }

    public String operation() {
        return operation;
    }

    /** Rejects a pattern with a matcher that could never work, so a typo fails at once rather than silently. */
    void validate() {
        if (prompt != null) {
            prompt.validate();
        }
        if (headers != null) {
            headers.values().forEach(Match::validate);
        }
        if (queryParameters != null) {
            queryParameters.values().forEach(Match::validate);
        }
        if (bodyPatterns != null) {
            bodyPatterns.forEach(Match::validate);
        }
    }

    public boolean matches(RecordedRequest r) {
        if (provider != null && provider != r.provider()
            || method != null && !method.equalsIgnoreCase(r.method())
            || operation != null && !operation.equals(r.operation())
            || path != null && !path.matches(r.provider(), r.path())
            || prompt != null && !prompt.test(r.prompt())) {
            return false;
        }
        if (headers != null) {
            for (Map.Entry<String, Match> h : headers.entrySet()) {
                if (!anyValue(r.headers().get(h.getKey().toLowerCase(Locale.ROOT)), h.getValue())) {
                    return false;
                }
            }
        }
        if (queryParameters != null) {
            for (Map.Entry<String, Match> q : queryParameters.entrySet()) {
                if (!anyValue(r.query().get(q.getKey()), q.getValue())) {
                    return false;
                }
            }
        }
        if (bodyPatterns != null) {
            String body = r.body() == null || r.body().isEmpty() ? null : r.body();
            for (Match m : bodyPatterns) {
                if (!m.test(body)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean anyValue(List<String> values, Match match) {
        if (values == null || values.isEmpty()) {
            return match.test(null);
        }
        return values.stream().anyMatch(match::test);
    }

    @Override
    public String toString() {
        return Json.write(this);
    }
}
