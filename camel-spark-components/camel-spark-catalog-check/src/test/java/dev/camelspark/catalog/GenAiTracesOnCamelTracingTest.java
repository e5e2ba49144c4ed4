package dev.camelspark.catalog;

import dev.camelspark.emulator.Provider;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.opentelemetry.OpenTelemetryTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.camelspark.catalog.RecordedSpans.assertNothingSecret;
import static dev.camelspark.catalog.RecordedSpans.number;
import static dev.camelspark.catalog.RecordedSpans.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same GenAI spans with Camel's older OpenTelemetry tracing (camel-opentelemetry, on camel-tracing), whose spans
 * take numbers: the token counts are integers there, as the GenAI conventions have them.
 */
class GenAiTracesOnCamelTracingTest extends QuickTasksTestSupport {

    private static final String PROMPT = "Why do camels have humps?";

    private final RecordedSpans spans = new RecordedSpans();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // as camel.opentelemetry.enabled=true does, with the SDK's tracer instead of the global one
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        tracer.setTracer(spans.tracer());
        tracer.setContextPropagators(ContextPropagators.noop());
        tracer.init(context);
        return context;
    }

    @AfterEach
    void closeTracing() {
        spans.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chat").to("sparkstream:chat?model=spark-pro&apiKey=stream-key-legacy&baseUrl="
                                       + EMULATOR.baseUrl(Provider.SPARKSTREAM));
            }
        };
    }

    @Test
    void aChatSpanCarriesTheGenAiAttributesWithIntegerTokens() {
        Exchange out = template.send("direct:chat", e -> {
            e.getMessage().setBody(PROMPT);
            e.getMessage().setHeader("CamelSparkStreamModel", "spark-turbo");
        });
        assertThat(out.getException()).isNull();

        SpanData span = spans.producerSpan("sparkstream");
        assertThat(span.getName()).isEqualTo("chat spark-turbo");
        assertThat(text(span, "gen_ai.operation.name")).isEqualTo("chat");
        assertThat(text(span, "gen_ai.provider.name")).isEqualTo("sparkstream");
        assertThat(text(span, "gen_ai.request.model")).isEqualTo("spark-turbo");
        assertThat(text(span, "gen_ai.response.model")).isEqualTo("spark-turbo");
        assertThat(number(span, "gen_ai.usage.input_tokens"))
                .isEqualTo(out.getMessage().getHeader("CamelSparkPromptTokens", Long.class)).isPositive();
        assertThat(number(span, "gen_ai.usage.output_tokens"))
                .isEqualTo(out.getMessage().getHeader("CamelSparkCompletionTokens", Long.class)).isPositive();
        assertNothingSecret(span, PROMPT, "stream-key-legacy");
    }
}
