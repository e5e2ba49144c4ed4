package dev.camelspark.emulator.dynaspark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.ApiCall;
import dev.camelspark.emulator.core.ContentKind;
import dev.camelspark.emulator.core.EmulatorContext;
import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.Media;
import dev.camelspark.emulator.core.OpenAiChunks;
import dev.camelspark.emulator.core.Params;
import dev.camelspark.emulator.core.ProviderApi;
import dev.camelspark.emulator.core.Responses;
import dev.camelspark.emulator.core.Seeds;
import dev.camelspark.emulator.core.SseStream;
import dev.camelspark.emulator.core.TextGenerator;
import dev.camelspark.emulator.core.Tokens;
import dev.camelspark.emulator.core.WindowCounter;
import dev.camelspark.emulator.media.MediaStore;
import dev.camelspark.emulator.media.PictureRenderer;
import dev.camelspark.emulator.media.PngEncoder;
import dev.camelspark.emulator.media.SilentMp3;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * DynaSpark (api-contracts.md §1): text, streamed text, JSON text and audio on {@code GET /api/generate_response},
 * images on {@code GET /api/generate_image} served from {@code /generated/} outside {@code /api}, and {@code /status}.
 */
public class DynaSparkApi implements ProviderApi {

    static final List<String> VOICES = List.of("alloy", "echo", "fable", "onyx", "nova", "shimmer");
    static final List<String> IMAGE_MODELS = List.of("flux", "turbo", "gptimage");
    static final String AUDIO_MODEL = "openai-audio";
    private static final String IMAGE_PATH = "/generated/";

    private final EmulatorContext ctx;
    private final DynaSparkSettings settings = new DynaSparkSettings();
    private final WindowCounter hourly;
    private final MediaStore images;
    private final Instant startedAt;

    public DynaSparkApi(EmulatorContext ctx) {
        this.ctx = ctx;
        this.hourly = new WindowCounter(ctx.clock(), Duration.ofHours(1));
        this.images = new MediaStore(ctx.clock());
        this.startedAt = ctx.clock().instant();
    }

    @Override
    public DynaSparkSettings settings() {
        return settings;
    }

    @Override
    public void reset() {
        hourly.clear();
        images.clear();
    }

    @Override
    public Map<String, Set<ContentKind>> operations() {
        return Map.of("text", Set.of(ContentKind.TEXT), "audio", Set.of(ContentKind.TEXT),
                "image", Set.of(ContentKind.IMAGE));
    }

