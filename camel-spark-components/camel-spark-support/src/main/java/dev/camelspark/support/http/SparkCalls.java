package dev.camelspark.support.http;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The calls of one endpoint: the component's {@link SparkApiClient}, looked up per call (a component that restarts
 * has a new one), with the endpoint's retry and limit settings, which no header can override. Each provider's wire
 * client sends through it.
 */
public final class SparkCalls {

    private final Supplier<SparkApiClient> http;
    private final CallPolicy policy;

    public SparkCalls(Supplier<SparkApiClient> http, CallPolicy policy) {
        this.http = Objects.requireNonNull(http, "http");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The retry and limit settings of every call. */
    public CallPolicy policy() {
        return policy;
    }

    /** A call whose answer is read whole ({@link SparkApiClient#call}). */
    public CompletableFuture<SparkResponse> call(SparkRequest request) {
        return http.get().call(request, policy);
    }

    /** A call whose answer is read as it arrives ({@link SparkApiClient#open}). */
    public CompletableFuture<SparkOpenResponse> open(SparkRequest request) {
        return http.get().open(request, policy);
    }
}
