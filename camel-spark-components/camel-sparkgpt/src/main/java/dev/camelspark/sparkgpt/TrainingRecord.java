package dev.camelspark.sparkgpt;

import java.time.LocalDateTime;

/**
 * One trained question and answer of a SparkGPT model, as {@code sparkgpt:training-data} returns them.
 *
 * @param createdAt when it was added, in the service's local time (it sends {@code YYYY-MM-DD HH:MM:SS} without a
 *                  zone); {@code null} when the service did not say
 */
public record TrainingRecord(long id, int modelId, String question, String answer, LocalDateTime createdAt) {
}
