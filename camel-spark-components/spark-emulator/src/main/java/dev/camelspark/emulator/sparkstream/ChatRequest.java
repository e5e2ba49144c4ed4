package dev.camelspark.emulator.sparkstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.core.Params;

/** The validated body of {@code POST /v1/chat}. */
record ChatRequest(String model, int modelMaxTokens, List<Message> messages, Integer maxTokens, Double temperature,
        boolean stream) {

    record Message(String role, String content) {
    }

    private static final Set<String> ROLES = Set.of("system", "user", "assistant");

    static ChatRequest parse(JsonNode body, Map<String, Integer> models) {
        if (body == null || !body.isObject()) {
            throw new Params.Invalid("body", "Request body must be a JSON object");
        }
        JsonNode model = body.get("model");
        if (model == null || model.isNull()) {
            throw new Params.Invalid("model", "Missing required parameter 'model'");
        }
        if (!model.isTextual() || !models.containsKey(model.asText())) {
            throw new Params.Invalid("model", "Invalid value " + model + " for 'model': must be one of "
                    + SparkStreamSettings.describe(models));
        }
        int limit = models.get(model.asText());

        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            throw new Params.Invalid("messages", "Missing required parameter 'messages'");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw new Params.Invalid("messages", "'messages' must be a non-empty array");
        }
        List<Message> list = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            JsonNode role = m.get("role");
            if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
                throw new Params.Invalid("messages", "Invalid role " + role + " in messages[" + i
                        + "]: must be one of system, user, assistant");
            }
            JsonNode content = m.get("content");
            if (content == null || !content.isTextual()) {
                throw new Params.Invalid("messages", "messages[" + i + "].content must be a string");
            }
            list.add(new Message(role.asText(), content.asText()));
        }

        Integer maxTokens = null;
        JsonNode mt = body.get("max_tokens");
        if (mt != null && !mt.isNull()) {
            if (!mt.isIntegralNumber() || !mt.canConvertToInt() || mt.asInt() < 1 || mt.asInt() > limit) {
                throw new Params.Invalid("max_tokens", "Invalid value " + mt + " for 'max_tokens': must be an integer "
                        + "between 1 and " + limit + " for " + model.asText());
            }
            maxTokens = mt.asInt();
        }
        Double temperature = null;
        JsonNode t = body.get("temperature");
        if (t != null && !t.isNull()) {
            if (!t.isNumber() || t.asDouble() < 0 || t.asDouble() > 2) {
                throw new Params.Invalid("temperature", "Invalid value " + t + " for 'temperature': must be a number "
                        + "between 0 and 2");
            }
            temperature = t.asDouble();
        }
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw new Params.Invalid("stream", "Invalid value " + stream + " for 'stream': must be a boolean");
        }
        return new ChatRequest(model.asText(), limit, list, maxTokens, temperature,
                stream != null && stream.asBoolean(false));
    }

    /** The last user message: what the answer is about. */
    String question() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).content();
            }
        }
        return messages.get(messages.size() - 1).content();
    }

    String system() {
        return messages.stream().filter(m -> m.role().equals("system")).map(Message::content).findFirst().orElse(null);
    }
}
