package dev.camelspark.dynaspark;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.testing.JsonPortability;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body and header value dynaspark produces goes through Camel's own JSON data format with its default Jackson
 * setup ({@code marshal().json()}, camel-jackson) and through {@code convertBodyTo(String)}: text, streamed text,
 * JSON text, image bytes (base64 in JSON), the image URL, the image file (its path) and the speech.
 */
class DynaSparkJsonResultsTest extends DynaSparkTestSupport {

    @TempDir
    static Path downloads;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new JsonPortability()
                .route("direct:text", "dynaspark:text")
                .route("direct:stream", "dynaspark:text?stream=true")
                .route("direct:json", "dynaspark:text?json=true")
                .route("direct:image", "dynaspark:image?width=64&height=64")
                .route("direct:url", "dynaspark:image?download=false")
                .route("direct:file", "dynaspark:image?width=64&height=64&downloadDirectory=" + downloads)
                .route("direct:audio", "dynaspark:audio");
    }

    @ParameterizedTest
    @ValueSource(strings = { "direct:text", "direct:stream", "direct:json", "direct:image", "direct:url", "direct:file",
        "direct:audio" })
    void theResultAndItsHeadersMarshalToJsonAndConvertToText(String route) throws Exception {
        JsonNode json = JsonPortability.assertPortable(template,
                template.send(route, e -> e.getMessage().setBody("A fox at dawn")));

        assertThat(json.isTextual()).as(json.toString()).isTrue();
        assertThat(json.asText()).isNotBlank();
    }
}
