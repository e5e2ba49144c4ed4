package dev.camelspark.support.http;

import java.net.URI;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkAuthenticationException;
import dev.camelspark.support.error.SparkInsufficientCreditsException;
import dev.camelspark.support.error.SparkRateLimitException;
import dev.camelspark.support.error.SparkServerException;
import dev.camelspark.support.error.SparkValidationException;

/**
 * Reads every error body shape the five APIs use ({@code {"error": "msg"}}, {@code {"error": {"message", "code",
 * "type"}}}, {@code {"error": {"code", "error_message"}}}, {@code {"message": ...}}, {@code {"code", "message",
 * "data"}}), falling back to the raw body, and maps the status to the exception hierarchy.
 */
public class DefaultErrorDecoder implements SparkErrorDecoder {

    private static final int MAX_RAW_MESSAGE = 500;

    private final Clock clock;
    private final String defaultBaseUrl;

    public DefaultErrorDecoder(Clock clock) {
        this(clock, null);
    }

    /** @param defaultBaseUrl the vendor's base URL, which the message of a 404 holds up as the example to follow */
    public DefaultErrorDecoder(Clock clock, String defaultBaseUrl) {
        this.clock = clock;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** A 404 also says which URL answered it, and what baseUrl must end with: a wrong one answers every call so. */
    @Override
    public SparkApiException decode(String provider, SparkRequest request, SparkResponse response) {
        SparkApiException e = decode(provider, response);
        if (response.status() != 404 || request == null) {
            return e;
        }
        return new SparkApiException(e.getMessage() + " (" + notFoundHint(request) + ")", provider, 404,
                e.getProviderCode(), e.getProviderMessage(), null, null, null);
    }

    private String notFoundHint(SparkRequest request) {
        URI called = request.uri();
        String url = withoutSecrets(called);
        String base = withoutSecrets(URI.create(request.baseUrl()));
        String basePath = URI.create(request.baseUrl()).getRawPath();
        String calledPath = called.getRawPath() == null ? "" : called.getRawPath();
        if (basePath == null || calledPath.length() <= basePath.replaceAll("/$", "").length()) {
            return request.method() + " " + url; // an absolute URL (media): there is no baseUrl to blame
        }
        String hint = request.method() + " " + url + ": check baseUrl " + base + ", it";
        if (defaultBaseUrl == null) {
            return hint + " must end where the API's paths begin";
        }
        String expected = URI.create(defaultBaseUrl).getRawPath();
        return expected == null || expected.isEmpty() || expected.equals("/")
                ? hint + " must be the API's root, with no path of its own, as the default " + defaultBaseUrl + " is"
                : hint + " must end with the API's base path " + expected + ", as the default " + defaultBaseUrl
                  + " does";
    }

    /** Scheme, host, port and path: no query (DynaSpark's key travels there), no user info. */
    private static String withoutSecrets(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + path;
    }

    @Override
    public SparkApiException decode(String provider, SparkResponse response) {
        ErrorBody body = ErrorBody.of(response.json(), response.bodyAsString());
        return forStatus(provider, response.status(), body.code(), body.message(), response.rateLimit());
    }

    /** The exception for a status, with the provider's code and message already extracted. */
    public SparkApiException forStatus(String provider, int status, String code, String message, RateLimitInfo rateLimit) {
        return switch (status) {
            case 400, 422 -> new SparkValidationException(provider, status, code, message);
            case 401, 403 -> new SparkAuthenticationException(provider, status, code, message);
            case 402 -> new SparkInsufficientCreditsException(provider, status, code, message);
            case 429 -> new SparkRateLimitException(provider, status, code, message,
                    rateLimit == null ? null : rateLimit.waitMillis(clock),
                    rateLimit == null ? null : rateLimit.reset());
            default -> status >= 500 || status == 408
                    ? new SparkServerException(provider, status, code, message,
                            rateLimit == null ? null : rateLimit.retryAfterMillis(), null, null)
                    : new SparkApiException(provider, status, code, message);
        };
    }

    /** The provider's code and message, from whichever shape the body has. */
    public record ErrorBody(String code, String message) {

        public static ErrorBody of(JsonNode json, String raw) {
            if (json != null && json.isObject()) {
                JsonNode error = json.get("error");
                if (error != null && error.isObject()) {
                    String message = firstText(error, "message", "error_message", "msg");
                    return new ErrorBody(SparkJson.text(error, "code"), message != null ? message : error.toString());
                }
                if (error != null && !error.isNull()) {
                    return new ErrorBody(SparkJson.text(json, "code"), error.asText());
                }
                String message = firstText(json, "message", "error_message", "detail", "msg");
                if (message != null) {
                    return new ErrorBody(SparkJson.text(json, "code"), message);
                }
            }
            String text = raw == null ? "" : raw.strip();
            return new ErrorBody(null, text.length() > MAX_RAW_MESSAGE ? text.substring(0, MAX_RAW_MESSAGE) + "…" : text);
        }

        private static String firstText(JsonNode node, String... fields) {
            for (String f : fields) {
                String v = SparkJson.text(node, f);
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
            return null;
        }
    }
}
