package dev.camelspark.sparkgpt;

import static dev.camelspark.support.SparkCallHeaders.setCallHeaders;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkResponse;
import org.apache.camel.Exchange;

/** {@code sparkgpt:training-data}: the model's training questions and answers, as a {@code List<TrainingRecord>}. */
class SparkGptTrainingDataProducer extends SparkProducerSupport {

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern(TrainingRecord.CREATED_AT_PATTERN);
    private static final List<Function<String, LocalDateTime>> CREATED_AT_FORMS = List.of(
            text -> LocalDateTime.parse(text, CREATED_AT),
            LocalDateTime::parse,
            text -> OffsetDateTime.parse(text).toLocalDateTime());

    private final SparkGptEndpoint endpoint;

    SparkGptTrainingDataProducer(SparkGptEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        SparkGptConfiguration config = endpoint.configurationFor(exchange);
        return endpoint.client().trainingData(config.getModelId()).thenAccept(answer -> {
            exchange.getMessage().setBody(records(answer));
            setCallHeaders(exchange, answer.rateLimit(), answer.attempts());
            SparkGptEndpoint.setModelHeaders(exchange, config, answer.rateLimit());
        });
    }

    private List<TrainingRecord> records(SparkResponse answer) {
        JsonNode json = answer.json();
        if (json == null || !json.isArray()) {
            throw unexpectedAnswer(answer, "a JSON array of training records");
        }
        List<TrainingRecord> records = new ArrayList<>(json.size());
        for (JsonNode entry : json) {
            Long modelId = whole(entry, "model_id");
            records.add(new TrainingRecord(whole(entry, "id"), modelId == null ? null : modelId.intValue(),
                    SparkJson.text(entry, "question"), SparkJson.text(entry, "answer"),
                    createdAt(SparkJson.text(entry, "created_at"))));
        }
        return records;
    }

    /** A whole number (or a text holding one), or {@code null} when it is missing or something else. */
    private static Long whole(JsonNode entry, String field) {
        String text = SparkJson.text(entry, field);
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code YYYY-MM-DD HH:MM:SS} as the contract says; ISO forms are taken too; anything else gives {@code null}. */
    static LocalDateTime createdAt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (Function<String, LocalDateTime> form : CREATED_AT_FORMS) {
            try {
                return form.apply(text.trim());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
