package dev.camelspark.support.observe;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;

/**
 * What the span of a Spark producer call carries in the OpenTelemetry GenAI vocabulary, whichever of Camel's tracing
 * SPIs puts it on the span ({@link SparkSpanDecorator} for camel-telemetry, {@link SparkTracingSpanDecorator} for
 * camel-tracing): the name {@code "{gen_ai.operation.name} {gen_ai.request.model}"}, then {@code gen_ai.operation.name},
 * {@code gen_ai.provider.name} and {@code gen_ai.request.model} when the call starts, and {@code gen_ai.response.model},
 * the usage tokens the provider reported and {@code error.type} when it is done. Never the prompt, the answer or the
 * key. Imports no tracing library.
 */
final class GenAiSpanAttributes {

    /** Where the attributes go: the SPI's span. */
    interface Tags {
        void text(String name, String value);

        void number(String name, Number value);
    }

    private GenAiSpanAttributes() {
    }

    /** The span's name, or {@code null} when {@code endpoint} generates nothing (the SPI's default name then). */
    static String spanName(Exchange exchange, Endpoint endpoint) {
        GenAiEndpoint genAi = generating(endpoint);
        if (genAi == null) {
            return null;
        }
        String model = genAi.requestModel(exchange);
        return model == null ? genAi.genAiOperation() : genAi.genAiOperation() + " " + model;
    }

    /**
     * Tags what the call asks for, before the producer starts.
     *
     * @return the endpoint, when it generates something; else {@code null} and no tag
     */
    static GenAiEndpoint request(Exchange exchange, Endpoint endpoint, Tags tags) {
        // an earlier call's observation is not this one's: the producer puts its own when it starts
        exchange.removeProperty(SparkObservation.PROPERTY);
        GenAiEndpoint genAi = generating(endpoint);
        if (genAi != null) {
            tags.text("gen_ai.operation.name", genAi.genAiOperation());
            tags.text("gen_ai.provider.name", genAi.providerName());
            text(tags, "gen_ai.request.model", genAi.requestModel(exchange));
        }
        return genAi;
    }

    /**
     * Tags what the answer told, once the producer is done. A streamed answer's usage comes with its last chunk, after
     * the span ended (Camel ends a producer's span when the producer is done): it is in the metrics and headers only.
     */
    static void response(Exchange exchange, GenAiEndpoint genAi, Tags tags) {
        text(tags, "gen_ai.response.model", genAi.responseModel(exchange));
        SparkObservation observation = SparkObservation.of(exchange);
        if (observation != null) {
            number(tags, "gen_ai.usage.input_tokens", observation.inputTokens());
            number(tags, "gen_ai.usage.output_tokens", observation.outputTokens());
        }
        if (exchange.getException() != null) {
            tags.text("error.type", SparkObservation.errorType(exchange.getException()));
        }
    }

    private static GenAiEndpoint generating(Endpoint endpoint) {
        return endpoint instanceof GenAiEndpoint genAi && genAi.genAiOperation() != null ? genAi : null;
    }

    private static void text(Tags tags, String name, String value) {
        if (value != null) {
            tags.text(name, value);
        }
    }

    private static void number(Tags tags, String name, Number value) {
        if (value != null) {
            tags.number(name, value);
        }
    }
}
