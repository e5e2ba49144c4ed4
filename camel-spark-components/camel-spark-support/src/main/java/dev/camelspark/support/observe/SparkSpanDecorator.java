package dev.camelspark.support.observe;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * The span of a Spark producer call in the OpenTelemetry GenAI vocabulary, for Camel's telemetry (camel-telemetry,
 * used by camel-opentelemetry2): named {@code "{gen_ai.operation.name} {gen_ai.request.model}"} (e.g.
 * {@code "chat spark-pro"}), with {@code gen_ai.operation.name}, {@code gen_ai.provider.name},
 * {@code gen_ai.request.model}, {@code gen_ai.response.model} and, when the provider reported them before the producer
 * was done, {@code gen_ai.usage.input_tokens} and {@code gen_ai.usage.output_tokens}; on failure {@code error.type}.
 * Never the prompt, the answer or the key. A streamed answer's span ends when the stream opens (Camel ends a
 * producer's span when the producer is done), so its usage is in the metrics and headers, not on the span.
 * <p>
 * camel-telemetry is an optional dependency: it finds these decorators itself (ServiceLoader, one per scheme, listed
 * in {@code META-INF/services/org.apache.camel.telemetry.SpanDecorator}); without it nothing loads this class. Its
 * span API takes text values only, so the token counts are the numbers as text.
 */
public abstract class SparkSpanDecorator extends AbstractSpanDecorator {

    private final String scheme;
    private final String componentClass;

    protected SparkSpanDecorator(String scheme, String componentClass) {
        this.scheme = scheme;
        this.componentClass = componentClass;
    }

    @Override
    public String getComponent() {
        return scheme;
    }

    @Override
    public String getComponentClassName() {
        return componentClass;
    }

    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        if (endpoint instanceof GenAiEndpoint genAi && genAi.genAiOperation() != null) {
            String model = genAi.requestModel(exchange);
            return model == null ? genAi.genAiOperation() : genAi.genAiOperation() + " " + model;
        }
        return super.getOperationName(exchange, endpoint);
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        // an earlier call's observation is not this one's: the producer puts its own when it starts
        exchange.removeProperty(SparkObservation.PROPERTY);
        if (endpoint instanceof GenAiEndpoint genAi && genAi.genAiOperation() != null) {
            span.setTag("gen_ai.operation.name", genAi.genAiOperation());
            span.setTag("gen_ai.provider.name", genAi.providerName());
            tag(span, "gen_ai.request.model", genAi.requestModel(exchange));
            exchange.setProperty(ENDPOINT, genAi);
        }
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        GenAiEndpoint genAi = exchange.getProperty(ENDPOINT, GenAiEndpoint.class);
        if (genAi == null) {
            return;
        }
        exchange.removeProperty(ENDPOINT);
        tag(span, "gen_ai.response.model", genAi.responseModel(exchange));
        SparkObservation observation = SparkObservation.of(exchange);
        if (observation != null) {
            tag(span, "gen_ai.usage.input_tokens", observation.inputTokens());
            tag(span, "gen_ai.usage.output_tokens", observation.outputTokens());
        }
        if (exchange.getException() != null) {
            span.setTag("error.type", SparkObservation.errorType(exchange.getException()));
        }
    }

    /** The endpoint of the call being traced, from the span's start to its end (which is not told the endpoint). */
    static final String ENDPOINT = "CamelSparkTracedEndpoint";

    private static void tag(Span span, String name, Object value) {
        if (value != null) {
            span.setTag(name, String.valueOf(value));
        }
    }

    public static final class DynaSpark extends SparkSpanDecorator {
        public DynaSpark() {
            super("dynaspark", "dev.camelspark.dynaspark.DynaSparkComponent");
        }
    }

    public static final class SparkGpt extends SparkSpanDecorator {
        public SparkGpt() {
            super("sparkgpt", "dev.camelspark.sparkgpt.SparkGptComponent");
        }
    }

    public static final class SparkStream extends SparkSpanDecorator {
        public SparkStream() {
            super("sparkstream", "dev.camelspark.sparkstream.SparkStreamComponent");
        }
    }

    public static final class SparkDream extends SparkSpanDecorator {
        public SparkDream() {
            super("sparkdream", "dev.camelspark.sparkdream.SparkDreamComponent");
        }
    }

    public static final class NeoSpark extends SparkSpanDecorator {
        public NeoSpark() {
            super("neospark", "dev.camelspark.neospark.NeoSparkComponent");
        }
    }
}
