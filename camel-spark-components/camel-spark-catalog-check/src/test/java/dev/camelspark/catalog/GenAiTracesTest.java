package dev.camelspark.catalog;

import dev.camelspark.emulator.Provider;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.camelspark.catalog.RecordedSpans.assertNothingSecret;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The components' spans in the OpenTelemetry GenAI vocabulary, with Camel's OpenTelemetry tracing (camel-opentelemetry2)
 * on the real OpenTelemetry SDK, read from its in-memory exporter after real calls to the emulator: the span of each
 * producer call is named "{operation} {model}" and carries the operation, the provider, the requested model (a
 * per-message model header included), the answering model and the usage the provider reported, never the prompt or
 * the key.
 */
class GenAiTracesTest extends QuickTasksTestSupport {

    static final String PROMPT = "Why do camels have humps?";
    static final String STREAM_KEY = "stream-key-for-traces";

    final RecordedSpans spans = new RecordedSpans();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        startTracing(context);
        return context;
    }

    /** As {@code camel.opentelemetry2.enabled=true} does, with the SDK's tracer bound instead of the global one. */
    protected void startTracing(CamelContext context) {
        context.getRegistry().bind("tracer", spans.tracer());
        context.getRegistry().bind("propagators", ContextPropagators.noop());
        new OpenTelemetryTracer().init(context);
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
                String stream = EMULATOR.baseUrl(Provider.SPARKSTREAM);
                from("direct:text").to("dynaspark:text?baseUrl=" + EMULATOR.baseUrl(Provider.DYNASPARK));
                from("direct:streamed").to("sparkstream:chat?stream=true&model=spark-turbo&apiKey=" + STREAM_KEY
                                           + "&baseUrl=" + stream)
                        .convertBodyTo(String.class);
                from("direct:chat").to("sparkstream:chat?model=spark-pro&apiKey=" + STREAM_KEY + "&baseUrl=" + stream);
                from("direct:refused").to("sparkstream:chat?apiKey=invalid-key&baseUrl=" + stream);
                from("direct:gpt").to("sparkgpt:chat?modelId=1&apiKey=gpt-key&baseUrl="
                                      + EMULATOR.baseUrl(Provider.SPARKGPT));
                from("direct:dream").to("sparkdream:generate?download=false&apiKey=dream-key&baseUrl="
                                        + EMULATOR.baseUrl(Provider.SPARKDREAM));
                from("direct:models").to("neospark:models?apiKey=np_traces&baseUrl="
                                         + EMULATOR.baseUrl(Provider.NEOSPARK));
            }
        };
    }

    @Test
    void aTextCompletionSpanNamesTheModelTheMessageAskedFor() {
        Exchange out = template.send("direct:text", e -> {
            e.getMessage().setBody(PROMPT);
            e.getMessage().setHeader("CamelDynaSparkModel", "openai");
        });
        assertThat(out.getException()).isNull();

        SpanData span = spans.producerSpan("dynaspark");
        assertThat(span.getName()).isEqualTo("text_completion openai");
        assertThat(attribute(span, "gen_ai.operation.name")).isEqualTo("text_completion");
        assertThat(attribute(span, "gen_ai.provider.name")).isEqualTo("dynaspark");
        assertThat(attribute(span, "gen_ai.request.model")).isEqualTo("openai");
        assertThat(attribute(span, "gen_ai.response.model"))
                .isEqualTo(out.getMessage().getHeader("CamelSparkModel", String.class)).isNotBlank();
        assertThat(attribute(span, "gen_ai.usage.input_tokens"))
                .isEqualTo(out.getMessage().getHeader("CamelSparkPromptTokens", String.class)).isNotBlank();
        assertThat(attribute(span, "gen_ai.usage.output_tokens"))
                .isEqualTo(out.getMessage().getHeader("CamelSparkCompletionTokens", String.class)).isNotBlank();
        assertNothingSecret(span, PROMPT, null);
    }

    @Test
    void aChatSpanCarriesItsUsage() {
        Exchange out = template.send("direct:chat", e -> e.getMessage().setBody(PROMPT));
        assertThat(out.getException()).isNull();

        SpanData span = spans.producerSpan("sparkstream");
        assertThat(span.getName()).isEqualTo("chat spark-pro");
        assertThat(attribute(span, "gen_ai.operation.name")).isEqualTo("chat");
        assertThat(attribute(span, "gen_ai.request.model")).isEqualTo("spark-pro");
        assertThat(attribute(span, "gen_ai.response.model")).isEqualTo("spark-pro");
        assertThat(attribute(span, "gen_ai.usage.input_tokens"))
                .isEqualTo(out.getMessage().getHeader("CamelSparkPromptTokens", String.class)).isNotBlank();
        assertThat(attribute(span, "gen_ai.usage.output_tokens"))
                .isEqualTo(out.getMessage().getHeader("CamelSparkCompletionTokens", String.class)).isNotBlank();
        assertNothingSecret(span, PROMPT, STREAM_KEY);
    }

    @Test
    void aStreamedChatSpanFollowsTheModelHeaderAndEndsWhenTheStreamOpens() {
        Exchange out = template.send("direct:streamed", e -> {
            e.getMessage().setBody(PROMPT);
            e.getMessage().setHeader("CamelSparkStreamModel", "spark-1");
        });
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isNotBlank();

        SpanData span = spans.producerSpan("sparkstream");
        assertThat(span.getName()).isEqualTo("chat spark-1");
        assertThat(attribute(span, "gen_ai.operation.name")).isEqualTo("chat");
        assertThat(attribute(span, "gen_ai.provider.name")).isEqualTo("sparkstream");
        assertThat(attribute(span, "gen_ai.request.model")).isEqualTo("spark-1");
        // the usage comes in the stream's last chunk, read by the route after the producer's span ended
        assertThat(attribute(span, "gen_ai.usage.output_tokens")).isNull();
        assertNothingSecret(span, PROMPT, STREAM_KEY);
    }

    @Test
    void aSparkGptChatSpanNamesItsModelId() {
        Exchange out = template.send("direct:gpt", e -> e.getMessage().setBody(PROMPT));
        assertThat(out.getException()).isNull();

        SpanData span = spans.producerSpan("sparkgpt");
        assertThat(span.getName()).isEqualTo("chat 1");
        assertThat(attribute(span, "gen_ai.operation.name")).isEqualTo("chat");
        assertThat(attribute(span, "gen_ai.provider.name")).isEqualTo("sparkgpt");
        assertThat(attribute(span, "gen_ai.request.model")).isEqualTo("1");
        assertThat(attribute(span, "gen_ai.response.model")).isEqualTo("1");
        assertNothingSecret(span, PROMPT, "gpt-key");
    }

    @Test
    void aTaskSpanLastsUntilTheTaskEnded() {
        Exchange out = template.send("direct:dream", e -> e.getMessage().setBody("a camel at dawn"));
        assertThat(out.getException()).isNull();

        SpanData span = spans.producerSpan("sparkdream");
        assertThat(span.getName()).isEqualTo("generate_content spark_dream_3_0");
        assertThat(attribute(span, "gen_ai.operation.name")).isEqualTo("generate_content");
        assertThat(attribute(span, "gen_ai.provider.name")).isEqualTo("sparkdream");
        assertThat(attribute(span, "gen_ai.request.model")).isEqualTo("spark_dream_3_0");
        assertThat(attribute(span, "gen_ai.response.model"))
                .isEqualTo(out.getMessage().getHeader("CamelSparkModel", String.class)).isNotBlank();
        assertNothingSecret(span, "a camel at dawn", "dream-key");
    }

    @Test
    void aFailedCallsSpanHasItsErrorType() {
        Exchange out = template.send("direct:refused", e -> e.getMessage().setBody(PROMPT));
        assertThat(out.getException()).isNotNull();

        SpanData span = spans.producerSpan("sparkstream");
        assertThat(attribute(span, "error.type")).isEqualTo("auth");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertNothingSecret(span, PROMPT, "invalid-key");
    }

    @Test
    void whatGeneratesNothingHasNoGenAiAttributes() {
        Exchange out = template.send("direct:models", e -> e.getMessage().setBody(null));
        assertThat(out.getException()).isNull();

        SpanData span = spans.producerSpan("neospark");
        assertThat(span.getAttributes().asMap().keySet()).noneMatch(k -> k.getKey().startsWith("gen_ai."));
    }

    private static String attribute(SpanData span, String name) {
        return RecordedSpans.text(span, name);
    }
}
