package dev.camelspark.catalog;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulatorExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelspark.catalog.RecordedSpans.assertNothingSecret;
import static dev.camelspark.catalog.RecordedSpans.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracing as the README turns it on in Camel Main: the dependency, {@code camel.opentelemetry2.enabled = true} and the
 * application's OpenTelemetry {@code Tracer} as a bean; a YAML route's call to the emulator then has its GenAI span.
 */
class GenAiTracesInCamelMainTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    final RecordedSpans spans = new RecordedSpans();
    Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        spans.close();
    }

    @Test
    void thePropertyAloneTurnsOnTheGenAiSpans() {
        main = new Main();
        main.bind("tracer", spans.tracer());
        main.addInitialProperty("camel.opentelemetry2.enabled", "true");
        main.addInitialProperty("camel.main.routes-include-pattern", "classpath:traces/text-routes.yaml");
        main.addInitialProperty("camel.component.dynaspark.base-url", EMULATOR.baseUrl(Provider.DYNASPARK));
        main.start();

        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        Exchange out = template.send("direct:text", e -> e.getMessage().setBody(GenAiTracesTest.PROMPT));
        assertThat(out.getException()).isNull();

        SpanData span = spans.producerSpan("dynaspark");
        assertThat(span.getName()).isEqualTo("text_completion openai");
        assertThat(text(span, "gen_ai.request.model")).isEqualTo("openai");
        assertThat(text(span, "gen_ai.operation.name")).isEqualTo("text_completion");
        assertThat(text(span, "gen_ai.provider.name")).isEqualTo("dynaspark");
        assertThat(text(span, "gen_ai.response.model"))
                .isEqualTo(out.getMessage().getHeader("CamelSparkModel", String.class)).isNotBlank();
        assertThat(text(span, "gen_ai.usage.input_tokens"))
                .isEqualTo(out.getMessage().getHeader("CamelSparkPromptTokens", String.class)).isNotBlank();
        assertNothingSecret(span, GenAiTracesTest.PROMPT, null);
    }
}
