package dev.camelspark.neospark;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkCalls;
import dev.camelspark.support.http.DefaultErrorDecoder;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.task.TaskIds;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * NeoSpark on the wire, for every producer and the endpoint alike: paths, the key in {@code X-API-Key} (on API calls,
 * and on downloads from the API's own origin only), the {@code {code, message, data}} envelope, relative media URLs,
 * the create and status calls. Built once per endpoint with the endpoint's resolved key, base URL, timeouts and
 * limits, none of which a header can override.
 */
final class NeoSparkClient {

    static final String PROVIDER = "neospark";
    static final String API_KEY_HEADER = "X-API-Key";
    static final String SESSIONS = "/drawing/sessions";
    static final String IMAGE_STATUS = "/drawing/messages/";
    static final String VIDEO_TASKS = "/video/generations";
    /** What a submission is recorded as ({@code TaskRecord.operation}): it decides how its status is read. */
    static final String IMAGE = NeoSparkTask.IMAGE;
    static final String VIDEO = NeoSparkTask.VIDEO;

    private final SparkCalls calls;
    private final NeoSparkConfiguration config;
    private final String apiKey;
    private final Clock clock;

    NeoSparkClient(SparkCalls calls, NeoSparkConfiguration config, String apiKey, Clock clock) {
        this.calls = calls;
        this.config = config;
        this.apiKey = apiKey;
        this.clock = clock;
    }

    /** A call to {@code path} authorised by the key, with the configured timeouts (the whole answer within requestTimeout). */
    SparkRequest.Builder get(String path) {
        return authorised(SparkRequest.get(config.getBaseUrl(), path), CallKind.READ);
    }

    /** A POST that creates nothing paid (an upload, a session), so it may be resent like a read. */
    SparkRequest.Builder post(String path) {
        return authorised(SparkRequest.post(config.getBaseUrl(), path), CallKind.READ);
    }

    SparkRequest.Builder delete(String path) {
        return authorised(SparkRequest.delete(config.getBaseUrl(), path), CallKind.READ);
    }

    /** A create call of {@code json} to {@code path}: a {@code PAID_CREATE}, never resent when its outcome is unknown. */
    SparkRequest create(String path, String json) {
        return authorised(SparkRequest.post(config.getBaseUrl(), path), CallKind.PAID_CREATE)
                .entity(new StringEntity(json, ContentType.APPLICATION_JSON))
                .build();
    }

    /** The status read of an image message or a video task. */
    SparkRequest taskStatus(String taskId, boolean video) {
        String id = TaskIds.check(PROVIDER, "task id", taskId);
        return get(video ? VIDEO_TASKS + "/" + id : IMAGE_STATUS + id).build();
    }

    CompletableFuture<SparkResponse> send(SparkRequest request) {
        return calls.call(request);
    }

    /** Reads a task and maps it, its media URLs made absolute. */
    CompletableFuture<NeoSparkTask> task(String taskId, boolean video) {
        return send(taskStatus(taskId, video)).thenApply(answer -> task(data(answer), video));
    }

    /** Creates a drawing session (it costs nothing) and answers its id. */
    CompletableFuture<String> newSession(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        return send(post(SESSIONS).json(body).build()).thenApply(answer -> {
            String id = SparkJson.text(data(answer), "session_id");
            if (id == null || id.isBlank()) {
                throw new SparkApiException(PROVIDER, answer.status(), null,
                        "the new drawing session has no session_id: " + answer.bodyAsString());
            }
            return id;
        });
    }

    /**
     * The {@code data} of an envelope whose HTTP status was a success. Its {@code code} is checked too: an error
     * answered with HTTP 200 fails as that status would.
     */
    JsonNode data(SparkResponse answer) {
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
    Map<String, String> downloadAuthHeaders() {
        return apiKey == null ? Map.of() : Map.of(API_KEY_HEADER, apiKey);
    }

    /**
     * A media URL as the service wrote it, made absolute: relative ones ({@code /uploads/...}) are resolved against
     * the base URL with its trailing {@code /api/v1} removed (the host root for the real service); absolute ones are
     * taken as they are.
     */
    String resolveMediaUrl(String url) {
        return resolveMediaUrl(config.getBaseUrl(), url);
    }

    /** {@link #resolveMediaUrl(String)} against {@code baseUrl}. */
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
    NeoSparkTask task(JsonNode data, boolean video) {
        JsonNode task = object(data, "a task");
        return video ? NeoSparkTask.ofVideo(task, this::resolveMediaUrl) : NeoSparkTask.ofImage(task, this::resolveMediaUrl);
    }

    private SparkRequest.Builder authorised(SparkRequest.Builder request, CallKind kind) {
        return config.withTimeouts(request, false).secretHeader(API_KEY_HEADER, apiKey).kind(kind);
    }
}
