package dev.camelspark.support.sse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.http.SparkJson;

/**
 * What one event's data says, read the way {@code api-contracts.md} prescribes: a JSON payload yields
 * {@code choices[0].delta.content}, else {@code choices[0].message.content}; a payload that is not JSON is plain
 * text. The chunk's id, model, finish reason, usage and error (when present) are kept for headers.
 *
 * @param content the text to deliver, or {@code null} for a chunk with none (role-only, finish-reason-only)
 */
public record SseChunk(String content, String id, String model, String finishReason, JsonNode usage, String error) {

    public static SseChunk parse(String data) {
        JsonNode json = data == null ? null : SparkJson.tryParse(data);
        if (json == null || !json.isObject()) {
            // plain text (or a bare JSON scalar such as a quoted string) is the content itself
            String text = json != null && json.isTextual() ? json.asText() : data;
            return new SseChunk(text == null || text.isEmpty() ? null : text, null, null, null, null, null);
        }
        JsonNode choice = json.path("choices").path(0);
        String content = textOrNull(choice.path("delta").path("content"));
        if (content == null) {
            content = textOrNull(choice.path("message").path("content"));
        }
        String error = null;
        JsonNode errorNode = json.get("error");
        if (errorNode != null && !errorNode.isNull() && content == null) {
            error = errorNode.isObject() ? errorNode.path("message").asText(errorNode.toString()) : errorNode.asText();
        }
        JsonNode usage = json.get("usage");
        return new SseChunk(content == null || content.isEmpty() ? null : content,
                SparkJson.text(json, "id"), SparkJson.text(json, "model"), textOrNull(choice.path("finish_reason")),
                usage != null && usage.isObject() ? usage : null, error);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
