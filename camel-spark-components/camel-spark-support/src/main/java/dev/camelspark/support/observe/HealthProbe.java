package dev.camelspark.support.observe;

import java.util.Set;

import dev.camelspark.support.http.SparkRequest;

/**
 * The cheap call a producer health check makes: free, never a generation (a status page, a model list, the status of
 * a task that does not exist). Besides a 2xx, {@code reachedStatuses} are answers that still prove the service is up
 * and took the key (a 404 for an unknown task id, a 400 for a body the API refuses before it charges).
 *
 * @param request         the call, with the endpoint's key and timeouts
 * @param cacheKey        the same service and key give the same key ({@code CallPolicy#limiterKey} plus the path):
 *                        endpoints that share them share one answer
 * @param reachedStatuses non-2xx statuses that mean UP
 * @param checksKey       whether the call proves the key is accepted (DynaSpark's status page takes none)
 */
public record HealthProbe(SparkRequest request, String cacheKey, Set<Integer> reachedStatuses, boolean checksKey) {

    public HealthProbe {
        reachedStatuses = Set.copyOf(reachedStatuses);
    }

    /** A probe that must answer 2xx. */
    public static HealthProbe of(SparkRequest request, String limiterKey) {
        return new HealthProbe(request, limiterKey + " " + request.method() + " " + request.uri().getPath(), Set.of(),
                true);
    }

    /** The same probe, also UP on {@code statuses}. */
    public HealthProbe alsoUpOn(Integer... statuses) {
        return new HealthProbe(request, cacheKey, Set.of(statuses), checksKey);
    }

    /** The same probe, for a call that takes no key: it proves the service answers, not that the key is good. */
    public HealthProbe withoutKeyCheck() {
        return new HealthProbe(request, cacheKey, reachedStatuses, false);
    }
}
