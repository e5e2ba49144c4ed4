package dev.camelspark.catalog;

import java.util.List;

import dev.camelspark.emulator.Provider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The components' metrics in the OpenTelemetry GenAI vocabulary, read from a Micrometer Prometheus registry (what
 * Camel Main's metrics endpoint scrapes) bound in Camel's registry, after real calls to the emulator: duration, input and output tokens (never a total),
 * the time to the first chunk of a stream, the cost per provider and model, and the task counters.
 */
class GenAiMetricsTest extends QuickTasksTestSupport {

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", meters);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String stream = EMULATOR.baseUrl(Provider.SPARKSTREAM);
                from("direct:chat").to("sparkstream:chat?model=spark-pro&apiKey=stream-key&baseUrl=" + stream);
                from("direct:streamed").to("sparkstream:chat?stream=true&apiKey=stream-key&baseUrl=" + stream)
                        .convertBodyTo(String.class);
                from("direct:refused").to("sparkstream:chat?apiKey=invalid-key&baseUrl=" + stream);
                from("direct:dream").to("sparkdream:generate?download=false&apiKey=dream-key&baseUrl="
                                        + EMULATOR.baseUrl(Provider.SPARKDREAM));
                from("direct:models").to("neospark:models?apiKey=np_metrics&baseUrl="
                                         + EMULATOR.baseUrl(Provider.NEOSPARK));
            }
        };
    }

    @Test
    void aChatRecordsItsDurationItsInputAndOutputTokensAndItsCost() {
        Exchange out = template.send("direct:chat", e -> e.getMessage().setBody("Why do camels have humps?"));
        assertThat(out.getException()).isNull();

        Timer duration = meters.get("gen_ai.client.operation.duration").tag("gen_ai.operation.name", "chat")
                .tag("gen_ai.provider.name", "sparkstream").tag("gen_ai.request.model", "spark-pro").timer();
        assertThat(duration.count()).isEqualTo(1);
        assertThat(duration.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();

        int input = out.getMessage().getHeader("CamelSparkPromptTokens", Integer.class);
        int output = out.getMessage().getHeader("CamelSparkCompletionTokens", Integer.class);
        assertThat(tokens("input").totalAmount()).isEqualTo(input);
        assertThat(tokens("output").totalAmount()).isEqualTo(output);
        assertThat(meters.find("gen_ai.client.token.usage").meters()).extracting(m -> m.getId().getTag("gen_ai.token.type"))
                .containsExactlyInAnyOrder("input", "output"); // never a total

        Counter cost = meters.get("camel.spark.cost").tag("gen_ai.provider.name", "sparkstream")
                .tag("gen_ai.request.model", "spark-pro").tag("camel.spark.cost.unit", "USD").counter();
        assertThat(cost.count()).isEqualTo(out.getMessage().getHeader("CamelSparkCost", Double.class));
        assertThat(meters.find("gen_ai.client.operation.time_to_first_chunk").meters()).isEmpty();
    }

    @Test
    void theRequestModelIsTheOneTheMessageHeaderAskedFor() {
        Exchange out = template.send("direct:chat", e -> {
            e.getMessage().setBody("Why do camels have humps?");
            e.getMessage().setHeader("CamelSparkStreamModel", "spark-turbo");
        });
        assertThat(out.getException()).isNull();

        assertThat(meters.get("gen_ai.client.operation.duration").tag("gen_ai.request.model", "spark-turbo").timer()
                .count()).isEqualTo(1);
        assertThat(meters.get("camel.spark.cost").tag("gen_ai.request.model", "spark-turbo").counter().count())
                .isPositive();
        assertThat(meters.find("gen_ai.client.operation.duration").tag("gen_ai.request.model", "spark-pro").meters())
                .isEmpty();
    }

    @Test
    void aStreamRecordsItsTimeToFirstChunkAndLastsUntilItsEnd() {
        Exchange out = template.send("direct:streamed", e -> e.getMessage().setBody("Tell me about camels"));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isNotBlank();

        Timer first = meters.get("gen_ai.client.operation.time_to_first_chunk").tag("gen_ai.provider.name", "sparkstream")
                .tag("gen_ai.request.model", "spark-1").timer();
        Timer duration = meters.get("gen_ai.client.operation.duration").tag("gen_ai.provider.name", "sparkstream")
                .timer();
        assertThat(first.count()).isEqualTo(1);
        assertThat(duration.count()).isEqualTo(1);
        assertThat(first.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                .isPositive().isLessThanOrEqualTo(duration.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS));
        // the usage of a stream comes in its last chunk, read after the producer finished
        assertThat(tokens("output").totalAmount()).isPositive();
    }

    @Test
    void aFailedCallIsTimedWithItsErrorType() {
        Exchange out = template.send("direct:refused", e -> e.getMessage().setBody("hello"));
        assertThat(out.getException()).isNotNull();

        Timer failed = meters.get("gen_ai.client.operation.duration").tag("error.type", "auth").timer();
        assertThat(failed.count()).isEqualTo(1);
        assertThat(meters.find("gen_ai.client.token.usage").meters()).isEmpty();
    }

    @Test
    void aFailedCallAfterASuccessfulOneIsScrapedToo() {
        assertThat(template.send("direct:chat", e -> e.getMessage().setBody("hello")).getException()).isNull();
        assertThat(template.send("direct:refused", e -> e.getMessage().setBody("hello")).getException()).isNotNull();

        // Prometheus takes one set of tag keys per meter name: the failure's error.type must not make a second set
        assertThat(meters.get("gen_ai.client.operation.duration").timers()).hasSize(2)
                .allSatisfy(t -> assertThat(t.count()).isEqualTo(1));
        assertThat(meters.scrape()).contains("error_type=\"auth\"").contains("error_type=\"\"");
    }

    @Test
    void aTaskCountsAsInFlightThenCompletedAndItsCostIsCounted() {
        Exchange out = template.send("direct:dream", e -> e.getMessage().setBody("a camel at dawn"));
        assertThat(out.getException()).isNull();

        Counter completed = meters.get("camel.spark.tasks.completed").tag("gen_ai.provider.name", "sparkdream").counter();
        Gauge inFlight = meters.get("camel.spark.tasks.in_flight").tag("gen_ai.provider.name", "sparkdream").gauge();
        assertThat(completed.count()).isEqualTo(1);
        assertThat(inFlight.value()).isZero();
        assertThat(meters.find("camel.spark.tasks.failed").meters()).isEmpty();
        Counter cost = meters.get("camel.spark.cost").tag("gen_ai.provider.name", "sparkdream")
                .tag("gen_ai.request.model", "spark_dream_3_0").counter();
        assertThat(cost.count()).isEqualTo(out.getMessage().getHeader("CamelSparkCost", Double.class)).isPositive();
        assertThat(meters.get("gen_ai.client.operation.duration").tag("gen_ai.operation.name", "generate_content")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void whatGeneratesNothingIsNotAGenAiOperation() {
        Exchange out = template.send("direct:models", e -> e.getMessage().setBody(null));
        assertThat(out.getException()).isNull();

        List<Meter> genAi = meters.getMeters().stream().filter(m -> m.getId().getName().startsWith("gen_ai.")).toList();
        assertThat(genAi).isEmpty();
    }

    private DistributionSummary tokens(String type) {
        return meters.get("gen_ai.client.token.usage").tag("gen_ai.token.type", type).summary();
    }
}
