package dev.camelspark.support.task;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one answer of a provider says about a task (its create answer or a status read), in the same terms for every
 * provider. Each component's mapper builds it from the provider's JSON.
 *
 * @param taskId        the provider's id of the task
 * @param status        the status as the provider wrote it ({@code pending}, {@code in_progress}, ...)
 * @param state         what that status means
 * @param progress      0-100, or null when the provider did not say
 * @param mediaUrls     absolute URLs of the results, when completed
 * @param cost          what the task cost (USD or credits, as the provider counts), when known
 * @param errorCode     the provider's error code, when failed
 * @param errorMessage  the provider's error message, when failed
 * @param resultHeaders further result headers to set (e.g. {@code CamelSparkModel}); JSON-safe values only, nulls dropped
 * @param raw           the provider's task object, as answered
 */
public record TaskSnapshot(String taskId, String status, TaskState state, Integer progress, List<String> mediaUrls,
                           BigDecimal cost, String errorCode, String errorMessage, Map<String, Object> resultHeaders,
                           JsonNode raw) {

    public TaskSnapshot {
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
        resultHeaders = TaskRecord.withoutNulls(resultHeaders);
    }

    /** Clamps a progress value to 0-100; null stays null. */
    public static Integer progress(Double percent) {
        if (percent == null || percent.isNaN()) {
            return null;
        }
        return (int) Math.max(0, Math.min(100, Math.round(percent)));
    }
}
