package dev.camelspark.support;

import java.time.Duration;

import dev.camelspark.support.http.CallPolicy;
import dev.camelspark.support.http.ClientRateLimiter;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options every Spark component has. A component's own configuration extends this (or
 * {@link SparkMediaConfiguration}), adds its API's parameters and declares {@code baseUrl} with its vendor's default.
 * The component holds one instance with the component-level values; each endpoint works on a copy.
 */
@UriParams
public abstract class SparkConfiguration implements Cloneable {

    @UriParam(label = "security", secret = true,
              description = "The API key. When not set, the component's environment variable is used (DYNASPARK_API_KEY, SPARKGPT_API_KEY, ...). Never logged.")
    private String apiKey;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long to wait for a connection to the API (and for a free pooled connection).")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "120000", javaType = "java.time.Duration",
              description = "The longest a call that is not streamed may take, answer included.")
    private long requestTimeout = 120_000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The longest a streamed answer or a media download may go without sending a byte before it is failed as stalled.")
    private long streamIdleTimeout = 60_000;
    @UriParam(label = "advanced", defaultValue = "2",
              description = "How many times a failed call is retried (connection failures, 408, 429, 5xx). Calls that create a paid task are only retried when the provider provably did not take them.")
    private int maxRetries = 2;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The longest wait a provider may ask for (Retry-After, X-RateLimit-Reset) and still be retried; beyond it the call fails at once with the reset time.")
    private long maxRetryAfter = 60_000;
    @UriParam(label = "advanced", defaultValue = "0",
              description = "Client-side limit of requests per minute for this component and API key; 0 means none. Calls over it wait, they are not refused.")
    private int requestsPerMinute;
    @UriParam(label = "advanced", defaultValue = "0",
              description = "Client-side cap on calls in flight at once for this component and API key; 0 means none. Further calls queue without holding a thread.")
    private int maxConcurrentRequests;

    /** The base URL of the API; each component declares it with its vendor's default. */
    public abstract String getBaseUrl();

    public abstract void setBaseUrl(String baseUrl);

    /** Checks every option; called when the endpoint starts and again per message after header overrides. */
    public void validate(String provider) {
        SparkChecks.of(provider)
                .httpUrl("baseUrl", getBaseUrl())
                .atLeast("connectTimeout", connectTimeout, 1)
                .atLeast("requestTimeout", requestTimeout, 1)
                .atLeast("streamIdleTimeout", streamIdleTimeout, 1)
                .range("maxRetries", maxRetries, 0, 10)
                .atLeast("maxRetryAfter", maxRetryAfter, 0)
                .atLeast("requestsPerMinute", requestsPerMinute, 0)
                .atLeast("maxConcurrentRequests", maxConcurrentRequests, 0);
    }

    /** The retry and limit settings of a call made with this configuration and key. */
    public CallPolicy callPolicy(String resolvedApiKey) {
        return new CallPolicy(maxRetries, Duration.ofMillis(maxRetryAfter),
                ClientRateLimiter.keyOf(getBaseUrl(), resolvedApiKey), requestsPerMinute, maxConcurrentRequests);
    }

    public SparkConfiguration copy() {
        try {
            return (SparkConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public long getStreamIdleTimeout() {
        return streamIdleTimeout;
    }

    public void setStreamIdleTimeout(long streamIdleTimeout) {
        this.streamIdleTimeout = streamIdleTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public int getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(int requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }
}
