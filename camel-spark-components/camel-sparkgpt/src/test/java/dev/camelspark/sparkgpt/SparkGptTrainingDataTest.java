package dev.camelspark.sparkgpt;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.sparkgpt.TrainedModel;
import dev.camelspark.emulator.sparkgpt.TrainingEntry;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkAuthenticationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SparkGptTrainingDataTest extends SparkGptTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:training").to("sparkgpt:training-data?modelId=5");
            }
        };
    }

    @Test
    void theModelsTrainingComesAsTypedRecords() {
        Exchange out = send("direct:training", null);

        assertThat(out.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<TrainingRecord> records = out.getMessage().getBody(List.class);
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.modelId()).isEqualTo(5));
        assertThat(records.get(0)).isEqualTo(new TrainingRecord(1L, 5, "What is your favorite tea?", "I love green tea",
                LocalDateTime.of(2024, 1, 1, 10, 0, 0)));
        assertThat(out.getMessage().getHeader(SparkConstants.MODEL)).isEqualTo("5");
        assertThat(out.getMessage().getHeader(SparkGptConstants.RATE_LIMIT_LIMIT, Long.class)).isEqualTo(1000L);

        var call = calls("/api/getModelTrain").get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(call.bodyJson().size()).isEqualTo(1);
        assertThat(call.bodyJson().get("model_id").asInt()).isEqualTo(5);
    }

    @Test
    void theModelCanComeFromAHeaderAndWhatItWasTrainedOnIsWhatItAnswers() {
        emulator().sparkgpt().model(9, new TrainedModel("Oasis", List.of(
                new TrainingEntry(90, "Where is the nearest oasis?", "Two days east, past the red dunes.",
                        "2025-03-04 05:06:07"))));

        Exchange training = template.send("direct:training",
                e -> e.getMessage().setHeader(SparkGptConstants.OVERRIDE_MODEL_ID, "9"));
        @SuppressWarnings("unchecked")
        TrainingRecord record = ((List<TrainingRecord>) training.getMessage().getBody(List.class)).get(0);
        String answer = template.requestBody("sparkgpt:chat?modelId=9", record.question(), String.class);

        assertThat(record.createdAt()).isEqualTo(LocalDateTime.of(2025, 3, 4, 5, 6, 7));
        assertThat(answer).isEqualTo(record.answer());
    }

    @Test
    void anEmptyTrainingIsAnEmptyList() {
        emulator().sparkgpt().model(8, new TrainedModel("Blank", List.of()));

        Exchange out = template.send("direct:training",
                e -> e.getMessage().setHeader(SparkGptConstants.OVERRIDE_MODEL_ID, 8));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(List.class)).isEmpty();
    }

    @Test
    void aModelOfAnotherKeyIs403() {
        emulator().sparkgpt().ownership(KEY, Set.of(1));

        Exchange out = send("direct:training", null);

        assertThat(out.getException()).isInstanceOf(SparkAuthenticationException.class);
        assertThat(category(out)).isEqualTo("AUTH");
        assertThat(emulator().requests(Provider.SPARKGPT)).hasSize(1);
    }

    @Test
    void createdAtIsReadInTheContractsFormAndInIsoForms() {
        assertThat(SparkGptTrainingDataProducer.createdAt("2024-01-01 10:00:00"))
                .isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0));
        assertThat(SparkGptTrainingDataProducer.createdAt("2024-01-01T10:00:00.5"))
                .isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0, 0, 500_000_000));
        assertThat(SparkGptTrainingDataProducer.createdAt("2024-01-01T10:00:00Z"))
                .isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0));
        assertThat(SparkGptTrainingDataProducer.createdAt("yesterday")).isNull();
        assertThat(SparkGptTrainingDataProducer.createdAt(null)).isNull();
    }
}
