package dev.camelspark.support.testing;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;

/** Camel's health checks in a test context, as Camel Main sets them up with {@code camel.health.producers-enabled=true}. */
public final class HealthChecks {

    private HealthChecks() {
    }

    /** Installs the health-check registry with the producers' repository on; call before the routes start. */
    public static void install(CamelContext context) {
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        registry.setExposureLevel("full"); // the default lists only the checks that are DOWN
        HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
        producers.setEnabled(true);
        registry.register(producers);
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
    }

    /** The readiness results of the producer checks, by id ({@code producer:dynaspark-text}). */
    public static Map<String, HealthCheck.Result> producers(CamelContext context) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:"))
                .collect(Collectors.toMap(r -> r.getCheck().getId(), r -> r));
    }
}
