package dev.camelspark.neospark;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkHeaderOverrides;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.DefaultErrorDecoder;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the NeoSpark producers share: header overrides, the key in {@code X-API-Key}, the {@code {code, message,
 * data}} envelope (the HTTP status, then {@code code}), and relative media URLs made absolute.
 */
abstract class NeoSparkProducerSupport extends SparkProducerSupport {

    static final String API_KEY_HEADER = "X-API-Key";
    /** Ids go into paths: only what the service's own ids are made of. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    private static final SparkHeaderOverrides OVERRIDES = SparkHeaderOverrides.of("neospark",
            NeoSparkConstants.HEADER_PREFIX, NeoSparkConstants.OVERRIDABLE);

    NeoSparkProducerSupport(NeoSparkEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public NeoSparkEndpoint getEndpoint() {
        return (NeoSparkEndpoint) super.getEndpoint();
    }

    /** The endpoint's configuration with this message's override headers applied, checked. */
    NeoSparkConfiguration configurationFor(Exchange exchange) {
        return OVERRIDES.resolve(exchange, getEndpoint().getConfiguration(), getEndpoint()::validate);
    }

    /** A call authorised by the key, with the configured timeouts. */
    static SparkRequest.Builder authorised(SparkRequest.Builder request, NeoSparkConfiguration config, String apiKey,
                                           CallKind kind) {
        return withTimeouts(request.secretHeader(API_KEY_HEADER, apiKey).kind(kind), config, false);
    }

    /** Sends the call and answers the envelope's {@code data} (a JSON null when the service sent none). */
    CompletableFuture<JsonNode> call(Exchange exchange, NeoSparkConfiguration config, String apiKey,
                                     SparkRequest request) {
        return getEndpoint().getClient().call(request, config.callPolicy(apiKey)).thenApply(answer -> {
            setCallHeaders(exchange, answer.rateLimit(), answer.attempts());
            return data(answer);
        });
    }

    /**
     * The {@code data} of an envelope whose HTTP status was a success. Its {@code code} is checked too: an error
     * answered with HTTP 200 fails like the same HTTP status would.
     */
    JsonNode data(SparkResponse answer) {
        JsonNode json = answer.json();
        if (json == null || !json.isObject() || !json.has("data") && !json.has("code")) {
            throw unexpectedAnswer(answer, "a JSON envelope {code, message, data}");
        }
        JsonNode code = json.get("code");
        if (code != null && code.canConvertToInt() && (code.asInt() < 200 || code.asInt() > 299)) {
            String message = json.path("message").asText("");
            throw new DefaultErrorDecoder(getEndpoint().getComponent().getClock())
                    .forStatus(provider(), code.asInt(), code.asText(), message, answer.rateLimit());
        }
        return json.path("data");
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
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return url;
        }
        String root = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (root.endsWith("/api/v1")) {
            root = root.substring(0, root.length() - "/api/v1".length());
        }
        return root + (url.startsWith("/") ? url : "/" + url);
    }

    /** The body as a task or upload id, checked before it goes into a path. */
    String requiredId(Exchange exchange, String what) {
        String id = requiredText(exchange, what).trim();
        if (!ID.matcher(id).matches()) {
            throw new SparkValidationException(provider(), "body (" + what + ")", id,
                    "an id of letters, digits, '_', '-' and '.'", null);
        }
        return id;
    }

    /** The headers every task answer sets; the body is the task itself. */
    static void setTaskHeaders(Message message, NeoSparkTask task) {
        message.setHeader(SparkConstants.TASK_ID, task.id());
        if (task.status() != null) {
            message.setHeader(SparkConstants.TASK_STATUS, task.status());
        }
        if (task.progress() != null) {
            message.setHeader(SparkConstants.PROGRESS, task.progress());
        }
        if (task.model() != null) {
            message.setHeader(SparkConstants.MODEL, task.model());
        }
        if (task.actualCost() != null) {
            message.setHeader(SparkConstants.COST, task.actualCost());
        }
        if (task.estimatedCost() != null) {
            message.setHeader(NeoSparkConstants.ESTIMATED_COST, task.estimatedCost());
        }
        if (!task.mediaUrls().isEmpty()) {
            message.setHeader(SparkConstants.MEDIA_URL, task.mediaUrls().get(0));
            message.setHeader(NeoSparkConstants.MEDIA_URLS, task.mediaUrls());
        }
        if (NeoSparkTask.IMAGE.equals(task.type())) {
            message.setHeader(NeoSparkConstants.MESSAGE_ID, task.id());
        }
    }
}
