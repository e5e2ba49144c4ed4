package dev.camelspark.support.observe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkAuthenticationException;
import dev.camelspark.support.error.SparkRateLimitException;
import dev.camelspark.support.error.SparkTransportException;
import dev.camelspark.support.http.CallPolicy;
import dev.camelspark.support.http.SparkApiClient;
import dev.camelspark.support.http.SparkResponse;

/**
 * Makes the health probes of one component and keeps each answer for {@code cacheTime}, so a probe every few seconds
 * (a Kubernetes liveness probe, a dashboard) does not become a call every few seconds, and the producers of one
 * service and key share one call. A probe is never retried nor counted against the client-side rate limit of the
 * routes' calls (its own limiter key).
 */
public final class HealthProbes {

    /** What a probe found; {@code up} with a {@code reason} is UP with something worth saying (rate-limited). */
    public record Outcome(boolean up, String reason, Integer httpStatus, Instant checkedAt) {
    }

    private record Cached(Outcome outcome, Instant until) {
    }

    private final String provider;
    private final SparkApiClient client;
    private final Duration cacheTime;
    private final Clock clock;
    private final Map<String, Cached> answers = new ConcurrentHashMap<>();

    public HealthProbes(String provider, SparkApiClient client, Duration cacheTime, Clock clock) {
        this.provider = provider;
        this.client = client;
        this.cacheTime = cacheTime;
        this.clock = clock;
    }

    /** The probe's outcome, from the cache while it is fresh, else from a call (waiting at most its deadline). */
    public Outcome check(HealthProbe probe) {
        Instant now = clock.instant();
        Cached cached = answers.get(probe.cacheKey());
        if (cached != null && now.isBefore(cached.until())) {
            return cached.outcome();
        }
        Outcome outcome = call(probe, now);
        answers.put(probe.cacheKey(), new Cached(outcome, now.plus(cacheTime)));
        return outcome;
    }

    private Outcome call(HealthProbe probe, Instant now) {
        CompletableFuture<SparkResponse> answer = client.call(probe.request(),
                CallPolicy.noRetries("health " + probe.cacheKey()));
        long waitMillis = probe.request().deadline() != null ? probe.request().deadline().toMillis() + 1000 : 30_000;
        try {
            SparkResponse response = answer.get(waitMillis, TimeUnit.MILLISECONDS);
            return new Outcome(true, null, response.status(), now);
        } catch (ExecutionException e) {
            return outcomeOf(probe, SparkApiException.unwrap(e.getCause()), now);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new Outcome(false, provider + " did not answer " + probe.request().describe() + " within "
                                      + waitMillis + " ms", null, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted while checking " + provider, null, now);
        }
    }

    private Outcome outcomeOf(HealthProbe probe, Throwable failure, Instant now) {
        if (!(failure instanceof SparkApiException spark)) {
            return new Outcome(false, provider + " health check failed: " + failure, null, now);
        }
        int status = spark.getHttpStatus();
        if (probe.reachedStatuses().contains(status)) {
            return new Outcome(true, null, status, now);
        }
        if (spark instanceof SparkRateLimitException) {
            // the service is up and took the key; it only asks to slow down
            return new Outcome(true, "rate-limited: " + spark.getMessage(), status, now);
        }
        if (spark instanceof SparkAuthenticationException || status == 401 || status == 403) {
            return new Outcome(false, "the " + provider + " API refused the key (HTTP " + status + "): "
                                      + spark.getMessage(), status, now);
        }
        if (spark instanceof SparkTransportException) {
            return new Outcome(false, provider + " is unreachable: " + spark.getMessage(), null, now);
        }
        return new Outcome(false, provider + " answered the health check with HTTP " + status + ": "
                                  + spark.getMessage(), status, now);
    }
}
