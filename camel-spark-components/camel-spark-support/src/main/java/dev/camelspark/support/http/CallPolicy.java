package dev.camelspark.support.http;

import java.time.Duration;

/**
 * The per-endpoint limits that apply to one call: how often it may be retried, how long a provider may ask us to
 * wait, and the client-side limits of its API key.
 *
 * @param limiterKey            {@link ClientRateLimiter#keyOf} of the base URL and API key
 * @param requestsPerMinute     client-side request budget for the key; 0 = none
 * @param maxConcurrentRequests calls of the key in flight at once; 0 = no cap
 */
public record CallPolicy(int maxRetries, Duration maxRetryAfter, String limiterKey, int requestsPerMinute,
                         int maxConcurrentRequests) {

    public static CallPolicy noRetries(String limiterKey) {
        return new CallPolicy(0, Duration.ofSeconds(60), limiterKey, 0, 0);
    }
}
