package dev.camelspark.sparkgpt;

import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.support.testing.JsonPortability;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body and header value sparkgpt produces goes through Camel's own JSON data format with its default Jackson
 * setup ({@code marshal().json()}, camel-jackson) and through {@code convertBodyTo(String)}.
 */
class SparkGptJsonResultsTest extends SparkGptTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new JsonPortability()
                .route("direct:training", "sparkgpt:training-data?modelId=5")
                .route("direct:chat", "sparkgpt:chat?modelId=5")
                .route("direct:stream", "sparkgpt:chat?modelId=5&stream=true");
    }

    private JsonNode portable(String route, Object body) throws Exception {
        return JsonPortability.assertPortable(template, template.send(route, e -> e.getMessage().setBody(body)));
    }

    @Test
    void trainingRecordsMarshalWithTheServicesTimestampsAndReadBack() throws Exception {
        JsonNode json = portable("direct:training", null);

        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("question").asText()).isEqualTo("What is your favorite tea?");
        assertThat(json.get(0).get("createdAt").asText()).isEqualTo("2024-01-01 10:00:00");
        assertThat(json.get(0).get("modelId").asInt()).isEqualTo(5);
        assertThat(new ObjectMapper().readValue(json.get(0).toString(), TrainingRecord.class))
                .as("read back by a plain ObjectMapper").isEqualTo(new TrainingRecord(1L, 5,
                        "What is your favorite tea?", "I love green tea", LocalDateTime.of(2024, 1, 1, 10, 0)));
    }

    @Test
    void trainingRecordsConvertToText() {
        List<?> records = template.requestBody("sparkgpt:training-data?modelId=5", null, List.class);
        String text = context.getTypeConverter().convertTo(String.class, records);
        assertThat(text).contains("What is your favorite tea?").contains("2024-01-01");
    }

    @Test
    void chatAnswersAndStreamsMarshalAsTheAnswersText() throws Exception {
        assertThat(portable("direct:chat", "What is your favorite tea?").isTextual()).isTrue();
        JsonNode streamed = portable("direct:stream", "What is your favorite tea?");
        assertThat(streamed.isTextual()).as("the whole answer, not the stream's getters: %s", streamed).isTrue();
        assertThat(streamed.asText()).isNotBlank();
    }
}
