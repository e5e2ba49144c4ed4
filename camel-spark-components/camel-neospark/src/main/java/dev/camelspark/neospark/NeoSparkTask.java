package dev.camelspark.neospark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.task.TaskError;
import dev.camelspark.support.task.TaskSnapshot;
import dev.camelspark.support.task.TaskState;

/**
 * An image generation (NeoSpark's "message") or a video task, as {@code neospark:status} and
 * {@code neospark:video-cancel} return it. Only the id and the status are relied on; every other field may be
 * missing from the service's answer and is then null (an image's progress: 0, or 100 once completed).
 *
 * @param type          {@code image} or {@code video}
 * @param status        as the service said it: pending, generating or processing, completed, failed, cancelled (or
 *                      a status this version does not know, which means still running)
 * @param progress      0-100 for videos; for images 100 once completed, else 0
 * @param mediaUrls     the results, absolute (relative URLs resolved against the base URL without /api/v1)
 * @param estimatedCost credits, as estimated when the task was created
 * @param actualCost    credits charged, once the service says
 * @param errorCode     the provider's code of a failed task, when it gives one
 * @param errorMessage  why the task failed or was cancelled
 * @param sessionId     the drawing session of an image, when the service says
 */
public record NeoSparkTask(String id, String type, String status, Integer progress, List<String> mediaUrls,
                           BigDecimal estimatedCost, BigDecimal actualCost, String errorCode, String errorMessage,
                           String model, String sessionId, String createdAt, String completedAt) {

    public static final String IMAGE = "image";
    public static final String VIDEO = "video";

    /** Completed, failed or cancelled: polling it again changes nothing. */
    public boolean isFinal() {
        return isCompleted() || isFailed() || isCancelled();
    }

    public boolean isCompleted() {
        return "completed".equals(normalised());
    }

    public boolean isFailed() {
        return "failed".equals(normalised());
    }

    public boolean isCancelled() {
        String s = normalised();
        return "cancelled".equals(s) || "canceled".equals(s);
    }

    private String normalised() {
        return status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
    }

    /** An image generation from {@code GET /drawing/messages/{id}}. */
    static NeoSparkTask ofImage(JsonNode data, UnaryOperator<String> resolve) {
        List<String> urls = new ArrayList<>();
        JsonNode images = data.get("images");
        if (images != null && images.isArray()) {
            for (JsonNode image : images) {
                String url = image.isTextual() ? image.asText() : SparkJson.text(image, "url");
                if (url != null && !url.isBlank()) {
                    urls.add(resolve.apply(url));
                }
            }
        }
        String status = SparkJson.text(data, "status");
        Integer progress = intOf(data.get("progress"));
        if (progress == null) {
            progress = "completed".equalsIgnoreCase(status) ? 100 : 0;
        }
        TaskError error = error(data);
        return new NeoSparkTask(SparkJson.text(data, "message_id"), IMAGE, status, progress, List.copyOf(urls),
                decimal(data.get("estimated_cost")), decimal(data.get("actual_cost")), error.code(), error.message(),
                SparkJson.text(data, "model"), SparkJson.text(data, "session_id"), SparkJson.text(data, "created_at"),
                SparkJson.text(data, "completed_at"));
    }

    /** A video task from {@code GET /video/generations/{id}} (or the answer of a cancel). */
    static NeoSparkTask ofVideo(JsonNode data, UnaryOperator<String> resolve) {
        String url = SparkJson.text(data, "video_url");
        TaskError error = error(data);
        return new NeoSparkTask(SparkJson.text(data, "task_id"), VIDEO, SparkJson.text(data, "status"),
                intOf(data.get("progress")), url == null || url.isBlank() ? List.of() : List.of(resolve.apply(url)),
                decimal(data.get("estimated_cost")), decimal(data.get("actual_cost")), error.code(), error.message(),
                SparkJson.text(data, "model"), null, SparkJson.text(data, "created_at"),
                SparkJson.text(data, "completed_at"));
    }

    /**
     * Why it failed: {@code error_msg} and {@code error_code} as the contract says, else an {@code error} field in
     * any of the shapes a gateway may answer ({@link TaskError}).
     */
    private static TaskError error(JsonNode data) {
        String message = SparkJson.text(data, "error_msg");
        String code = SparkJson.text(data, "error_code");
        if (message != null || code != null) {
            return new TaskError(code, message);
        }
        JsonNode nested = data.get("error_msg");
        return TaskError.of(nested != null && nested.isObject() ? nested : data.get("error"));
    }

    /** Where the task stands, in the shared terms: statuses this version does not know mean still running. */
    TaskState state() {
        if (isCompleted()) {
            return TaskState.COMPLETED;
        }
        if (isFailed()) {
            return TaskState.FAILED;
        }
        return isCancelled() ? TaskState.CANCELLED : TaskState.RUNNING;
    }

    /** NeoSpark's own result headers: model, message id, session, estimated cost, every media URL. */
    Map<String, Object> resultHeaders() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(SparkConstants.MODEL, model);
        if (IMAGE.equals(type)) {
            headers.put(NeoSparkConstants.MESSAGE_ID, id);
        }
        headers.put(NeoSparkConstants.SESSION_ID, sessionId);
        headers.put(NeoSparkConstants.ESTIMATED_COST, estimatedCost);
        if (!mediaUrls.isEmpty()) {
            headers.put(NeoSparkConstants.MEDIA_URLS, mediaUrls);
        }
        headers.values().removeIf(java.util.Objects::isNull);
        return headers;
    }

    /** The task in the task machinery's terms, for polling and the task store. */
    TaskSnapshot toSnapshot(JsonNode raw) {
        return new TaskSnapshot(id, status, state(), progress, mediaUrls, actualCost, errorCode, errorMessage,
                resultHeaders(), raw);
    }

    private static Integer intOf(JsonNode node) {
        if (node == null || node.isNull() || !(node.isNumber() || node.isTextual())) {
            return null;
        }
        try {
            int v = (int) Math.round(Double.parseDouble(node.asText()));
            return Math.max(0, Math.min(100, v));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || !(node.isNumber() || node.isTextual())) {
            return null;
        }
        try {
            return new BigDecimal(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
