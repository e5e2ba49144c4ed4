package dev.camelspark.emulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.Redaction;

/**
 * One request that reached a provider API, as the emulator received it. Header and query values are kept as sent
 * (tests assert that a key was or was not sent), but {@link #toString()} redacts secrets, so printing a request never
 * prints a key.
 */
public final class RecordedRequest {

    @JsonProperty
    private final long sequence;
    @JsonProperty
    private final Provider provider;
    @JsonProperty
    private final String method;
    @JsonProperty
    private final String path;
    @JsonProperty
    private final String operation;
    @JsonProperty
    private final String prompt;
    @JsonProperty
    private final Map<String, List<String>> query;
    @JsonProperty
    private final Map<String, List<String>> headers;
    @JsonProperty
    private final String body;
    @JsonProperty
    private final boolean bodyTruncated;
    @JsonProperty
    @JsonSerialize(using = ToStringSerializer.class)
    private final Instant receivedAt;
    @JsonProperty
    private final String remoteAddress;
    @JsonProperty
    private volatile int status;
    @JsonProperty
    private volatile boolean completed;

    public RecordedRequest(long sequence, Provider provider, String method, String path,
            Map<String, List<String>> query, Map<String, List<String>> headers, String body, boolean bodyTruncated,
            Instant receivedAt, String remoteAddress) {
        this(sequence, provider, method, path, null, null, query, headers, body, bodyTruncated, receivedAt,
                remoteAddress);
    }

    /**
     * @param operation the call, by the component operation that makes it ({@code image}, {@code chat}, ...), or null
     * @param prompt    the prompt as the provider reads it, or null
     */
    public RecordedRequest(long sequence, Provider provider, String method, String path, String operation,
            String prompt, Map<String, List<String>> query, Map<String, List<String>> headers, String body,
            boolean bodyTruncated, Instant receivedAt, String remoteAddress) {
        this.sequence = sequence;
        this.provider = provider;
        this.method = method;
        this.path = path;
        this.operation = operation;
        this.prompt = prompt;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
        this.bodyTruncated = bodyTruncated;
        this.receivedAt = receivedAt;
        this.remoteAddress = remoteAddress;
    }

    /** Arrival order across all providers, starting at 1. */
    public long sequence() {
        return sequence;
    }

    public Provider provider() {
        return provider;
    }

    public String method() {
        return method;
    }

    /** The path below the provider prefix, e.g. {@code /api/generate_image} for DynaSpark. */
    public String path() {
        return path;
    }

    /**
     * The call, by the component operation that makes it: {@code text}, {@code audio}, {@code image} (DynaSpark),
     * {@code chat}, {@code training-data} (SparkGPT), {@code chat} (SparkAI Stream), {@code generate}, {@code status}
     * (Spark Dream), {@code image}, {@code video}, {@code status}, ... (NeoSpark); null for other calls (media,
     * status pages, unknown paths).
     */
    public String operation() {
        return operation;
    }

    /** The prompt as the provider reads it (DynaSpark's user_input, a chat's last user message, ...), or null. */
    public String prompt() {
        return prompt;
    }

    /** Decoded query parameters. */
    public Map<String, List<String>> query() {
        return query;
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Headers with lower-case names. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The request body as text (cut at the configured size), empty when there was none. */
    public String body() {
        return body;
    }

    public boolean bodyTruncated() {
        return bodyTruncated;
    }

    /** The body parsed as JSON, or null when it is not JSON. */
    @JsonIgnore
    public JsonNode bodyJson() {
        return Json.parseOrNull(body);
    }

    /** Arrival time on the emulator clock. */
    public Instant receivedAt() {
        return receivedAt;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    /** The HTTP status answered, 0 while not answered yet or when the connection was reset without an answer. */
    public int status() {
        return status;
    }

    /** True once the response has ended (or the connection closed); false while a stream is still going. */
    public boolean completed() {
        return completed;
    }

    public void markStatus(int status) {
        this.status = status;
    }

    public void markCompleted() {
        this.completed = true;
    }

    @Override
    public String toString() {
        return provider.id() + " " + method + " " + path + Redaction.queryString(query)
                + " -> " + (status == 0 ? "no response" : String.valueOf(status));
    }
}
