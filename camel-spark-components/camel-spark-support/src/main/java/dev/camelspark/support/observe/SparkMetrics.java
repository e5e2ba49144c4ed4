package dev.camelspark.support.observe;

import java.math.BigDecimal;

import org.apache.camel.CamelContext;

/**
 * Where the components' metrics go: Micrometer when it is on the classpath and a {@code MeterRegistry} is in Camel's
 * registry (camel-micrometer, Camel Main's {@code camel.metrics.enabled}, Spring Boot's actuator), else nowhere. The
 * names follow the OpenTelemetry GenAI semantic conventions ({@code gen_ai.client.operation.duration},
 * {@code gen_ai.client.token.usage}, {@code gen_ai.client.operation.time_to_first_chunk}); cost and tasks are our own
 * ({@code camel.spark.cost}, {@code camel.spark.tasks.*}). Micrometer is an optional dependency: this interface and
 * {@link #NONE} never touch it, and {@link #of} loads {@link MicrometerSparkMetrics} only when Micrometer is there.
 */
public interface SparkMetrics {

    String MICROMETER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    /** Records nothing: Micrometer is not on the classpath, or no registry is bound. */
    SparkMetrics NONE = new SparkMetrics() {
        @Override
        public void operation(Operation done) {
        }

        @Override
        public void taskStarted(String provider, String operation) {
        }

        @Override
        public void taskEnded(String provider, String operation, Boolean completed) {
        }
    };

    /** One finished call of a generating operation. */
    void operation(Operation done);

    /** A paid task was created (or resumed) and is being polled. */
    void taskStarted(String provider, String operation);

    /**
     * A task being polled ended: completed, or not (failed, cancelled, timed out, unreadable); {@code null} when only
     * its polling stopped (the component stops; the task resumes after the restart).
     */
    void taskEnded(String provider, String operation, Boolean completed);

    /**
     * What one call measured.
     *
     * @param genAiOperation    {@code gen_ai.operation.name}: chat, text_completion, generate_content
     * @param requestModel      {@code gen_ai.request.model}; {@code null} when the provider has no model option
     * @param durationNanos     from the producer's start to the answer (the end of the stream, for a stream)
     * @param firstChunkNanos   for a stream, until its first delta; else {@code null}
     * @param inputTokens       as the provider reported them, else {@code null}
     * @param outputTokens      as the provider reported them, else {@code null}
     * @param cost              header {@code CamelSparkCost} as the call set it, else {@code null}
     * @param costUnit          what the cost counts (USD, credits)
     * @param errorType         {@code error.type}: the failure's category, {@code null} on success
     */
    record Operation(String provider, String genAiOperation, String requestModel, long durationNanos,
                     Long firstChunkNanos, Integer inputTokens, Integer outputTokens, BigDecimal cost, String costUnit,
                     String errorType) {
    }

    /** Micrometer's registry in {@code context}, when Micrometer is on the classpath and one is bound; else {@link #NONE}. */
    static SparkMetrics of(CamelContext context) {
        if (!micrometerPresent(context)) {
            return NONE;
        }
        SparkMetrics found = MicrometerSparkMetrics.lookup(context);
        return found == null ? NONE : found;
    }

    /** Whether Micrometer can be loaded: the guard before any class that imports it. */
    static boolean micrometerPresent(CamelContext context) {
        try {
            Class.forName(MICROMETER_REGISTRY, false, context.getApplicationContextClassLoader() != null
                    ? context.getApplicationContextClassLoader() : SparkMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
