package dev.camelspark.sparkgpt;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a {@code sparkgpt:} endpoint does; {@link #uriName()} is how the URI spells it. */
public enum SparkGptOperation {
    /** Chat with a trained model: message in, answer out ({@code stream=true} streams it). */
    chat("chat"),
    /** The model's training questions and answers: a {@code List<TrainingRecord>}. */
    trainingData("training-data");

    private final String uriName;

    SparkGptOperation(String uriName) {
        this.uriName = uriName;
    }

    public String uriName() {
        return uriName;
    }

    /** The operation a URI names, or an error listing the allowed ones. */
    static SparkGptOperation fromUri(String name) {
        for (SparkGptOperation op : values()) {
            if (op.uriName.equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("sparkgpt: unknown operation '" + name + "'; allowed: " + allowed());
    }

    static String allowed() {
        return Arrays.stream(values()).map(SparkGptOperation::uriName).collect(Collectors.joining(", "));
    }
}
