package dev.camelspark.emulator.neospark;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.core.ApiCall;
import dev.camelspark.emulator.core.ContentKind;

/**
 * What a NeoSpark request is, for request patterns and stubs, named after the component operation that makes it:
 * {@code image} (the generate call of {@code neospark:image} and {@code image-submit}; a stub can give its images or
 * how its task ends), {@code video} (the create call of {@code neospark:video} and {@code video-submit}; how its task
 * ends), {@code status}, {@code video-cancel}, {@code upload}, {@code models}, {@code video-models},
 * {@code sessions}, {@code user-images}, {@code billing-history}.
 */
final class NeoSparkOperations {

    static final Map<String, Set<ContentKind>> ALL = Map.ofEntries(
            Map.entry("image", Set.of(ContentKind.IMAGE, ContentKind.TASK)),
            Map.entry("video", Set.of(ContentKind.TASK)),
            Map.entry("status", Set.of()), Map.entry("video-cancel", Set.of()), Map.entry("upload", Set.of()),
            Map.entry("models", Set.of()), Map.entry("video-models", Set.of()), Map.entry("sessions", Set.of()),
            Map.entry("user-images", Set.of()), Map.entry("billing-history", Set.of()));

    private static final String API = Gateway.API;

    private NeoSparkOperations() {
    }

    static Optional<ApiCall> identify(String method, String path, JsonNode body) {
        String prompt = body != null && body.path("prompt").isTextual() ? body.get("prompt").asText() : null;
        String operation = null;
        if (path.startsWith(API + "/drawing/sessions/") && path.endsWith("/generate") && method.equals("POST")) {
            operation = "image";
        } else if (path.equals(API + "/video/generations") && method.equals("POST")) {
            operation = "video";
        } else if (path.startsWith(API + "/video/generations/") && method.equals("DELETE")) {
            operation = "video-cancel";
        } else if (path.startsWith(API + "/video/generations/") || path.startsWith(API + "/drawing/messages/")) {
            operation = "status";
        } else if (path.equals(API + "/storage/upload")) {
            operation = "upload";
        } else if (path.equals(API + "/drawing/models/config")) {
            operation = "models";
        } else if (path.equals(API + "/video/models")) {
            operation = "video-models";
        } else if (path.startsWith(API + "/drawing/sessions")) {
            operation = "sessions";
        } else if (path.equals(API + "/storage/user-images")) {
            operation = "user-images";
        } else if (path.equals(API + "/drawing/billing/history")) {
            operation = "billing-history";
        }
        boolean creates = "image".equals(operation) || "video".equals(operation);
        return operation == null ? Optional.empty() : Optional.of(new ApiCall(operation, creates ? prompt : null));
    }
}
