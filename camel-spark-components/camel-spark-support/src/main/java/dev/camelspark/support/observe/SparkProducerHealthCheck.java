package dev.camelspark.support.observe;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The health check of one Spark producer, in Camel's {@code producers} repository (as camel-aws2-s3 and camel-kafka
 * register theirs): UP when the provider answers its {@link HealthProbe}, DOWN with the reason when it is unreachable
 * or refuses the key. The answer comes from {@link HealthProbes}, so probing often calls the API at most once per
 * {@code healthCheckCacheTime}.
 */
public final class SparkProducerHealthCheck extends AbstractHealthCheck {

    private final String provider;
    private final Supplier<HealthProbe> probe;
    private final Supplier<HealthProbes> probes;

    /**
     * @param id     {@code producer:<scheme>-<operation>}, as Camel names producer checks
     * @param probe  the endpoint's cheap call (built when checked: the key may come from the environment)
     * @param probes the component's cache, which exists only while it runs
     */
    public SparkProducerHealthCheck(String provider, String id, Supplier<HealthProbe> probe,
                                    Supplier<HealthProbes> probes) {
        super("camel", id);
        this.provider = provider;
        this.probe = probe;
        this.probes = probes;
    }

    @Override
    public boolean isLiveness() {
        return false; // a provider that is down makes the application unready, not dead: restarting it fixes nothing
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("provider", provider);
        HealthProbe p;
        HealthProbes cache;
        try {
            p = probe.get();
            cache = probes.get();
        } catch (RuntimeException e) {
            builder.down().message(provider + " health check could not run: " + e.getMessage()).error(e);
            return;
        }
        HealthProbes.Outcome outcome = cache.check(p);
        builder.detail("probe", p.request().method() + " " + p.request().uri().getPath());
        builder.detail("checkedAt", outcome.checkedAt().toString());
        builder.detail("keyChecked", p.checksKey());
        if (outcome.httpStatus() != null) {
            builder.detail(HTTP_RESPONSE_CODE, outcome.httpStatus());
        }
        if (outcome.up()) {
            builder.up();
        } else {
            builder.down();
        }
        if (outcome.reason() != null) {
            builder.message(outcome.reason());
        }
    }
}
