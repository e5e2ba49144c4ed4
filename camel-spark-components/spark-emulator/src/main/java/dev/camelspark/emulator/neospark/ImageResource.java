package dev.camelspark.emulator.neospark;

import static dev.camelspark.emulator.neospark.Gateway.API;
import static dev.camelspark.emulator.neospark.Gateway.ok;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.EmulatedTask;
import dev.camelspark.emulator.core.EmulatorContext;
import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.Params;
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
 * Image generation in drawing sessions: {@code /drawing/sessions} (create, list, delete), {@code POST
 * /drawing/sessions/{id}/generate} (a task, charged in credits), {@code GET /drawing/messages/{id}} (the task), and
 * the generated PNGs at {@code /uploads/<user>/images/<y>/<m>/<d>/<message>_<n>.png}.
 */
final class ImageResource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    record ImageJob(ImageRequest request, int userId, String sessionId, int cost) {
    }

    record Session(String id, String key, String title, Instant createdAt) {
    }

    private final EmulatorContext ctx;
    private final NeoSparkSettings settings;
    private final Gateway gateway;
    private final Uploads uploads;
    private final References references;
    private final TaskShapes shapes;
    private final TaskBoard<ImageJob> images;
    private final MediaStore files;
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    ImageResource(EmulatorContext ctx, NeoSparkSettings settings, Gateway gateway, Uploads uploads) {
        this.ctx = ctx;
        this.settings = settings;
        this.gateway = gateway;
        this.uploads = uploads;
        this.references = new References(settings);
        this.shapes = new TaskShapes(settings);
        this.images = new TaskBoard<>(ctx.clock(), "dm_");
        this.files = new MediaStore(ctx.clock());
        gateway.charges(images, ImageJob::cost, "image");
    }

    void mount(Router router) {
        router.post(API + "/drawing/sessions").handler(gateway.api(this::createSession));
        router.get(API + "/drawing/sessions").handler(gateway.api(this::listSessions));
        router.delete(API + "/drawing/sessions/:id").handler(gateway.api(this::deleteSession));
        router.post(API + "/drawing/sessions/:id/generate").handler(gateway.api(this::generate));
        router.get(API + "/drawing/messages/:id").handler(gateway.api(this::status));
    }

    void reset() {
        images.clear();
        files.clear();
        synchronized (sessions) {
            sessions.clear();
        }
    }

    // ---------------------------------------------------------------- sessions

    private void createSession(RoutingContext rc, Gateway.User user) {
        String title = new JsonFields(Gateway.jsonBody(rc, true)).text("title");
        Session session = new Session(gateway.newId("ds_", 12), user.key(), title == null ? "Untitled" : title,
                ctx.clock().instant());
        synchronized (sessions) {
            sessions.put(session.id(), session);
        }
        ok(rc, sessionJson(session));
    }

    private void listSessions(RoutingContext rc, Gateway.User user) {
        int limit = Gateway.limit(rc);
        int offset = Gateway.offset(rc);
        List<Session> mine;
        synchronized (sessions) {
            mine = sessions.values().stream().filter(s -> s.key().equals(user.key())).toList();
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        Gateway.newestFirst(mine).stream().skip(offset).limit(limit).forEach(s -> out.add(sessionJson(s)));
        ok(rc, out);
    }

    private ObjectNode sessionJson(Session s) {
        long messages = images.ownedBy(s.key()).stream().filter(t -> t.request().sessionId().equals(s.id())).count();
        return Json.object().put("session_id", s.id()).put("title", s.title())
                .put("created_at", s.createdAt().toString()).put("message_count", messages);
    }

    private void deleteSession(RoutingContext rc, Gateway.User user) {
        String id = rc.pathParam("id");
        synchronized (sessions) {
            ownSession(id, user);
            sessions.remove(id);
        }
        ok(rc, "Session deleted", null);
    }

    private void ownSession(String id, Gateway.User user) {
        synchronized (sessions) {
            Session s = sessions.get(id);
            if (s == null || !s.key().equals(user.key())) {
                throw new Gateway.Failure(404, "Session not found: " + id);
            }
        }
    }

    // ---------------------------------------------------------------- generation

    private void generate(RoutingContext rc, Gateway.User user) {
        String sessionId = rc.pathParam("id");
        ownSession(sessionId, user);
        ImageRequest req = ImageRequest.parse(Gateway.jsonBody(rc, false));
        for (String ref : req.uploadReferences()) {
            if (uploads.own(user.key(), ref).isEmpty()) {
                throw new Params.Invalid("ref_upload_ids", "Unknown reference upload '" + ref
                        + "': upload it first with POST /storage/upload");
            }
        }
        int cost = req.estimatedCost();
        gateway.ledger().checkCovers(user.key(), cost);
        Map<String, String> paths = new LinkedHashMap<>();
        req.refImagePaths().forEach(p -> paths.put(p, "ref_image_paths"));
        references.checkReachable(paths);
        TaskPlan plan = TaskPlan.of(List.of(new TaskPlan.Phase("pending", settings.imagePending()),
                new TaskPlan.Phase("generating", settings.imageGenerating())), ctx.taskOutcome(rc, req.prompt()));
        EmulatedTask<ImageJob> task = gateway.createCharged(user, images, plan,
                new ImageJob(req, user.id(), sessionId, cost), cost,
                "Image generation " + req.model().id() + " " + req.resolution() + " x" + req.numImages());
        int[] size = ImageModels.pixels(req.resolution(), req.aspectRatio());
        for (int i = 0; i < req.numImages(); i++) {
            long seed = Seeds.of(req.prompt(), req.negativePrompt(), task.id(), i);
            files.put(task.id() + "_" + i, Gateway.MEDIA_TTL.plus(plan.total()), ctx.image(rc,
                    () -> PngEncoder.encode(size[0], size[1], PictureRenderer.render(size[0], size[1], seed, false))));
        }
        ok(rc, shapes.created(Json.object().put("message_id", task.id()).put("status", images.view(task).status())
                .put("estimated_cost", cost).put("created_at", task.createdAt().toString()), "message_id"));
    }

    private void status(RoutingContext rc, Gateway.User user) {
        String id = rc.pathParam("id");
        EmulatedTask<ImageJob> task = images.get(id, user.key())
                .orElseThrow(() -> new Gateway.Failure(404, "Message not found: " + id));
        ok(rc, imageJson(task, images.view(task)));
    }

    private ObjectNode imageJson(EmulatedTask<ImageJob> task, TaskView view) {
        ImageJob job = task.request();
        ObjectNode out = Json.object().put("message_id", task.id()).put("session_id", job.sessionId())
                .put("status", view.status()).put("prompt", job.request().prompt())
                .put("model", job.request().model().id()).put("resolution", job.request().resolution())
                .put("aspect_ratio", job.request().aspectRatio()).put("num_images", job.request().numImages())
                .put("estimated_cost", job.cost());
        ArrayNode urls = out.putArray("images");
        boolean completed = view.state() == TaskView.State.COMPLETED;
        if (completed) {
            for (int i = 0; i < job.request().numImages(); i++) {
                urls.addObject().put("url", imageUrl(task, i));
            }
        }
        TaskShapes.putCost(out, view, job.cost());
        if (completed) {
            Instant started = task.createdAt().plus(task.plan().phases().get(0).duration());
            out.put("generation_time", Math.max(0, Duration.between(started, view.finishedAt()).toMillis()) / 1000.0);
        } else {
            out.putNull("generation_time");
        }
        shapes.putError(out, view);
        out.put("created_at", task.createdAt().toString());
        TaskShapes.putTime(out, "completed_at", view.finishedAt());
        return shapes.image(out);
    }

    private static String imageUrl(EmulatedTask<ImageJob> task, int index) {
        return "/uploads/" + task.request().userId() + "/images/" + DAY.format(task.createdAt()) + "/" + task.id()
                + "_" + index + ".png";
    }

    // ---------------------------------------------------------------- files

    /** The key's generated images, each with when it was made, for the listing of the user's images. */
    List<Map.Entry<Instant, ObjectNode>> generated(String key) {
        List<Map.Entry<Instant, ObjectNode>> items = new ArrayList<>();
        for (EmulatedTask<ImageJob> t : images.ownedBy(key)) {
            TaskView view = images.view(t);
            if (view.state() != TaskView.State.COMPLETED) {
                continue;
            }
            for (int i = 0; i < t.request().request().numImages(); i++) {
                items.add(Map.entry(view.finishedAt(), Json.object().put("id", t.id() + "_" + i)
                        .put("type", "generated").put("url", imageUrl(t, i)).put("message_id", t.id())
                        .put("prompt", t.request().request().prompt())
                        .put("created_at", view.finishedAt().toString())));
            }
        }
        return items;
    }

    /** {@code /uploads/<user>/images/<y>/<m>/<d>/<file>}: a completed task's PNG when the path is its URL. */
    void serve(RoutingContext rc, String path, String file, Object notFound) {
        String name = file.substring(0, file.length() - ".png".length());
        int underscore = name.lastIndexOf('_');
        EmulatedTask<ImageJob> task = underscore < 0 ? null
                : images.get(name.substring(0, underscore), null).orElse(null);
        if (task == null || images.view(task).state() != TaskView.State.COMPLETED
                || !isImageOf(task, name.substring(underscore + 1), path)) {
            Responses.json(rc, 404, notFound);
            return;
        }
        files.serve(rc, name, notFound);
    }

    private static boolean isImageOf(EmulatedTask<ImageJob> task, String index, String path) {
        for (int i = 0; i < task.request().request().numImages(); i++) {
            if (String.valueOf(i).equals(index) && imageUrl(task, i).equals(path)) {
                return true;
            }
        }
        return false;
    }
}