    @Override
    public Optional<ApiCall> identify(String method, String path, Map<String, List<String>> query, JsonNode body) {
        String prompt = first(query, "user_input");
        return switch (path) {
            case "/api/generate_response" -> Optional.of(new ApiCall(
                    AUDIO_MODEL.equalsIgnoreCase(first(query, "model")) ? "audio" : "text", prompt));
            case "/api/generate_image" -> Optional.of(new ApiCall("image", prompt));
            default -> Optional.empty();
        };
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public void mount(Router router) {
        router.get("/api/generate_response").handler(rc -> api(rc, this::generateResponse));
        router.get("/api/generate_image").handler(rc -> api(rc, this::generateImage));
        router.get(IMAGE_PATH + ":file").handler(this::serveImage);
        router.get("/status").handler(this::status);
    }

    /** Key check and rate limit, which every API call goes through, then the call itself. */
    private void api(RoutingContext rc, java.util.function.Consumer<RoutingContext> call) {
        String key = rc.request().getParam("api_key");
        key = key == null || key.isEmpty() ? null : key;
        String client = key != null ? "key:" + key : "client:" + rc.request().remoteAddress().host();
        int limit = settings.requestsPerHour();
        if (settings.isDenied(key)) {
            rateHeaders(rc, hourly.peek(client, limit));
            Responses.json(rc, 401, error("Invalid API key"));
            return;
        }
        WindowCounter.Usage usage = hourly.tryAcquire(client, 1, limit);
        rateHeaders(rc, usage);
        if (!usage.allowed()) {
            rc.response().putHeader("Retry-After", String.valueOf(usage.retryAfterSeconds(ctx.clock().instant())));
            Responses.json(rc, 429, error("Rate limit exceeded"));
            return;
        }
        try {
            call.accept(rc);
        } catch (Params.Invalid e) {
            Responses.json(rc, 400, error(e.getMessage()));
        }
    }

    private void rateHeaders(RoutingContext rc, WindowCounter.Usage usage) {
        rc.response()
                .putHeader("X-RateLimit-Limit", String.valueOf(usage.limit()))
                .putHeader("X-RateLimit-Remaining", String.valueOf(usage.remaining()))
                .putHeader("X-RateLimit-Reset", String.valueOf(usage.resetAt().getEpochSecond()));
    }

    private void generateResponse(RoutingContext rc) {
        TextRequest req = TextRequest.parse(rc.request()::getParam);
        String model = req.model() != null ? req.model() : settings.defaultTextModel();
        String answer = ctx.stubbedText(rc).orElseGet(() -> req.json()
                ? jsonAnswer(req)
                : TextGenerator.answer(req.userInput(), req.system(), model, req.seed()));
        if (AUDIO_MODEL.equalsIgnoreCase(model)) {
            byte[] mp3 = SilentMp3.ofDuration(SilentMp3.speakingTime(answer));
            Responses.send(rc, 200, "audio/mpeg", Buffer.buffer(mp3));
            return;
        }
        int promptTokens = Tokens.count(req.userInput()) + (req.system() == null ? 0 : Tokens.count(req.system()));
        List<String> tokens = Tokens.split(answer);
        ObjectNode usage = Json.object()
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", tokens.size())
                .put("total_tokens", promptTokens + tokens.size());
        if (req.stream()) {
            String id = "chatcmpl-" + Seeds.hex(24, req.userInput(), req.system(), model, req.seed());
            // the last chunk carries the usage, as the OpenAI-style upstream's does
            SseStream.start(ctx, rc, settings,
                    OpenAiChunks.of(id, ctx.clock().instant().getEpochSecond(), model, tokens, "stop", usage), true);
            return;
        }
        ObjectNode body = Json.object().put("response", answer).put("model", model);
        body.set("usage", usage);
        Responses.json(rc, 200, body);
    }

    /** {@code json=true}: the answer is a JSON document, sent as a string in {@code response}. */
    private String jsonAnswer(TextRequest req) {
        ObjectNode doc = Json.object();
        doc.put("topic", TextGenerator.topic(req.userInput()));
        doc.put("answer", TextGenerator.answer(req.userInput(), req.system(), req.model(), req.seed()));
        doc.putPOJO("keywords", TextGenerator.keywords(req.userInput()));
        return Json.write(doc);
    }

    private void generateImage(RoutingContext rc) {
        ImageRequest req = ImageRequest.parse(rc.request()::getParam);
        long seed = req.seed() != null ? req.seed() : ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        long pictureSeed = Seeds.of(req.userInput(), seed, req.model(), req.watermark());
        int w = req.width();
        int h = req.height();
        boolean mark = !req.nologo();
        Media image = ctx.image(rc, () -> PngEncoder.encode(w, h, PictureRenderer.render(w, h, pictureSeed, mark)));
        // the same inputs give the same URL, unless a stub gave the picture: then a URL of its own
        String id = "image_" + Seeds.hex(20, req.userInput(), seed, req.model(), req.width(), req.height(),
                req.nologo(), req.watermark(), ctx.stubbedImage(rc).isPresent() ? System.nanoTime() : 0);
        images.put(id, settings.imageTtl(), image);
        ObjectNode body = Json.object()
                .put("image_url", EmulatorContext.origin(rc) + ctx.prefix() + IMAGE_PATH + id + ".png")
                .put("model", req.model())
                .put("seed", seed);
        Responses.json(rc, 200, body);
    }

    private void serveImage(RoutingContext rc) {
        String file = rc.pathParam("file");
        String id = file.endsWith(".png") ? file.substring(0, file.length() - 4) : file;
        images.serve(rc, id, error("Image not found or expired"));
    }

    private void status(RoutingContext rc) {
        ObjectNode body = Json.object()
                .put("status", "online")
                .put("service", "DynaSpark API (spark-emulator)")
                .put("uptime_seconds", Duration.between(startedAt, ctx.clock().instant()).toSeconds())
                .put("time", ctx.clock().instant().toString());
        body.putArray("endpoints").add("/api/generate_response").add("/api/generate_image");
        Responses.json(rc, 200, body);
    }

    private static Map<String, String> error(String message) {
        return Map.of("error", message);
    }
}
