package dev.camelspark.emulator.sparkdream;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.ApiCall;
import dev.camelspark.emulator.core.Balances;
import dev.camelspark.emulator.core.BearerKey;
import dev.camelspark.emulator.core.ContentKind;
import dev.camelspark.emulator.core.EmulatedTask;
import dev.camelspark.emulator.core.EmulatorContext;
import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.ProviderApi;
import dev.camelspark.emulator.core.Responses;
import dev.camelspark.emulator.core.Seeds;
import dev.camelspark.emulator.core.TaskBoard;
import dev.camelspark.emulator.core.TaskPlan;
import dev.camelspark.emulator.core.TaskView;
import dev.camelspark.emulator.media.MediaStore;
import dev.camelspark.emulator.media.PictureRenderer;
import dev.camelspark.emulator.media.PngEncoder;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Spark Dream 3.0 through the Vtrix gateway (api-contracts.md §4): {@code POST /model/v1/generation} creates an image
 * task, {@code GET /model/v1/generation/task/{id}} reads it. Tasks go {@code pending} then {@code processing} (or
 * {@code in_progress}) then {@code completed} or {@code failed} on the emulator clock; results are PNGs served from
 * {@code /cdn/} under the other loopback name, standing for the vendor's CDN host, so a test can check that no key
 * was sent there.
 */
public class SparkDreamApi implements ProviderApi {

    static final String CREATE_PATH = "/model/v1/generation";
    static final String TASK_PATH = "/model/v1/generation/task/";
    static final String CDN_PATH = "/cdn/";
    private static final String PROCESSING = "processing";

    /** What a task keeps of its request. */
    record Generation(GenerationRequest request, long seed, String jobId, BigDecimal cost) {
    }

    private final EmulatorContext ctx;
    private final SparkDreamSettings settings = new SparkDreamSettings();
    private final TaskBoard<Generation> tasks;
    private final MediaStore images;
    private final Balances balances;

    public SparkDreamApi(EmulatorContext ctx) {
        this.ctx = ctx;
        this.tasks = new TaskBoard<>(ctx.clock(), "task-");
        this.images = new MediaStore(ctx.clock());
        this.balances = new Balances(settings::startingBalance);
    }

    @Override
    public SparkDreamSettings settings() {
        return settings;
    }

    @Override
    public void reset() {
        tasks.clear();
        images.clear();
        balances.clear();
    }

    @Override
    public Object errorBody(int status, String message) {
        return Map.of("message", message);
    }

    @Override
    public Map<String, Set<ContentKind>> operations() {
        return SparkDreamOperations.ALL;
    }

    @Override
    public Optional<ApiCall> identify(String method, String path, Map<String, List<String>> query, JsonNode body) {
        return SparkDreamOperations.identify(method, path, body);
    }

    @Override
    public void mount(Router router) {
        router.post(CREATE_PATH).handler(this::create);
        router.get(TASK_PATH + ":id").handler(this::read);
        router.get(CDN_PATH + ":file").handler(this::serveImage);
    }

    /** The caller's key, or null after answering 401. */
    private String key(RoutingContext rc) {
        String key = BearerKey.of(rc);
        if (key == null) {
            Responses.json(rc, 401, errorBody(401, "Missing or invalid Authorization header: use Bearer YOUR_API_KEY"));
            return null;
        }
        if (settings.isDenied(key)) {
            Responses.json(rc, 401, errorBody(401, "Invalid API key"));
            return null;
        }
        return key;
    }

    private void create(RoutingContext rc) {
        String key = key(rc);
        if (key == null) {
            return;
        }
        JsonNode body = Json.parseOrNull(rc.body().asString());
        if (body == null || !body.isObject()) {
            Responses.json(rc, 400, errorBody(400, "Request body must be a JSON object"));
            return;
        }
        String model = body.path("model").asText(null);
        if (!GenerationRequest.MODEL.equals(model)) {
            Responses.json(rc, 400, errorBody(400, "Unknown model '" + model + "': use " + GenerationRequest.MODEL));
            return;
        }
        GenerationRequest request;
        try {
            request = GenerationRequest.parse(GenerationRequest.paramsOf(body));
        } catch (GenerationRequest.Invalid e) {
            refuse(rc, key, e);
            return;
        }
        BigDecimal cost = settings.costPerImage();
        Balances.Charge charge = balances.charge(key, cost);
        if (!charge.allowed()) {
            Responses.json(rc, 403, errorBody(403, "Insufficient balance: " + charge.available().toPlainString()
                    + " USD available, the task costs " + cost.toPlainString() + " USD"));
            return;
        }
        TaskPlan plan = TaskPlan.of(List.of(new TaskPlan.Phase("pending", settings.pending()),
                new TaskPlan.Phase(PROCESSING, settings.processing())),
                ctx.taskOutcome(rc, request.prompt()));
        long seed = request.seed() > 0 ? request.seed() : ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        EmulatedTask<Generation> task = tasks.create(key, plan,
                new Generation(request, seed, "job-" + Seeds.hex(16, request.prompt(), seed, System.nanoTime()), cost));
        int w = request.width();
        int h = request.height();
        long pictureSeed = Seeds.of(request.prompt(), seed, w, h);
        images.put(task.id(), settings.imageTtl().plus(plan.total()),
                ctx.image(rc, () -> PngEncoder.encode(w, h, PictureRenderer.render(w, h, pictureSeed, false))));
        Responses.json(rc, 200, taskJson(rc, task));
    }

