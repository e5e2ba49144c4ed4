package dev.camelspark.support.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

/** A response read whole (JSON answers and error bodies; never media or streams). */
public final class SparkResponse {

    private final int status;
    /** Header name to first value, case-insensitive: the response's own lookup, not a copy of its headers. */
    private final UnaryOperator<String> headers;
    private final byte[] body;
    private final RateLimitInfo rateLimit;
    private final int attempts;

    /** For a map of headers: its keys must compare case-insensitively. */
    SparkResponse(int status, Map<String, String> headers, byte[] body, RateLimitInfo rateLimit, int attempts) {
        this(status, (UnaryOperator<String>) headers::get, body, rateLimit, attempts);
    }

    SparkResponse(int status, UnaryOperator<String> headers, byte[] body, RateLimitInfo rateLimit, int attempts) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.rateLimit = rateLimit;
        this.attempts = attempts;
    }

    public int status() {
        return status;
    }

    /** A header's first value, looked up case-insensitively; {@code null} when absent. */
    public String header(String name) {
        return headers.apply(name);
    }

    /** The media type without parameters, in lower case (e.g. {@code application/json}); empty when absent. */
    public String mediaType() {
        return SparkOpenResponse.mediaTypeOf(headers.apply("Content-Type"));
    }

    public byte[] body() {
        return body;
    }

    public String bodyAsString() {
        return new String(body, charset());
    }

    /** The body as a JSON tree, or {@code null} when it is not JSON. */
    public JsonNode json() {
        Charset charset = charset();
        // Jackson reads UTF-8 bytes itself: no String of the whole body first
        return charset.equals(StandardCharsets.UTF_8) ? SparkJson.tryParse(body) : SparkJson.tryParse(bodyAsString());
    }

    public RateLimitInfo rateLimit() {
        return rateLimit;
    }

    /** How many attempts it took to get this response (1 when the first one succeeded). */
    public int attempts() {
        return attempts;
    }

    private Charset charset() {
        String type = headers.apply("Content-Type");
        if (type != null) {
            int i = type.toLowerCase().indexOf("charset=");
            if (i >= 0) {
                try {
                    return Charset.forName(type.substring(i + 8).replace("\"", "").split(";")[0].trim());
                } catch (RuntimeException e) {
                    // an unknown charset name: fall back to UTF-8, what every one of these APIs sends
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
