package dev.camelspark.support.observe;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.tracing.SpanAdapter;
import org.apache.camel.tracing.decorators.AbstractSpanDecorator;

/**
 * The span of a Spark producer call in the OpenTelemetry GenAI vocabulary ({@link GenAiSpanAttributes}), for Camel's
 * older tracing SPI (camel-tracing, which camel-opentelemetry uses). camel-tracing is an
 * optional dependency: it finds these decorators itself (ServiceLoader, one per scheme, listed in
 * {@code META-INF/services/org.apache.camel.tracing.SpanDecorator}); without it nothing loads this class. Its span
 * takes numbers, so the token counts are numbers.
 */
public abstract class SparkTracingSpanDecorator extends AbstractSpanDecorator {

    private final TracedComponent component;

    SparkTracingSpanDecorator(TracedComponent component) {
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
    public void pre(SpanAdapter span, Exchange exchange, Endpoint endpoint) {
        super.pre(span, exchange, endpoint);
        GenAiSpanAttributes.request(exchange, endpoint, tags(span));
    }

    @Override
    public void post(SpanAdapter span, Exchange exchange, Endpoint endpoint) {
        super.post(span, exchange, endpoint);
        if (endpoint instanceof GenAiEndpoint genAi && genAi.genAiOperation() != null) {
            GenAiSpanAttributes.response(exchange, genAi, tags(span));
        }
    }

    private static GenAiSpanAttributes.Tags tags(SpanAdapter span) {
        return new GenAiSpanAttributes.Tags() {
            @Override
            public void text(String name, String value) {
                span.setTag(name, value);
            }

            @Override
            public void number(String name, Number value) {
                span.setTag(name, value);
            }
        };
    }

    public static final class DynaSpark extends SparkTracingSpanDecorator {
        public DynaSpark() {
            super(TracedComponent.DYNASPARK);
        }
    }

    public static final class SparkGpt extends SparkTracingSpanDecorator {
        public SparkGpt() {
            super(TracedComponent.SPARKGPT);
        }
    }

    public static final class SparkStream extends SparkTracingSpanDecorator {
        public SparkStream() {
            super(TracedComponent.SPARKSTREAM);
        }
    }

    public static final class SparkDream extends SparkTracingSpanDecorator {
        public SparkDream() {
            super(TracedComponent.SPARKDREAM);
        }
    }

    public static final class NeoSpark extends SparkTracingSpanDecorator {
        public NeoSpark() {
            super(TracedComponent.NEOSPARK);
        }
    }
}
