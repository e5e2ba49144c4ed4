package dev.camelspark.catalog;

import java.time.Duration;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The spans a test's real OpenTelemetry SDK tracer ended, kept in its in-memory exporter. */
final class RecordedSpans implements AutoCloseable {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();

    io.opentelemetry.api.trace.Tracer tracer() {
        return provider.get("camel-spark-test");
    }

    /** The one span of the call to {@code scheme} (the route's span is another, of the direct endpoint). */
    SpanData producerSpan(String scheme) {
        await().atMost(Duration.ofSeconds(30)).until(() -> exporter.getFinishedSpanItems().stream()
                .anyMatch(s -> scheme.equals(text(s, "url.scheme"))));
        List<SpanData> matching = exporter.getFinishedSpanItems().stream()
                .filter(s -> scheme.equals(text(s, "url.scheme"))).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    /** The attribute as text, whichever type the tracing SPI gave it; {@code null} when absent. */
    static String text(SpanData span, String name) {
        return span.getAttributes().asMap().entrySet().stream().filter(e -> e.getKey().getKey().equals(name))
                .map(e -> String.valueOf(e.getValue())).findFirst().orElse(null);
    }

    static Long number(SpanData span, String name) {
        return span.getAttributes().get(AttributeKey.longKey(name));
    }

    /** Neither the prompt nor the key is in the span's name, attributes or events. */
    static void assertNothingSecret(SpanData span, String prompt, String key) {
        assertThat(span.getName()).doesNotContain(prompt);
        assertThat(span.getAttributes().asMap().values()).extracting(String::valueOf)
                .noneMatch(v -> v.contains(prompt)).noneMatch(v -> key != null && v.contains(key));
        span.getEvents().forEach(e -> assertThat(e.getAttributes().asMap().values()).extracting(String::valueOf)
                .noneMatch(v -> v.contains(prompt)).noneMatch(v -> key != null && v.contains(key)));
    }

    @Override
    public void close() {
        provider.close();
    }
}
