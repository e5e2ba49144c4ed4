package dev.camelspark.support.observe;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;

/**
 * {@link SparkMetrics} on a Micrometer {@link MeterRegistry}. The only class that imports Micrometer: it is loaded
 * only after {@link SparkMetrics#micrometerPresent} said Micrometer is there.
 */
final class MicrometerSparkMetrics implements SparkMetrics {

    static final String DURATION = "gen_ai.client.operation.duration";
    static final String TOKEN_USAGE = "gen_ai.client.token.usage";
    static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";
    static final String COST = "camel.spark.cost";
    static final String TASKS_IN_FLIGHT = "camel.spark.tasks.in_flight";
    static final String TASKS_COMPLETED = "camel.spark.tasks.completed";
    static final String TASKS_FAILED = "camel.spark.tasks.failed";

    private final MeterRegistry registry;
    private final Map<Tags, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    MicrometerSparkMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The registry bound in Camel's registry (by type; camel-micrometer's name {@code metricsRegistry} first). */
    static SparkMetrics lookup(CamelContext context) {
        MeterRegistry named = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (named != null) {
            return new MicrometerSparkMetrics(named);
        }
        Set<MeterRegistry> all = context.getRegistry().findByType(MeterRegistry.class);
        return all.isEmpty() ? null : new MicrometerSparkMetrics(all.iterator().next());
    }

    @Override
    public void operation(Operation done) {
        Tags tags = Tags.of("gen_ai.operation.name", done.genAiOperation(), "gen_ai.provider.name", done.provider(),
                "gen_ai.request.model", done.requestModel() == null ? "" : done.requestModel());
        // error.type on every duration, empty when the call succeeded: Prometheus (Camel Main's metrics endpoint)
        // refuses a meter whose tag keys differ from the first one of that name, and reads an empty label as absent
        Tags timed = tags.and("error.type", done.errorType() == null ? "" : done.errorType());
        Timer.builder(DURATION).description("GenAI operation duration").tags(timed).register(registry)
                .record(done.durationNanos(), TimeUnit.NANOSECONDS);
        if (done.firstChunkNanos() != null) {
            Timer.builder(TIME_TO_FIRST_CHUNK).description("Time to receive the first chunk of a streamed answer")
                    .tags(tags).register(registry).record(Duration.ofNanos(done.firstChunkNanos()));
        }
        tokens(tags, "input", done.inputTokens());
        tokens(tags, "output", done.outputTokens());
        if (done.cost() != null && done.cost().signum() > 0) {
            Counter.builder(COST).description("What the calls cost, in the provider's unit (tag camel.spark.cost.unit)")
                    .tags(Tags.of("gen_ai.provider.name", done.provider(), "gen_ai.request.model",
                            done.requestModel() == null ? "" : done.requestModel(), "camel.spark.cost.unit",
                            done.costUnit()))
                    .register(registry).increment(done.cost().doubleValue());
        }
    }

    private void tokens(Tags tags, String type, Integer count) {
        if (count != null && count >= 0) {
            DistributionSummary.builder(TOKEN_USAGE).description("Number of input and output tokens used")
                    .baseUnit("tokens").tags(tags.and("gen_ai.token.type", type)).register(registry).record(count);
        }
    }

    @Override
    public void taskStarted(String provider, String operation) {
        gauge(provider, operation).incrementAndGet();
    }

    @Override
    public void taskEnded(String provider, String operation, Boolean completed) {
        gauge(provider, operation).decrementAndGet();
        if (completed == null) {
            return;
        }
        Counter.builder(completed ? TASKS_COMPLETED : TASKS_FAILED)
                .description(completed ? "Tasks that completed" : "Tasks that ended without a result")
                .tags(taskTags(provider, operation)).register(registry).increment();
    }

    private AtomicInteger gauge(String provider, String operation) {
        Tags tags = taskTags(provider, operation);
        return inFlight.computeIfAbsent(tags, t -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder(TASKS_IN_FLIGHT, count, AtomicInteger::get).description("Tasks created and not ended yet")
                    .tags(t).register(registry);
            return count;
        });
    }

    private static Tags taskTags(String provider, String operation) {
        return Tags.of("gen_ai.provider.name", provider, "camel.spark.operation", operation);
    }
}
