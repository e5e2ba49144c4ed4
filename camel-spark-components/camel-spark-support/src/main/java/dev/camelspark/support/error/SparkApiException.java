package dev.camelspark.support.error;

import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.camel.RuntimeCamelException;

/**
 * A call to one of the Spark services failed. Carries what a route needs to decide what to do next: the HTTP
 * status (0 when the failure happened before or without an HTTP answer), the provider's own error code and message,
 * how many attempts were made, and how long the provider asked to wait.
 */
public class SparkApiException extends RuntimeCamelException {

    private final String provider;
    private final int httpStatus;
    private final String providerCode;
    private final String providerMessage;
    private volatile int attempts = 1;
    private final Long retryAfterMillis;
    private final Instant rateLimitReset;

    public SparkApiException(String provider, int httpStatus, String providerCode, String providerMessage) {
        this(provider, httpStatus, providerCode, providerMessage, null, null, null);
    }

    public SparkApiException(String provider, int httpStatus, String providerCode, String providerMessage,
                             Long retryAfterMillis, Instant rateLimitReset, Throwable cause) {
        this(describe(provider, httpStatus, providerCode, providerMessage), provider, httpStatus, providerCode,
             providerMessage, retryAfterMillis, rateLimitReset, cause);
    }

    /** For failures whose message says more than the provider's own (subclasses, and the 404 of a wrong baseUrl). */
    public SparkApiException(String message, String provider, int httpStatus, String providerCode,
                                String providerMessage, Long retryAfterMillis, Instant rateLimitReset, Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.httpStatus = httpStatus;
        this.providerCode = providerCode;
        this.providerMessage = providerMessage;
        this.retryAfterMillis = retryAfterMillis;
        this.rateLimitReset = rateLimitReset;
    }

    protected static String describe(String provider, int status, String code, String message) {
        StringBuilder sb = new StringBuilder(provider == null ? "spark" : provider).append(": ");
        if (status > 0) {
            sb.append("HTTP ").append(status).append(": ");
        }
        sb.append(message == null || message.isBlank() ? "(no message)" : message);
        if (code != null && !code.isBlank() && !code.equals(String.valueOf(status))) {
            sb.append(" [code ").append(code).append(']');
        }
        return sb.toString();
    }

    /** The category Camel's AI components report for this failure. */
    public AiErrorCategory getCategory() {
        return AiErrorCategory.UNKNOWN;
    }

    /** Whether a retry of the same call could succeed later (rate limits, server errors). */
    public boolean isTransient() {
        return false;
    }

    public String getProvider() {
        return provider;
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    public String getProviderCode() {
        return providerCode;
    }

    public String getProviderMessage() {
        return providerMessage;
    }

    public int getAttempts() {
        return attempts;
    }

    public SparkApiException withAttempts(int attempts) {
        this.attempts = attempts;
        return this;
    }

    public Long getRetryAfterMillis() {
        return retryAfterMillis;
    }

    public Instant getRateLimitReset() {
        return rateLimitReset;
    }

    /** Strips the wrappers that futures put around the real failure. */
    public static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
