package dev.camelspark.emulator.sparkdream;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.core.ApiCall;
import dev.camelspark.emulator.core.ContentKind;

/**
 * What a Spark Dream request is, for request patterns and stubs: {@code generate} (the create call that
 * {@code sparkdream:generate} and {@code sparkdream:submit} make; a stub can give its image or how its task ends)
 * and {@code status} (the task read).
 */
final class SparkDreamOperations {

    static final Map<String, Set<ContentKind>> ALL = Map.of(
            "generate", Set.of(ContentKind.IMAGE, ContentKind.TASK),
            "status", Set.of());

    private SparkDreamOperations() {
    }

    static Optional<ApiCall> identify(String method, String path, JsonNode body) {
        if (method.equals("POST") && path.equals(SparkDreamApi.CREATE_PATH)) {
            JsonNode prompt = body == null || !body.isObject() ? null : GenerationRequest.paramsOf(body).get("prompt");
            return Optional.of(new ApiCall("generate", prompt != null && prompt.isTextual() ? prompt.asText() : null));
        }
        if (method.equals("GET") && path.startsWith(SparkDreamApi.TASK_PATH)) {
            return Optional.of(new ApiCall("status", null));
        }
        return Optional.empty();
    }
}
