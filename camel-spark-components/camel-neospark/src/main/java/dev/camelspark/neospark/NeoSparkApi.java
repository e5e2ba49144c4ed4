package dev.camelspark.neospark;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkHeaderOverrides;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.DefaultErrorDecoder;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.task.TaskIds;

/**
 * NeoSpark on the wire, for the producers and the endpoint alike: paths, the key in {@code X-API-Key}, the
 * {@code {code, message, data}} envelope, and relative media URLs.
 */
final class NeoSparkApi {

    static final String PROVIDER = "neospark";
    static final String API_KEY_HEADER = "X-API-Key";
    static final String SESSIONS = "/drawing/sessions";
    static final String IMAGE_STATUS = "/drawing/messages/";
    static final String VIDEO_TASKS = "/video/generations";
    /** What a submission is recorded as ({@code TaskRecord.operation}): it decides how its status is read. */
    static final String IMAGE = NeoSparkTask.IMAGE;
    static final String VIDEO = NeoSparkTask.VIDEO;

    static final SparkHeaderOverrides OVERRIDES = SparkHeaderOverrides.of(PROVIDER, NeoSparkConstants.HEADER_PREFIX,
            NeoSparkConstants.OVERRIDABLE);

    private NeoSparkApi() {
    }

    /** A call authorised by the key, with the configured timeouts (the whole answer within requestTimeout). */
    static SparkRequest.Builder authorised(SparkRequest.Builder request, NeoSparkConfiguration config, String apiKey,
                                           CallKind kind) {
        return SparkProducerSupport.withTimeouts(request, config, false).secretHeader(API_KEY_HEADER, apiKey).kind(kind);
    }

    /** The status read of an image message or a video task. */
    static SparkRequest taskStatus(NeoSparkConfiguration config, String apiKey, String taskId, boolean video) {
        String id = TaskIds.check(PROVIDER, "task id", taskId);
        String path = video ? VIDEO_TASKS + "/" + id : IMAGE_STATUS + id;
        return authorised(SparkRequest.get(config.getBaseUrl(), path), config, apiKey, CallKind.READ).build();
    }

    /**
     * The {@code data} of an envelope whose HTTP status was a success. Its {@code code} is checked too: an error
     * answered with HTTP 200 fails as that status would.
     */
    static JsonNode data(SparkResponse answer, Clock clock) {
        JsonNode json = answer.json();
        if (json == null || !json.isObject() || !json.has("data") && !json.has("code")) {
            DefaultErrorDecoder.ErrorBody said = DefaultErrorDecoder.ErrorBody.of(json, answer.bodyAsString());
            throw new SparkApiException(PROVIDER, answer.status(), said.code(), "expected a JSON envelope {code, "
                    + "message, data} but the answer (" + answer.mediaType() + ") was: " + said.message());
        }
        JsonNode code = json.get("code");
        if (code != null && code.canConvertToInt() && (code.asInt() < 200 || code.asInt() > 299)) {
            throw new DefaultErrorDecoder(clock).forStatus(PROVIDER, code.asInt(), code.asText(),
                    json.path("message").asText(""), answer.rateLimit());
        }
        return json.path("data");
    }

    /** {@code data} as an object, else a failure saying what was expected. */
    static JsonNode object(JsonNode data, String what) {
        if (!data.isObject()) {
            throw new SparkApiException(PROVIDER, 200, null, "expected " + what + " as a JSON object in data, got: " + data);
        }
        return data;
    }

    /** The headers that carry the key: sent with a download only when it goes to the API's own origin. */
    static Map<String, String> authHeaders(String apiKey) {
        return apiKey == null ? Map.of() : Map.of(API_KEY_HEADER, apiKey);
    }

    /**
     * A media URL as the service wrote it, made absolute: relative ones ({@code /uploads/...}) are resolved against
     * the base URL with its trailing {@code /api/v1} removed (the host root for the real service); absolute ones are
     * taken as they are.
     */
    static String resolveMediaUrl(String baseUrl, String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return url;
        }
        String root = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (root.endsWith("/api/v1")) {
            root = root.substring(0, root.length() - "/api/v1".length());
        }
        return root + (url.startsWith("/") ? url : "/" + url);
    }

    /** A task object of a status answer as a {@link NeoSparkTask}, its media URLs made absolute. */
    static NeoSparkTask task(JsonNode data, NeoSparkConfiguration config, boolean video) {
        JsonNode task = object(data, "a task");
        return video ? NeoSparkTask.ofVideo(task, url -> resolveMediaUrl(config.getBaseUrl(), url))
                : NeoSparkTask.ofImage(task, url -> resolveMediaUrl(config.getBaseUrl(), url));
    }
}
