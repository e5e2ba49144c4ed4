package dev.camelspark.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.http.CallPolicy;
import dev.camelspark.support.http.ClientRateLimiter;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkRequest;
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
    @UriParam(label = "advanced", prefix = "additionalBodyProperty.", multiValue = true,
              description = "Extra wire parameters sent as they are, for vendor parameters this component does not know yet"
                            + " (additionalBodyProperty.style=vivid). In a JSON body each is a top-level property, its value"
                            + " parsed as JSON when it is JSON (a number, true, an object or array) and sent as text otherwise; DynaSpark, whose"
                            + " API takes query parameters, sends each as a query parameter. One named like a parameter the"
                            + " component sets replaces it; one naming the API key or another credential (api_key, key,"
                            + " Authorization, X-API-Key, access_token) is refused at start-up.")
    private Map<String, Object> additionalBodyProperty;

    /** Credential names, lower-cased without '_' and '-', that additionalBodyProperty may never set. */
    private static final Set<String> CREDENTIALS = Set.of("apikey", "key", "authorization", "xapikey", "accesstoken",
            "token", "bearer");
    /** Not an option: the last limiter key computed, copied along with the configuration. */
    private transient volatile LimiterKey limiterKey;

    /** The base URL of the API; each component declares it with its vendor's default. */
    public abstract String getBaseUrl();

    public abstract void setBaseUrl(String baseUrl);

    /**
     * Checks this configuration for one operation, as its URI names it ({@code null} for a component without
     * operations): called when the endpoint starts and again per message after header overrides. Components whose
     * rules depend on the operation override it; by default only the rules that hold for every operation apply.
     */
    public void validate(String provider, String operation) {
        validate(provider);
    }

    /** Checks every option that applies whatever the operation. */
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
        checkAdditionalBodyProperties(provider);
    }

    /** Extra parameters are sent unchecked, but never a blank name nor one that would replace the key. */
    private void checkAdditionalBodyProperties(String provider) {
        if (additionalBodyProperty == null) {
            return;
        }
        SparkChecks checks = SparkChecks.of(provider);
        for (String name : additionalBodyProperty.keySet()) {
            String option = "additionalBodyProperty." + name;
            checks.notBlank("additionalBodyProperty name", name)
                    .that(!CREDENTIALS.contains(name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")),
                            option, "(value not shown)", "a name that is not a credential: set the key with option"
                                                          + " apiKey, never through additionalBodyProperty");
        }
    }

    /**
     * The extra parameters as they go on the wire: a text that is JSON becomes that JSON value (as camel-openai
     * does), any other text stays text. Empty when none is set.
     */
    public Map<String, Object> additionalBodyProperties() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (additionalBodyProperty != null) {
            additionalBodyProperty.forEach((name, value) -> out.put(name, value instanceof String text
                    ? jsonOrText(text) : value));
        }
        return out;
    }

    private static Object jsonOrText(String text) {
        JsonNode json = SparkJson.tryParse(text);
        return json == null ? text : json;
    }

    /** {@code body} with the extra parameters put in as top-level properties, replacing same-named ones. */
    public Map<String, Object> withAdditionalBodyProperties(Map<String, Object> body) {
        Map<String, Object> extras = additionalBodyProperties();
        if (extras.isEmpty()) {
            return body;
        }
        Map<String, Object> merged = new LinkedHashMap<>(body);
        merged.putAll(extras);
        return merged;
    }

    /** The retry and limit settings of a call made with this configuration and key. */
    public CallPolicy callPolicy(String resolvedApiKey) {
        return new CallPolicy(maxRetries, Duration.ofMillis(maxRetryAfter), limiterKey(resolvedApiKey),
                requestsPerMinute, maxConcurrentRequests);
    }

    /** The limiter's name for this base URL and key, hashed once and kept while both stay the same (not per call). */
    private String limiterKey(String resolvedApiKey) {
        LimiterKey last = limiterKey;
        String baseUrl = getBaseUrl();
        if (last == null || !Objects.equals(last.baseUrl(), baseUrl) || !Objects.equals(last.apiKey(), resolvedApiKey)) {
            last = new LimiterKey(baseUrl, resolvedApiKey, ClientRateLimiter.keyOf(baseUrl, resolvedApiKey));
            limiterKey = last;
        }
        return last.hash();
    }

    /** Kept beside the configuration, which holds the key anyway. */
    private record LimiterKey(String baseUrl, String apiKey, String hash) {
        @Override
        public String toString() {
            return "LimiterKey[" + hash + "]"; // never the key
        }
    }

    /**
     * Sets the timeouts of a call: a streamed answer may rightly take long in all, so only a silence longer than
     * {@code streamIdleTimeout} fails it; any other answer must be complete within {@code requestTimeout}. Every
     * call of the components gets its timeouts here (downloads excepted: media are streamed).
     */
    public SparkRequest.Builder withTimeouts(SparkRequest.Builder request, boolean streamed) {
        request.connectTimeout(Duration.ofMillis(connectTimeout));
        if (streamed) {
            return request.readTimeout(Duration.ofMillis(streamIdleTimeout));
        }
        return request.readTimeout(Duration.ofMillis(requestTimeout)).deadline(Duration.ofMillis(requestTimeout));
    }

    /** The model the calls ask for, as metrics name it ({@code gen_ai.request.model}); {@code null} when none applies. */
    public String requestModel(String operation) {
        return null;
    }

    public SparkConfiguration copy() {
        try {
            SparkConfiguration copy = (SparkConfiguration) clone();
            // its own map: an endpoint's additionalBodyProperty.x must not reach the component or other endpoints
            copy.additionalBodyProperty = additionalBodyProperty == null ? null
                    : new LinkedHashMap<>(additionalBodyProperty);
            return copy;
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

    public Map<String, Object> getAdditionalBodyProperty() {
        return additionalBodyProperty;
    }

    public void setAdditionalBodyProperty(Map<String, Object> additionalBodyProperty) {
        this.additionalBodyProperty = additionalBodyProperty;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }
}
