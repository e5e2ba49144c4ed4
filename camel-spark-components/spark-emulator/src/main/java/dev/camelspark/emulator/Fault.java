package dev.camelspark.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.core.Settings;
import dev.camelspark.emulator.core.StreamFault;

/**
 * One fault rule: which requests it matches, how often, and what it does instead of (or before) the normal answer.
 * Build with a factory ({@link #respond}, {@link #latency}, {@link #holdAnswer}, {@link #resetConnection},
 * {@link #cutStreamAfter}, {@link #stallStreamAfter}) then narrow it: {@code Fault.respond(503, "{\"error\":\"busy\"}")
 * .on(Provider.DYNASPARK).path("/api/generate_image").header("Retry-After", "1").times(2)}. The same fields are the
 * JSON accepted by {@code POST /_emulator/faults}.
 *
 * <p>A fault is copied when added to {@link Faults}; changing it afterwards has no effect.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// times (from Rule) in its place among the fields, as the control API has always listed them
@JsonPropertyOrder({"type", "provider", "method", "path", "times", "delayMillis", "status", "body", "headers",
        "afterEvents", "everyMillis"})
public final class Fault extends Rule<Fault> {

    /** What a matching request gets. */
    public enum Type {
        /** Answer with {@code status}, {@code body} and {@code headers} instead of the provider's answer. */
        @JsonProperty("respond") RESPOND,
        /** Wait {@code delayMillis}, then answer normally. */
        @JsonProperty("latency") LATENCY,
        /** Read the request, then close the connection without any response. */
        @JsonProperty("reset") RESET,
        /** Streamed answers only: end the stream cleanly after {@code afterEvents} events, without {@code [DONE]}. */
        @JsonProperty("cut-stream") CUT_STREAM,
        /** Streamed answers only: send nothing after {@code afterEvents} events and keep the connection open. */
        @JsonProperty("stall-stream") STALL_STREAM,
        /**
         * Answer like {@code respond}, but send the body slowly: in {@link #TRICKLE_PIECES} pieces, one every
         * {@code everyMillis}, so each gap is short and the whole answer is long (a deadline, not a read timeout).
         */
        @JsonProperty("trickle") TRICKLE,
        /**
         * Handle the request normally (a create call creates its task), then hold the answer {@code delayMillis}
         * before sending it: a client that dies meanwhile never learns of what was created (the create window).
         */
        @JsonProperty("hold-answer") HOLD_ANSWER;

        public boolean isStreamFault() {
            return this == CUT_STREAM || this == STALL_STREAM;
        }
    }

    @JsonProperty
    private Type type = Type.RESPOND;
    @JsonProperty
    private Provider provider;
    @JsonProperty
    private String method;
    @JsonProperty
    private PathGlob path;
    @JsonProperty
    private Long delayMillis;
    @JsonProperty
    private Integer status;
    @JsonProperty
    private String body;
    @JsonProperty
    private Map<String, String> headers;
    @JsonProperty
    private Integer afterEvents;
    @JsonProperty
    private Long everyMillis;

    /** How many pieces a {@code trickle} fault sends its body in. */
    public static final int TRICKLE_PIECES = 10;

    public Fault() {
    }

    private Fault(Type type) {
        this.type = type;
    }

    Fault(Fault other) {
        super(other);
        this.type = other.type;
        this.provider = other.provider;
        this.method = other.method;
        this.path = other.path;
        this.delayMillis = other.delayMillis;
        this.status = other.status;
        this.body = other.body;
        this.headers = other.headers == null ? null : new LinkedHashMap<>(other.headers);
        this.afterEvents = other.afterEvents;
        this.everyMillis = other.everyMillis;
    }

    /** Answer with this status and body (a body of null uses the provider's own error format). */
    public static Fault respond(int status, String body) {
        Fault f = new Fault(Type.RESPOND);
        f.status = status;
        f.body = body;
        return f;
    }

    /** Answer with this status and the provider's own error body. */
    public static Fault respond(int status) {
        return respond(status, null);
    }

    /** Delay, then answer normally. */
    public static Fault latency(Duration delay) {
        return new Fault(Type.LATENCY).delay(delay);
    }

    /** Handle the request (its task is created), then hold the answer this long before sending it. */
    public static Fault holdAnswer(Duration delay) {
        return new Fault(Type.HOLD_ANSWER).delay(delay);
    }

    /**
     * Answer with this status and body, the body sent in {@link #TRICKLE_PIECES} pieces, one every {@code every}
     * (set its {@code Content-Type} with {@link #header}).
     */
    public static Fault trickle(int status, String body, Duration every) {
        Fault f = new Fault(Type.TRICKLE);
        f.status = status;
        f.body = body;
        f.everyMillis = Settings.nonNegative(every, "every").toMillis();
        return f;
    }

    /** Close the connection after reading the request, without answering. */
    public static Fault resetConnection() {
        return new Fault(Type.RESET);
    }

    /** End a streamed answer cleanly after {@code events} events, without the final {@code [DONE]}. */
    public static Fault cutStreamAfter(int events) {
        Fault f = new Fault(Type.CUT_STREAM);
        f.afterEvents = Math.max(0, events);
        return f;
    }

    /** Stop sending after {@code events} events and hold the connection open until the client leaves. */
    public static Fault stallStreamAfter(int events) {
        Fault f = new Fault(Type.STALL_STREAM);
        f.afterEvents = Math.max(0, events);
        return f;
    }

    /** Only requests to this provider (default: any). */
    public Fault on(Provider provider) {
        this.provider = provider;
        return this;
    }

    /** Only this HTTP method (default: any). */
    public Fault method(String method) {
        this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
        return this;
    }

    /**
     * Only paths matching this pattern, as the vendor documents them below its base URL ({@code /generate_image},
     * {@code /video/generations/*}) or below the provider prefix ({@code /api/generate_image},
     * {@code /api/v1/video/generations/*}, and the paths outside the API such as {@code /uploads/*});
     * {@code *} matches any characters, {@code /} included.
     */
    public Fault path(String pattern) {
        this.path = PathGlob.of(pattern);
        return this;
    }

    /** Wait this long before acting (any type). */
    public Fault delay(Duration delay) {
        this.delayMillis = Settings.nonNegative(delay, "delay").toMillis();
        return this;
    }

    public Fault header(String name, String value) {
        if (headers == null) {
            headers = new LinkedHashMap<>();
        }
        headers.put(name, value);
        return this;
    }

    /** Accepts a JSON string or any JSON value, which is then sent as its JSON text. */
    @JsonSetter("body")
    void bodyFromJson(JsonNode node) {
        this.body = node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }

    public Type type() {
        return type;
    }

    public Provider provider() {
        return provider;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path == null ? null : path.toString();
    }

    public Duration delay() {
        return delayMillis == null ? Duration.ZERO : Duration.ofMillis(delayMillis);
    }

    public int status() {
        return status == null ? 500 : status;
    }

    public String body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers == null ? Map.of() : headers;
    }

    public int afterEvents() {
        return afterEvents == null ? 0 : afterEvents;
    }

    /** The gap between two pieces of a {@code trickle} fault's body. */
    public Duration every() {
        return Duration.ofMillis(everyMillis == null ? 0 : everyMillis);
    }

    @Override
    Fault copy() {
        return new Fault(this);
    }

    @Override
    void validate() {
        if (type == null) {
            throw new IllegalArgumentException(
                    "fault type is required: respond, trickle, latency, hold-answer, reset, cut-stream or stall-stream");
        }
        if ((type == Type.RESPOND || type == Type.TRICKLE) && status != null && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("fault status must be 100-599, got " + status);
        }
        if (type == Type.TRICKLE && (everyMillis == null || everyMillis < 0)) {
            throw new IllegalArgumentException("a trickle fault needs everyMillis (zero or positive)");
        }
        if ((type == Type.LATENCY || type == Type.HOLD_ANSWER) && delayMillis == null) {
            throw new IllegalArgumentException("a " + (type == Type.LATENCY ? "latency" : "hold-answer")
                                               + " fault needs delayMillis");
        }
        checkTimes();
        if (delayMillis != null && delayMillis < 0) {
            throw new IllegalArgumentException("delayMillis must be zero or positive, got " + delayMillis);
        }
    }

    /** A cut or stall fault as the event streams take it. */
    StreamFault toStreamFault() {
        return new StreamFault(type == Type.STALL_STREAM, afterEvents(), delay());
    }

    boolean matches(Provider p, String httpMethod, String relativePath) {
        if (provider != null && provider != p) {
            return false;
        }
        if (method != null && !method.equalsIgnoreCase(httpMethod)) {
            return false;
        }
        return path == null || path.matches(p, relativePath);
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(Locale.ROOT) + " fault"
                + (provider != null ? " on " + provider.id() : "")
                + (method != null ? " " + method : "")
                + (path != null ? " " + path : "")
                + timesSuffix();
    }
}
