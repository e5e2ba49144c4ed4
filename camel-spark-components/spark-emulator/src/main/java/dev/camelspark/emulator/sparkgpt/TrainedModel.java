package dev.camelspark.emulator.sparkgpt;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A SparkGPT model: its name (used in answers it was not trained for) and its training Q&A. */
public record TrainedModel(@JsonProperty("name") String name, @JsonProperty("training") List<TrainingEntry> training) {

    @JsonCreator
    public TrainedModel {
        name = name == null ? "Trained model" : name;
        training = training == null ? List.of() : List.copyOf(training);
    }
}
