package dev.camelspark.sparkdream;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.task.TaskError;
import dev.camelspark.support.task.TaskSnapshot;
import dev.camelspark.support.task.TaskState;

import static dev.camelspark.support.http.SparkJson.text;

/**
 * Reads Spark Dream's task object (api-contracts.md §4) into the shared terms. Only {@code completed} and
 * {@code failed} are final; any other status, unknown ones included ({@code in_progress}, say), means keep polling.
 * Progress comes as 0.0-1.0 and is turned into 0-100. {@code error} is accepted in its three shapes. Only
 * {@code id}, {@code status} and {@code error} are promised: every other field may be missing.
 */
final class SparkDreamTasks {

    /** The vendor's validation codes: a task failed with one of these was refused, not broken. */
    static final Set<String> VALIDATION_CODES = Set.of("003019001", "003019002", "003019003", "003019004",
            "003019005", "003019006", "003019007");
    private static final Pattern CODE_IN_TEXT = Pattern.compile("\\b(0030\\d{5})\\b");

    private SparkDreamTasks() {
    }

    static TaskSnapshot read(JsonNode task) {
        String status = text(task, "status");
        TaskState state = switch (status == null ? "" : status) {
            case "completed" -> TaskState.COMPLETED;
            case "failed" -> TaskState.FAILED;
            default -> TaskState.RUNNING;
        };
        JsonNode progress = task.get("progress");
        Integer percent = progress != null && progress.isNumber() ? TaskSnapshot.progress(progress.asDouble() * 100) : null;
        TaskError error = error(task.get("error"));
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(SparkConstants.MODEL, text(task, "model"));
        JsonNode seed = task.path("metadata").get("seed");
        if (seed != null && seed.canConvertToLong()) {
            headers.put(SparkConstants.SEED, seed.asLong());
        }
        return new TaskSnapshot(text(task, "id"), status, state, percent, imageUrls(task), cost(task.path("usage")),
                error.code(), error.message(), headers, task);
    }

    /** Every {@code url} of {@code output[].content[]}, images first as the service lists them. */
    private static List<String> imageUrls(JsonNode task) {
        List<String> urls = new ArrayList<>();
        for (JsonNode output : task.path("output")) {
            for (JsonNode content : output.path("content")) {
                String url = text(content, "url");
                if (url != null && !url.isBlank()) {
                    urls.add(url);
                }
            }
        }
        return urls;
    }

    /** {@code usage.cost} is a string in USD ("0.0300"); a number is accepted too. */
    private static BigDecimal cost(JsonNode usage) {
        JsonNode cost = usage.get("cost");
        if (cost == null || cost.isNull()) {
            return null;
        }
        try {
            return cost.isNumber() ? cost.decimalValue() : new BigDecimal(cost.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Code and message from {@code error} in any of its three shapes ({@link TaskError}); a string's code is the one it
     * names, when it names one.
     */
    static TaskError error(JsonNode error) {
        TaskError read = TaskError.of(error);
        if (read.code() != null || read.message() == null) {
            return read;
        }
        Matcher m = CODE_IN_TEXT.matcher(read.message());
        return m.find() ? new TaskError(m.group(1), read.message()) : read;
    }
}
