package dev.camelspark.emulator.sparkgpt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.ApiCall;
import dev.camelspark.emulator.core.BearerKey;
import dev.camelspark.emulator.core.ContentKind;
import dev.camelspark.emulator.core.EmulatorContext;
import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.ProviderApi;
import dev.camelspark.emulator.core.Responses;
import dev.camelspark.emulator.core.SseStream;
import dev.camelspark.emulator.core.TextGenerator;
import dev.camelspark.emulator.core.Tokens;
import dev.camelspark.emulator.core.WindowCounter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * SparkGPT (api-contracts.md §2): chat with a trained model ({@code POST /api/askoutside}), the same streamed
 * ({@code POST /api/askoutsideStream}) and the model's training Q&A ({@code POST /api/getModelTrain}). Bearer key
 * required, models owned by keys, a daily request limit per key.
 */
public class SparkGptApi implements ProviderApi {

    /** Share of common words above which a question counts as the trained one. */
    private static final double SIMILAR = 0.5;

    private final EmulatorContext ctx;
    private final SparkGptSettings settings = new SparkGptSettings();
    private final WindowCounter daily;

    public SparkGptApi(EmulatorContext ctx) {
        this.ctx = ctx;
        this.daily = new WindowCounter(ctx.clock(), Duration.ofDays(1));
    }

    @Override
    public SparkGptSettings settings() {
        return settings;
    }

    @Override
    public void reset() {
        daily.clear();
    }

    @Override
    public Map<String, Set<ContentKind>> operations() {
        return Map.of("chat", Set.of(ContentKind.TEXT), "training-data", Set.of());
    }

    @Override
    public Optional<ApiCall> identify(String method, String path, Map<String, List<String>> query, JsonNode body) {
        String user = body != null && body.path("user").isTextual() ? body.get("user").asText() : null;
        return switch (path) {
            case "/api/askoutside", "/api/askoutsideStream" -> Optional.of(new ApiCall("chat", user));
            case "/api/getModelTrain" -> Optional.of(new ApiCall("training-data", null));
            default -> Optional.empty();
        };
    }

    @Override
    public void mount(Router router) {
        router.post("/api/askoutside").handler(rc -> call(rc, true, this::ask));
        router.post("/api/askoutsideStream").handler(rc -> call(rc, true, this::askStream));
        router.post("/api/getModelTrain").handler(rc -> call(rc, false, this::training));
    }

    private interface Call {
        void handle(RoutingContext rc, JsonNode body, int modelId, TrainedModel model);
    }

    /** Key, daily limit, body and ownership checks shared by the three calls, in the order the vendor applies them. */
    private void call(RoutingContext rc, boolean needsUser, Call call) {
        String key = BearerKey.of(rc);
        if (key == null) {
            Responses.json(rc, 401, error("Missing or invalid API key"));
            return;
        }
        if (settings.isDenied(key)) {
            Responses.json(rc, 401, error("Invalid API key"));
            return;
        }
        WindowCounter.Usage usage = daily.tryAcquire(key, 1, settings.requestsPerDay());
        rc.response().putHeader("X-RateLimit-Limit", String.valueOf(usage.limit()))
                .putHeader("X-RateLimit-Remaining", String.valueOf(usage.remaining()));
        if (!usage.allowed()) {
            rc.response().putHeader("Retry-After", String.valueOf(usage.retryAfterSeconds(ctx.clock().instant())));
            Responses.json(rc, 429, error("Rate limit exceeded: " + usage.limit() + " requests per day"));
            return;
        }
        JsonNode body = Json.parseOrNull(rc.body().asString());
        if (body == null || !body.isObject()) {
            Responses.json(rc, 400, error("Request body must be a JSON object"));
            return;
        }
        JsonNode modelId = body.get("model_id");
        if (modelId == null || modelId.isNull()) {
            Responses.json(rc, 400, error("Missing required field 'model_id'"));
            return;
        }
        if (!modelId.isIntegralNumber() || !modelId.canConvertToInt()) {
            Responses.json(rc, 400, error("Field 'model_id' must be an integer"
                    + (modelId.isTextual() ? ", not a string" : "")));
            return;
        }
        if (needsUser) {
            JsonNode user = body.get("user");
            if (user == null || !user.isTextual() || user.asText().isBlank()) {
                Responses.json(rc, 400, error("Missing required field 'user' (a non-empty string)"));
                return;
            }
        }
        int id = modelId.asInt();
        if (!settings.owns(key, id)) {
            Responses.json(rc, 403, error("You don't have permission to access model " + id));
            return;
        }
        call.handle(rc, body, id, settings.model(id));
    }

    private void ask(RoutingContext rc, JsonNode body, int modelId, TrainedModel model) {
        ObjectNode out = Json.object();
        out.putObject("message").put("role", "assistant").put("content", answer(rc, modelId, model, body));
        Responses.json(rc, 200, out);
    }

    /** {@code stream} missing counts as true; an explicit false gets the plain JSON answer. */
    private void askStream(RoutingContext rc, JsonNode body, int modelId, TrainedModel model) {
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            Responses.json(rc, 400, error("Field 'stream' must be a boolean"));
            return;
        }
        if (stream != null && stream.isBoolean() && !stream.asBoolean()) {
            ask(rc, body, modelId, model);
            return;
        }
        List<String> events = new ArrayList<>();
        for (String token : Tokens.split(answer(rc, modelId, model, body))) {
            ObjectNode event = Json.object();
            event.putArray("choices").addObject().putObject("delta").put("content", token);
            events.add(Json.write(event));
        }
        SseStream.start(ctx, rc, settings, events, true);
    }

    private void training(RoutingContext rc, JsonNode body, int modelId, TrainedModel model) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (TrainingEntry e : model.training()) {
            out.addObject().put("id", e.id()).put("model_id", modelId).put("question", e.question())
                    .put("answer", e.answer()).put("created_at", e.createdAt());
        }
        Responses.json(rc, 200, out);
    }

    /** A stub's text for this call, else the model's answer. */
    private String answer(RoutingContext rc, int modelId, TrainedModel model, JsonNode body) {
        return ctx.stubbedText(rc).orElseGet(() -> answer(modelId, model, body.get("user").asText()));
    }

    /** The trained answer when the question matches or resembles a trained one, else a generic answer naming the model. */
    static String answer(int modelId, TrainedModel model, String question) {
        Set<String> asked = words(question);
        TrainingEntry best = null;
        double bestScore = 0;
        for (TrainingEntry e : model.training()) {
            Set<String> trained = words(e.question());
            if (trained.equals(asked)) {
                return e.answer();
            }
            double score = similarity(asked, trained);
            if (score > bestScore) {
                bestScore = score;
                best = e;
            }
        }
        if (best != null && bestScore >= SIMILAR) {
            return best.answer();
        }
        return "As " + model.name() + " (model " + modelId + "): " + TextGenerator.answer(question, "sparkgpt", modelId);
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Jaccard similarity: shared words over all words. */
    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        long shared = a.stream().filter(b::contains).count();
        return (double) shared / union.size();
    }

    private static Map<String, String> error(String message) {
        return Map.of("error", message);
    }
}
