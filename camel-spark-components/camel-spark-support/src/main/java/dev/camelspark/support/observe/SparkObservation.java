package dev.camelspark.support.observe;

import java.math.BigDecimal;
import java.util.Locale;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.sse.SparkEventStream;
import org.apache.camel.Exchange;

/**
 * The measurement of one producer call, from its start to its answer (for a stream, to the stream's end), handed to
 * {@link SparkMetrics} when it ends. It rides on the exchange (property {@link #PROPERTY}) so that the shared code
 * that reads usage ({@link #tokens}) reaches it without a component knowing about metrics, and the span decorators
 * ({@link GenAiSpanAttributes}) read the call's tokens from it. It stays there after the call (the next call replaces
 * it), since the decorators read it once the producer is done.
 */
public final class SparkObservation {

    public static final String PROPERTY = "CamelSparkObservation";

    private final SparkMetrics metrics;
    private final String provider;
    private final String genAiOperation;
    private final String requestModel;
    private final String costUnit;
    private final String costHeader;
    private final Object costBefore;
    private final long started = System.nanoTime();
    private volatile Integer inputTokens;
    private volatile Integer outputTokens;

    private SparkObservation(Exchange exchange, SparkMetrics metrics, String provider, String genAiOperation,
                             String requestModel, String costUnit, String costHeader) {
        this.metrics = metrics;
        this.provider = provider;
        this.genAiOperation = genAiOperation;
        this.requestModel = requestModel;
        this.costUnit = costUnit;
        this.costHeader = costHeader;
        // a cost header already on the message is an earlier call's: only a new value counts
        this.costBefore = exchange.getMessage().getHeader(costHeader);
    }

    /**
     * Starts measuring a call (metrics are recorded only when there is a registry), or returns {@code null} for an
     * operation that generates nothing (a listing, a status read).
     *
     * @param requestModel the model this message asks for: the endpoint's, or its override header's
     */
    public static SparkObservation start(Exchange exchange, SparkMetrics metrics, String provider, String genAiOperation,
                                         String requestModel, String costUnit, String costHeader) {
        if (genAiOperation == null) {
            return null;
        }
        SparkObservation observation = new SparkObservation(exchange, metrics, provider, genAiOperation, requestModel,
                costUnit, costHeader);
        exchange.setProperty(PROPERTY, observation);
        return observation;
    }

    /** The tokens a call reported, for the call being measured on {@code exchange} (if any). */
    public static void tokens(Exchange exchange, Integer input, Integer output) {
        if (exchange.getProperty(PROPERTY) instanceof SparkObservation observation) {
            observation.inputTokens = input;
            observation.outputTokens = output;
        }
    }

    /**
     * The producer's work is done. A streamed answer is measured on until the stream ends (read, failed or closed by
     * the exchange), with the time its first delta took.
     */
    public void finish(Exchange exchange, Throwable failure) {
        if (failure == null && exchange.getMessage().getBody() instanceof SparkEventStream stream) {
            stream.whenEnded(s -> {
                long first = s.getFirstDeltaNanos();
                record(exchange, first == 0 ? null : first - started, null);
            });
            return;
        }
        record(exchange, null, failure);
    }

    /** The observation of the last generating call on {@code exchange}, if any. */
    static SparkObservation of(Exchange exchange) {
        return exchange.getProperty(PROPERTY) instanceof SparkObservation observation ? observation : null;
    }

    Integer inputTokens() {
        return inputTokens;
    }

    Integer outputTokens() {
        return outputTokens;
    }

    private void record(Exchange exchange, Long firstChunkNanos, Throwable failure) {
        if (metrics == SparkMetrics.NONE) {
            return;
        }
        Object cost = exchange.getMessage().getHeader(costHeader);
        BigDecimal newCost = cost != costBefore && cost instanceof BigDecimal decimal ? decimal : null;
        metrics.operation(new SparkMetrics.Operation(provider, genAiOperation, requestModel, System.nanoTime() - started,
                firstChunkNanos, inputTokens, outputTokens, newCost, costUnit, errorType(failure)));
    }

    /** {@code error.type}: the category of a Spark failure (rate_limit, auth, ...), else the exception's class. */
    static String errorType(Throwable failure) {
        if (failure == null) {
            return null;
        }
        Throwable cause = SparkApiException.unwrap(failure);
        return cause instanceof SparkApiException spark ? spark.getCategory().name().toLowerCase(Locale.ROOT)
                : cause.getClass().getName();
    }

    /**
     * The {@code gen_ai.operation.name} of a Spark operation, as its URI names it: {@code chat}, {@code text} (a
     * completion), and the media generations; {@code null} for what generates nothing (status, listings, uploads).
     */
    public static String genAiOperationOf(String operation) {
        if (operation == null) {
            return null;
        }
        return switch (operation) {
            case "chat" -> "chat";
            case "text" -> "text_completion";
            case "image", "video", "audio", "generate", "submit", "image-submit", "video-submit" -> "generate_content";
            default -> null;
        };
    }
}
