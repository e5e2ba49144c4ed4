package dev.camelspark.sparkgpt;

import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateTimeSerializer;

/**
 * One trained question and answer of a SparkGPT model, as {@code sparkgpt:training-data} returns them. Any field the
 * service leaves out is {@code null}. It goes through any Jackson {@code ObjectMapper}, Camel's default one included
 * ({@code marshal().json()}): {@code createdAt} is written as the service writes it, {@code "2024-01-01 10:00:00"},
 * without needing Jackson's Java time module.
 *
 * @param id        the entry's id
 * @param modelId   the model it trains
 * @param createdAt when it was added, in the service's local time (it sends {@code YYYY-MM-DD HH:MM:SS} without a
 *                  zone)
 */
public record TrainingRecord(Long id, Integer modelId, String question, String answer,
                             @JsonFormat(pattern = TrainingRecord.CREATED_AT_PATTERN)
                             @JsonSerialize(using = LocalDateTimeSerializer.class)
                             @JsonDeserialize(using = LocalDateTimeDeserializer.class)
                             LocalDateTime createdAt) {

    /** How the service writes {@code created_at}, and how it is written back. */
    public static final String CREATED_AT_PATTERN = "yyyy-MM-dd HH:mm:ss";
}
