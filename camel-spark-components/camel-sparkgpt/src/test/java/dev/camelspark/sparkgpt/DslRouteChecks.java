package dev.camelspark.sparkgpt;

import java.util.List;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.support.SparkConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks every DSL's copy of the routes must pass; {@code prefix} is "yaml" or "xml". */
final class DslRouteChecks {

    static final String KEY = "dsl-key";

    private DslRouteChecks() {
    }

    static void chat(ProducerTemplate template, SparkEmulator emulator, String prefix) {
        Exchange out = template.send("direct:" + prefix + "-chat", e -> e.getMessage().setBody("What is your favorite tea?"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo("I love green tea");
        assertThat(out.getMessage().getHeader(SparkConstants.MODEL)).isEqualTo("5");
        RecordedRequest call = emulator.requests(Provider.SPARKGPT).get(0);
        assertThat(call.path()).isEqualTo("/api/askoutside");
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + KEY);
    }

    static void stream(ProducerTemplate template, CamelContext context, String prefix) {
        MockEndpoint deltas = context.getEndpoint("mock:" + prefix + "-deltas", MockEndpoint.class);
        deltas.reset();

        Exchange out = template.send("direct:" + prefix + "-stream", e -> e.getMessage().setBody("What is Apache Camel?"));

        assertThat(out.getException()).isNull();
        assertThat(deltas.getReceivedCounter()).isGreaterThan(1);
        String joined = deltas.getReceivedExchanges().stream().map(e -> e.getMessage().getBody(String.class))
                .reduce("", String::concat);
        assertThat(joined).startsWith("Apache Camel is an open-source integration framework");
    }

    static void trainingData(ProducerTemplate template, String prefix) {
        Exchange out = template.send("direct:" + prefix + "-training", e -> { });

        assertThat(out.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<TrainingRecord> records = out.getMessage().getBody(List.class);
        assertThat(records).extracting(TrainingRecord::answer).contains("I love green tea");
    }

    static void errors(ProducerTemplate template, SparkEmulator emulator, String prefix) {
        emulator.faults().add(Fault.respond(403, "{\"error\":\"You don't have permission\"}").on(Provider.SPARKGPT).times(1));

        Exchange out = template.send("direct:" + prefix + "-errors", e -> e.getMessage().setBody("Hello"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("failed: AUTH 403");
    }
}
