package dev.camelspark.sparkdream;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.testing.JsonPortability;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body and header value sparkdream produces goes through Camel's own JSON data format with its default Jackson
 * setup ({@code marshal().json()}, camel-jackson) and through {@code convertBodyTo(String)}: the image (bytes, URL or
 * file), the task id of submit, the task object of status, and what the tasks consumer hands out.
 */
class SparkDreamJsonResultsTest extends SparkDreamTestSupport {

    @TempDir
    static Path downloads;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new JsonPortability()
                .route("direct:generate", "sparkdream:generate")
                .route("direct:url", "sparkdream:generate?download=false")
                .route("direct:file", "sparkdream:generate?downloadDirectory=" + downloads)
                .route("direct:submit", "sparkdream:submit?taskGroup=json")
                .route("direct:status", "sparkdream:submit", "sparkdream:status")
                .route("sparkdream:tasks?taskGroup=json&delay=50");
    }

    @ParameterizedTest
    @CsvSource({ "direct:generate, STRING", "direct:url, STRING", "direct:file, STRING", "direct:submit, STRING",
        "direct:status, OBJECT" })
    void theResultAndItsHeadersMarshalToJsonAndConvertToText(String route, String jsonType) throws Exception {
        JsonNode json = JsonPortability.assertPortable(template,
                template.send(route, e -> e.getMessage().setBody("A lighthouse")));

        assertThat(json.getNodeType().name()).isEqualTo(jsonType);
    }

    @Test
    void whatTheTasksConsumerHandsOutMarshalsToo() throws Exception {
        MockEndpoint handedOut = getMockEndpoint(JsonPortability.MOCK);
        handedOut.expectedMessageCount(2); // the submit, then the hand-out

        template.sendBody("direct:submit", "A lighthouse");

        handedOut.assertIsSatisfied(10_000);
        JsonNode json = JsonPortability.assertPortable(template, handedOut.getReceivedExchanges().get(1));
        assertThat(json.isTextual()).as("the image, base64").isTrue();
    }
}
