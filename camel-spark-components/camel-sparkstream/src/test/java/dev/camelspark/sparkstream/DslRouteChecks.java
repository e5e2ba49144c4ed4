package dev.camelspark.sparkstream;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
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
        List<Map<String, String>> conversation = List.of(
                Map.of("role", "user", "content", "Name a desert animal."),
                Map.of("role", "assistant", "content", "The camel."),
                Map.of("role", "user", "content", "Why does it have a hump?"));

        Exchange out = template.send("direct:" + prefix + "-chat", e -> e.getMessage().setBody(conversation));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isNotBlank();
        assertThat(out.getMessage().getHeader(SparkConstants.COST)).isNotNull();
        JsonNode sent = emulator.requests(Provider.SPARKSTREAM).get(0).bodyJson();
        assertThat(sent.get("model").asText()).isEqualTo("spark-pro");
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(60);
        assertThat(sent.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(sent.get("messages").size()).isEqualTo(4);
        assertThat(sent.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(emulator.requests(Provider.SPARKSTREAM).get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
    }

    static void stream(ProducerTemplate template, CamelContext context, String prefix) {
        MockEndpoint deltas = context.getEndpoint("mock:" + prefix + "-deltas", MockEndpoint.class);
        deltas.reset();

        Exchange out = template.send("direct:" + prefix + "-stream", e -> e.getMessage().setBody("Tell me a story"));

        assertThat(out.getException()).isNull();
        assertThat(deltas.getReceivedCounter()).isGreaterThan(1);
        // finish reason, total tokens and cost, known once the split had read the stream to its end
        assertThat(out.getMessage().getBody(String.class)).matches("stop \\d+ 0\\.\\d+");
    }

    static void errors(ProducerTemplate template, SparkEmulator emulator, String prefix) {
        emulator.faults().add(Fault.respond(401).on(Provider.SPARKSTREAM).times(1));

        Exchange out = template.send("direct:" + prefix + "-errors", e -> e.getMessage().setBody("Hello"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("failed: AUTH invalid_api_key");
    }
}