    /** A request that fails validation: by default a task that is already failed, or HTTP 400 (switch). */
    private void refuse(RoutingContext rc, String key, GenerationRequest.Invalid e) {
        if (settings.validationAsHttp400()) {
            ObjectNode body = Json.object();
            body.set("error", errorValue(e.code(), e.getMessage()));
            Responses.json(rc, 400, body);
            return;
        }
        TaskPlan failed = new TaskPlan(List.of(new TaskPlan.Phase("pending", Duration.ZERO)),
                TaskPlan.Ending.FAILED, e.code(), e.getMessage());
        Responses.json(rc, 200, taskJson(rc, tasks.create(key, failed, null)));
    }

    private void read(RoutingContext rc) {
        String key = key(rc);
        if (key == null) {
            return;
        }
        String id = rc.pathParam("id");
        tasks.get(id, key).ifPresentOrElse(task -> Responses.json(rc, 200, taskJson(rc, task)),
                () -> Responses.json(rc, 404, errorBody(404, "Task not found: " + id)));
    }

    private ObjectNode taskJson(RoutingContext rc, EmulatedTask<Generation> task) {
        TaskView view = tasks.view(task);
        String status = PROCESSING.equals(view.status()) && settings.inProgressStatus() ? "in_progress" : view.status();
        boolean minimal = settings.minimalTasks();
        ObjectNode json = Json.object()
                .put("id", task.id())
                .put("status", status);
        if (!minimal) {
            json.put("model", GenerationRequest.MODEL).put("created_at", task.createdAt().getEpochSecond());
        }
        Generation g = task.request();
        switch (view.state()) {
            case RUNNING -> {
                if (!minimal) {
                    json.put("progress", Math.round(view.progress() * 100) / 100.0);
                }
            }
            case COMPLETED -> {
                String url = EmulatorContext.otherOrigin(rc) + ctx.prefix() + CDN_PATH + task.id() + ".png";
                if (minimal) {
                    json.putArray("output").addObject().putArray("content").addObject().put("url", url);
                    break;
                }
                json.put("progress", 1.0);
                json.putArray("output").addObject().putArray("content").addObject()
                        .put("type", "image")
                        .put("url", url)
                        .put("size", (long) g.request().width() * g.request().height())
                        .put("jobId", g.jobId());
                json.putObject("usage").put("cost", g.cost().setScale(4, RoundingMode.HALF_UP).toPlainString())
                        .put("discount", 0);
                json.putObject("metadata")
                        .put("seed", g.seed())
                        .put("width", g.request().width())
                        .put("height", g.request().height())
                        .put("scale", g.request().scale())
                        .put("use_pre_llm", g.request().usePreLlm())
                        .put("finished_at", view.finishedAt().getEpochSecond());
            }
            case FAILED, CANCELLED -> json.set("error", errorValue(
                    view.code() != null ? view.code() : "003019095",
                    view.message() != null ? view.message() : "Internal generation error"));
        }
        return json;
    }

    /** {@code error} in the configured shape. */
    private JsonNode errorValue(String code, String message) {
        return switch (settings.errorShape()) {
            case ERROR_MESSAGE -> Json.object().put("code", code).put("error_message", message);
            case MESSAGE -> Json.object().put("code", code).put("message", message);
            case STRING -> Json.MAPPER.getNodeFactory().textNode(message);
        };
    }

    private void serveImage(RoutingContext rc) {
        String file = rc.pathParam("file");
        String id = file.endsWith(".png") ? file.substring(0, file.length() - 4) : file;
        images.serve(rc, id, errorBody(404, "Not found"));
    }
}
