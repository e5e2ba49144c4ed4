package dev.camelspark.support.observe;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * The span of a Spark producer call in the OpenTelemetry GenAI vocabulary ({@link GenAiSpanAttributes}), for Camel's
 * telemetry (camel-telemetry, which camel-opentelemetry2 uses). camel-telemetry is an optional dependency: it finds
 * these decorators itself (ServiceLoader, one per scheme, listed in
 * {@code META-INF/services/org.apache.camel.telemetry.SpanDecorator}); without it nothing loads this class. Its span
 * takes text values only, so the token counts are numbers as text there.
 */
public abstract class SparkSpanDecorator extends AbstractSpanDecorator {

    /** The endpoint of the call being traced, from the span's start to its end (which is not told the endpoint). */
    static final String ENDPOINT = "CamelSparkTracedEndpoint";

    private final TracedComponent component;

    SparkSpanDecorator(TracedComponent component) {
        this.component = component;
    }

    @Override
    public String getComponent() {
        return component.scheme;
    }

    @Override
    public String getComponentClassName() {
        return component.componentClass;
    }

    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        String name = GenAiSpanAttributes.spanName(exchange, endpoint);
        return name != null ? name : super.getOperationName(exchange, endpoint);
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        GenAiEndpoint genAi = GenAiSpanAttributes.request(exchange, endpoint, tags(span));
        if (genAi != null) {
            exchange.setProperty(ENDPOINT, genAi);
        }
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        GenAiEndpoint genAi = exchange.getProperty(ENDPOINT, GenAiEndpoint.class);
        if (genAi != null) {
            exchange.removeProperty(ENDPOINT);
            GenAiSpanAttributes.response(exchange, genAi, tags(span));
        }
    }

    private static GenAiSpanAttributes.Tags tags(Span span) {
        return new GenAiSpanAttributes.Tags() {
            @Override
            public void text(String name, String value) {
                span.setTag(name, value);
            }

            @Override
            public void number(String name, Number value) {
                span.setTag(name, String.valueOf(value));
            }
        };
    }

    public static final class DynaSpark extends SparkSpanDecorator {
        public DynaSpark() {
            super(TracedComponent.DYNASPARK);
        }
    }

    public static final class SparkGpt extends SparkSpanDecorator {
        public SparkGpt() {
            super(TracedComponent.SPARKGPT);
        }
    }

    public static final class SparkStream extends SparkSpanDecorator {
        public SparkStream() {
            super(TracedComponent.SPARKSTREAM);
        }
    }

    public static final class SparkDream extends SparkSpanDecorator {
        public SparkDream() {
            super(TracedComponent.SPARKDREAM);
        }
    }

    public static final class NeoSpark extends SparkSpanDecorator {
        public NeoSpark() {
            super(TracedComponent.NEOSPARK);
        }
    }
}
