package dev.camelspark.emulator.neospark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.TaskView;

/**
 * How image and video task objects are written under the switches {@link NeoSparkSettings#minimalTasks()} and
 * {@link NeoSparkSettings#errorShape()}: the failure reason in the contract's {@code error_msg} (with
 * {@code error_code}) or in an {@code error} field of another shape, and, when minimal, only the fields a client can
 * rely on; and the fields image and video tasks write alike.
 */
final class TaskShapes {

    /** What a minimal image task keeps: its id, status, result URLs and failure. */
    private static final Set<String> IMAGE_FIELDS = Set.of("message_id", "status", "images", "error_msg", "error");
    /** What a minimal video task keeps. */
    private static final Set<String> VIDEO_FIELDS = Set.of("task_id", "status", "video_url", "error_msg", "error");

    private final NeoSparkSettings settings;

    TaskShapes(NeoSparkSettings settings) {
        this.settings = settings;
    }

    /** Writes why a task failed or was cancelled, in the configured shape; nothing (or nulls) while it runs. */
    void putError(ObjectNode out, TaskView view) {
        String message = switch (view.state()) {
            case FAILED -> view.message() == null ? "Generation failed" : view.message();
            case CANCELLED -> "Task cancelled";
            default -> null;
        };
        String code = view.state() == TaskView.State.FAILED ? view.code() : null;
        NeoSparkSettings.ErrorShape shape = settings.errorShape();
        if (message == null) {
            out.putNull("error_msg");
            return;
        }
        if (shape == NeoSparkSettings.ErrorShape.ERROR_MSG) {
            out.put("error_msg", message).put("error_code", code);
            return;
        }
        out.set("error", switch (shape) {
            case ERROR_MESSAGE -> Json.object().put("code", code).put("error_message", message);
            case MESSAGE -> Json.object().put("code", code).put("message", message);
            default -> Json.MAPPER.getNodeFactory().textNode(message);
        });
    }

    /** The image task as answered: whole, or only its id, status, image URLs and failure. */
    ObjectNode image(ObjectNode full) {
        if (!settings.minimalTasks()) {
            return full;
        }
        ObjectNode out = keep(full, IMAGE_FIELDS);
        JsonNode urls = out.get("images");
        if (urls == null || urls.isEmpty()) {
            out.remove("images");
        }
        return out;
    }

    /** The video task as answered: whole, or only its id, status, video URL and failure. */
    ObjectNode video(ObjectNode full) {
        return settings.minimalTasks() ? keep(full, VIDEO_FIELDS) : full;
    }

    /** The answer of a create call: whole, or only the new task's id and status. */
    ObjectNode created(ObjectNode full, String idField) {
        return settings.minimalTasks() ? keep(full, Set.of(idField, "status")) : full;
    }

    /** {@code actual_cost}: the cost once completed, 0 once failed or cancelled, null while running. */
    static void putCost(ObjectNode out, TaskView view, int cost) {
        switch (view.state()) {
            case COMPLETED -> out.put("actual_cost", cost);
            case FAILED, CANCELLED -> out.put("actual_cost", 0);
            default -> out.putNull("actual_cost");
        }
    }

    /** A time field, null when there is no such time (yet). */
    static void putTime(ObjectNode out, String field, Instant time) {
        if (time == null) {
            out.putNull(field);
        } else {
            out.put(field, time.toString());
        }
    }

    /** The named fields that are set (nulls dropped: a minimal object leaves out what it does not know). */
    private static ObjectNode keep(ObjectNode full, Set<String> fields) {
        ObjectNode out = Json.object();
        for (String name : fieldNames(full)) {
            JsonNode value = full.get(name);
            if (fields.contains(name) && value != null && !value.isNull()) {
                out.set(name, value);
            }
        }
        return out;
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
