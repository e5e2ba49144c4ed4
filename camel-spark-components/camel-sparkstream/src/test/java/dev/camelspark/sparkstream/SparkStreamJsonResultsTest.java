package dev.camelspark.sparkstream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.testing.JsonPortability;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer, plain or streamed, and every header value (cost, tokens, finish reason, ...) go through Camel's own
 * JSON data format with its default Jackson setup and through {@code convertBodyTo(String)}.
 */
class SparkStreamJsonResultsTest extends SparkStreamTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new JsonPortability()
                .route("direct:chat", "sparkstream:chat")
                .route("direct:stream", "sparkstream:chat?stream=true");
    }

    @ParameterizedTest
    @ValueSource(strings = { "direct:chat", "direct:stream" })
    void theAnswerAndItsHeadersMarshalToJsonAndConvertToText(String route) throws Exception {
        JsonNode json = JsonPortability.assertPortable(template,
                template.send(route, e -> e.getMessage().setBody("Hello!")));

        assertThat(json.isTextual()).as(json.toString()).isTrue();
        assertThat(json.asText()).isNotBlank();
    }
}
