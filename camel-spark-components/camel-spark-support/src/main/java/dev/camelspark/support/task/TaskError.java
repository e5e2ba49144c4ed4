package dev.camelspark.support.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.http.SparkJson;

/**
 * Why a task failed, as a provider's task object says it: {@code error} comes as a string, as
 * {@code {"code", "error_message"}} or as {@code {"code", "message"}} (api-contracts.md §4); any part may be missing.
 *
 * @param code    the provider's error code, or null
 * @param message the provider's message, or null
 */
public record TaskError(String code, String message) {

    /** Neither code nor message. */
    public static final TaskError NONE = new TaskError(null, null);

    /** Reads {@code error} in any of its three shapes; a missing or null one is {@link #NONE}. */
    public static TaskError of(JsonNode error) {
        if (error == null || error.isNull() || error.isMissingNode()) {
            return NONE;
        }
        if (error.isObject()) {
            String message = SparkJson.text(error, "error_message");
            return new TaskError(SparkJson.text(error, "code"), message != null ? message : SparkJson.text(error, "message"));
        }
        return error.isValueNode() ? new TaskError(null, error.asText()) : new TaskError(null, error.toString());
    }

    public boolean isEmpty() {
        return code == null && message == null;
    }
}
