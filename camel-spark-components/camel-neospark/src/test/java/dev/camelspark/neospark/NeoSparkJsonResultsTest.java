package dev.camelspark.neospark;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.testing.JsonPortability;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body and header value neospark produces goes through Camel's own JSON data format with its default Jackson
 * setup ({@code marshal().json()}, camel-jackson) and through {@code convertBodyTo(String)}: media (bytes, URL,
 * file), ids, task objects, the model maps and the listings.
 */
class NeoSparkJsonResultsTest extends NeoSparkTestSupport {

    @TempDir
    static Path downloads;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new JsonPortability()
                .route("direct:image", "neospark:image?numImages=2")
                .route("direct:video", "neospark:video?downloadDirectory=" + downloads)
                .route("direct:videoUrl", "neospark:video?download=false")
                .route("direct:imageSubmit", "neospark:image-submit")
                .route("direct:status", "neospark:video-submit", "neospark:status")
                .route("direct:cancel", "neospark:video-submit", "neospark:video-cancel")
                .route("direct:upload", "neospark:upload")
                .route("direct:models", "neospark:models")
                .route("direct:videoModels", "neospark:video-models")
                .route("direct:sessions", "neospark:image", "neospark:sessions")
                .route("direct:userImages", "neospark:image", "neospark:user-images")
                .route("direct:billing", "neospark:image", "neospark:billing-history");
    }

    @ParameterizedTest
    @CsvSource({ "direct:image, STRING", "direct:video, STRING", "direct:videoUrl, STRING",
        "direct:imageSubmit, STRING", "direct:status, OBJECT", "direct:cancel, OBJECT", "direct:upload, STRING",
        "direct:models, OBJECT", "direct:videoModels, OBJECT", "direct:sessions, ARRAY", "direct:userImages, ARRAY",
        "direct:billing, ARRAY" })
    void theResultAndItsHeadersMarshalToJsonAndConvertToText(String route, String jsonType) throws Exception {
        Object body = route.equals("direct:upload") ? PNG : "A corgi on the beach";
        JsonNode json = JsonPortability.assertPortable(template, template.send(route, e -> e.getMessage().setBody(body)));

        assertThat(json.getNodeType().name()).isEqualTo(jsonType);
        assertThat(json.isContainerNode() && json.isEmpty()).as("something in it: %s", json).isFalse();
    }
}
