package dev.camelspark.emulator.sparkstream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.ApiCall;
import dev.camelspark.emulator.core.BearerKey;
import dev.camelspark.emulator.core.ContentKind;
import dev.camelspark.emulator.core.EmulatorContext;
import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.OpenAiChunks;
import dev.camelspark.emulator.core.Params;
import dev.camelspark.emulator.core.ProviderApi;
import dev.camelspark.emulator.core.Responses;
import dev.camelspark.emulator.core.SseStream;
import dev.camelspark.emulator.core.TextGenerator;
import dev.camelspark.emulator.core.Tokens;
import dev.camelspark.emulator.core.WindowCounter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * SparkAI Stream (api-contracts.md §3): {@code POST /v1/chat}, a complete {@code chat.completion} or a stream of
 * {@code chat.completion.chunk} events. Bearer key, plans limiting requests and tokens per minute per key, errors as
 * {@code {"error": {"message", "type", "code"}}}.
 */
public class SparkStreamApi implements ProviderApi {

    /** Tokens each message costs on top of its content, as chat APIs count the role and separators. */
    private static final int TOKENS_PER_MESSAGE = 3;

    private final EmulatorContext ctx;
    private final SparkStreamSettings settings = new SparkStreamSettings();
    private final WindowCounter requestsPerMinute;
    private final WindowCounter tokensPerMinute;

    public SparkStreamApi(EmulatorContext ctx) {
        this.ctx = ctx;
        this.requestsPerMinute = new WindowCounter(ctx.clock(), Duration.ofMinutes(1));
        this.tokensPerMinute = new WindowCounter(ctx.clock(), Duration.ofMinutes(1));
    }

    @Override
    public SparkStreamSettings settings() {
        return settings;
    }

    @Override
    public void reset() {
        requestsPerMinute.clear();
        tokensPerMinute.clear();
    }

    @Override
    public Object errorBody(int status, String message) {
        String type;
        String code;
        switch (status) {
            case 400: type = "invalid_request_error"; code = "invalid_parameter"; break;
            case 401: type = "authentication_error"; code = "invalid_api_key"; break;
            case 404: type = "invalid_request_error"; code = "not_found"; break;
            case 429: type = "rate_limit_error"; code = "rate_limit_exceeded"; break;
            default: type = "server_error"; code = "internal_error"; break;
        }
        return error(message, type, code);
    }

    @Override
    public Map<String, Set<ContentKind>> operations() {
        return Map.of("chat", Set.of(ContentKind.TEXT));
    }

    /** The prompt of a chat is its last user message. */
    @Override
    public Optional<ApiCall> identify(String method, String path, Map<String, List<String>> query, JsonNode body) {
        if (!path.equals("/v1/chat")) {
            return Optional.empty();
        }
        String prompt = null;
        if (body != null && body.path("messages").isArray()) {
            for (JsonNode m : body.get("messages")) {
                if ("user".equals(m.path("role").asText()) && m.path("content").isTextual()) {
                    prompt = m.get("content").asText();
                }
            }
        }
        return Optional.of(new ApiCall("chat", prompt));
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/chat").handler(this::chat);
    }

    private void chat(RoutingContext rc) {
        String key = BearerKey.of(rc);
        if (key == null || settings.isDenied(key)) {
            Responses.json(rc, 401, errorBody(401, key == null ? "Missing API key: send Authorization: Bearer KEY"
                    : "Invalid API key"));
            return;
        }
        Plan plan = settings.planOf(key);
        WindowCounter.Usage requests = requestsPerMinute.tryAcquire(key, 1, plan.requestsPerMinute());
        rc.response().putHeader("X-RateLimit-Limit", String.valueOf(requests.limit()))
                .putHeader("X-RateLimit-Remaining", String.valueOf(requests.remaining()))
                .putHeader("X-RateLimit-Reset", String.valueOf(requests.resetAt().getEpochSecond()));
        if (!requests.allowed()) {
            tooMany(rc, requests, "Rate limit exceeded: " + plan.requestsPerMinute() + " requests per minute",
                    "rate_limit_exceeded");
            return;
        }
        ChatRequest req;
        try {
            req = ChatRequest.parse(Json.parseOrNull(rc.body().asString()), settings.models());
        } catch (Params.Invalid e) {
            String code = e.getMessage().startsWith("Missing") ? "missing_parameter" : "invalid_parameter";
            Responses.json(rc, 400, error(e.getMessage(), "invalid_request_error", code));
            return;
        }

        String full = ctx.stubbedText(rc).orElseGet(() -> TextGenerator.answer(req.question(), req.system(),
                req.model(), req.temperature(), req.messages().size()));
        String content = req.maxTokens() == null ? full : Tokens.truncate(full, req.maxTokens());
        String finish = content.equals(full) ? "stop" : "length";
        int promptTokens = req.messages().stream()
                .mapToInt(m -> Tokens.count(m.content()) + TOKENS_PER_MESSAGE).sum();
        List<String> tokens = Tokens.split(content);
        int total = promptTokens + tokens.size();

        WindowCounter.Usage budget = tokensPerMinute.tryAcquire(key, total, plan.tokensPerMinute());
        rc.response().putHeader("X-RateLimit-Limit-Tokens", String.valueOf(budget.limit()))
                .putHeader("X-RateLimit-Remaining-Tokens", String.valueOf(budget.remaining()));
        if (!budget.allowed()) {
            tooMany(rc, budget, "Token rate limit exceeded: this request needs " + total + " tokens, "
                    + budget.remaining() + " of " + plan.tokensPerMinute() + " left this minute",
                    "tokens_limit_exceeded");
            return;
        }

        String id = "chat-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        long created = ctx.clock().instant().getEpochSecond();
        ObjectNode usage = Json.object().put("prompt_tokens", promptTokens).put("completion_tokens", tokens.size())
                .put("total_tokens", total);
        if (req.stream()) {
            // the last chunk carries the usage, so a streaming client learns what the answer cost
            SseStream.start(ctx, rc, settings, OpenAiChunks.of(id, created, req.model(), tokens, finish, usage), true);
            return;
        }
        ObjectNode out = Json.object().put("id", id).put("object", "chat.completion").put("created", created)
                .put("model", req.model());
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", finish);
        out.set("usage", usage);
        Responses.json(rc, 200, out);
    }

    private void tooMany(RoutingContext rc, WindowCounter.Usage usage, String message, String code) {
        rc.response().putHeader("Retry-After", String.valueOf(usage.retryAfterSeconds(ctx.clock().instant())));
        Responses.json(rc, 429, error(message, "rate_limit_error", code));
    }

    private static ObjectNode error(String message, String type, String code) {
        ObjectNode body = Json.object();
        body.putObject("error").put("message", message).put("type", type).put("code", code);
        return body;
    }
}
