package dev.camelspark.emulator.sparkgpt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One trained question and answer of a SparkGPT model; {@code createdAt} is "YYYY-MM-DD HH:MM:SS" as the vendor sends. */
public record TrainingEntry(@JsonProperty("id") long id, @JsonProperty("question") String question,
        @JsonProperty("answer") String answer, @JsonProperty("created_at") String createdAt) {

    @JsonCreator
    public TrainingEntry {
        if (question == null || answer == null) {
            throw new IllegalArgumentException("a training entry needs a question and an answer");
        }
        createdAt = createdAt == null ? "2024-01-01 10:00:00" : createdAt;
    }
}
