package dev.camelspark.catalog;

import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.opentelemetry.OpenTelemetryTracer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same GenAI spans with Camel's older OpenTelemetry tracing (camel-opentelemetry, on camel-tracing), whose spans
 * take numbers: the token counts are integers there, as the GenAI conventions have them.
 */
class GenAiTracesOnCamelTracingTest extends GenAiTracesTest {

    /** As {@code camel.opentelemetry.enabled=true} does, with the SDK's tracer instead of the global one. */
    @Override
    protected void startTracing(CamelContext context) {
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        tracer.setTracer(spans.tracer());
        tracer.setContextPropagators(ContextPropagators.noop());
        tracer.init(context);
    }

    @Test
    void theTokenCountsAreIntegers() {
        Exchange out = template.send("direct:chat", e -> e.getMessage().setBody(PROMPT));
        assertThat(out.getException()).isNull();

        SpanData span = spans.producerSpan("sparkstream");
        assertThat(RecordedSpans.number(span, "gen_ai.usage.input_tokens"))
                .isEqualTo(out.getMessage().getHeader("CamelSparkPromptTokens", Long.class)).isPositive();
        assertThat(RecordedSpans.number(span, "gen_ai.usage.output_tokens"))
                .isEqualTo(out.getMessage().getHeader("CamelSparkCompletionTokens", Long.class)).isPositive();
    }
}
