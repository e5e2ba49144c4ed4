package dev.camelspark.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The baselines' event-stream reading: what a developer writes without a library. {@code readLine()}, keep the
 * {@code data:} lines, stop at {@code [DONE]}, take {@code choices[0].delta.content} with a plain Jackson mapper. It
 * knows nothing of multi-line events, comments, plain-text payloads, errors, usage or a stream cut short; ours does,
 * and the ratio says what that costs.
 */
final class PlainSse {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlainSse() {
    }

    /** The next non-empty content delta, or {@code null} at {@code [DONE]} or the end of the input. */
    static String nextContent(BufferedReader reader) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring("data:".length()).trim();
            if (data.equals("[DONE]")) {
                return null;
            }
            JsonNode content = MAPPER.readTree(data).path("choices").path(0).path("delta").path("content");
            if (content.isTextual() && !content.asText().isEmpty()) {
                return content.asText();
            }
        }
        return null;
    }

    /** Every delta joined: the whole answer. */
    static String readAll(BufferedReader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        String delta;
        while ((delta = nextContent(reader)) != null) {
            text.append(delta);
        }
        return text.toString();
    }
}
