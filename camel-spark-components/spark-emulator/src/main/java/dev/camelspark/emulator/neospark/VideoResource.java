package dev.camelspark.emulator.neospark;

import static dev.camelspark.emulator.neospark.Gateway.API;
import static dev.camelspark.emulator.neospark.Gateway.ok;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.EmulatedTask;
import dev.camelspark.emulator.core.EmulatorContext;
import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.Params;
import dev.camelspark.emulator.core.Responses;
import dev.camelspark.emulator.core.TaskBoard;
import dev.camelspark.emulator.core.TaskPlan;
import dev.camelspark.emulator.core.TaskView;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Seedance video generation: {@code POST /video/generations} (a task, charged in credits per second), {@code GET}
 * one or a page of them, {@code DELETE} (cancels a running one, removes a finished one), and the videos at
 * {@code /uploads/videos/<user>/<task>.mp4}: real H.264 MP4 files, padded to {@link NeoSparkSettings#videoFileSize()}.
 */
final class VideoResource {

    private static final String PENDING = "pending";
    private static final String PROCESSING = "processing";

    record VideoJob(VideoRequest request, int userId, int cost) {
    }

    private final EmulatorContext ctx;
    private final NeoSparkSettings settings;
    private final Gateway gateway;
    private final References references;
    private final TaskShapes shapes;
    private final TaskBoard<VideoJob> videos;
    private final VideoFiles files = new VideoFiles();

    VideoResource(EmulatorContext ctx, NeoSparkSettings settings, Gateway gateway) {
        this.ctx = ctx;
        this.settings = settings;
        this.gateway = gateway;
        this.references = new References(settings);
        this.shapes = new TaskShapes(settings);
        this.videos = new TaskBoard<>(ctx.clock(), "video_");
        gateway.charges(videos, VideoJob::cost, "video");
    }

    void mount(Router router) {
        router.post(API + "/video/generations").handler(gateway.api(this::create));
        router.get(API + "/video/generations").handler(gateway.api(this::list));
        router.get(API + "/video/generations/:id").handler(gateway.api(this::status));
        router.delete(API + "/video/generations/:id").handler(gateway.api(this::delete));
    }

    void reset() {
        videos.clear();
    }

    private void create(RoutingContext rc, Gateway.User user) {
        VideoRequest req = VideoRequest.parse(Gateway.jsonBody(rc, false));
        Map<String, String> urls = req.referenceUrls();
        urls.forEach((url, param) -> References.checkUrl(param, url));
        int cost = req.estimatedCost();
        gateway.ledger().checkCovers(user.key(), cost);
        references.checkReachable(urls);
        TaskPlan plan = TaskPlan.of(List.of(new TaskPlan.Phase(PENDING, settings.videoPending()),
                new TaskPlan.Phase(PROCESSING, settings.videoProcessing())), ctx.taskOutcome(rc, req.prompt()));
        EmulatedTask<VideoJob> task = gateway.createCharged(user, videos, plan, new VideoJob(req, user.id(), cost),
                cost, "Video generation " + req.model() + " " + req.duration() + "s");
        ObjectNode out = Json.object().put("task_id", task.id()).put("status", videos.view(task).status())
                .put("progress", 0).put("model", req.model()).put("duration", req.duration())
                .put("ratio", req.ratio()).put("resolution", req.resolution()).put("estimated_cost", cost);
        out.putObject("pricing").put("estimated_cost", cost).put("currency", "credits");
        out.put("created_at", task.createdAt().toString());
        ok(rc, shapes.created(out, "task_id"));
    }

    private EmulatedTask<VideoJob> own(String id, Gateway.User user) {
        return videos.get(id, user.key()).orElseThrow(() -> new Gateway.Failure(404, "Task not found: " + id));
    }

    private void status(RoutingContext rc, Gateway.User user) {
        EmulatedTask<VideoJob> task = own(rc.pathParam("id"), user);
        ok(rc, videoJson(task, videos.view(task)));
    }

    private void list(RoutingContext rc, Gateway.User user) {
        long page = Params.integer("page", Gateway.param(rc, "page", "1"), 1, Integer.MAX_VALUE);
        long pageSize = Params.integer("page_size", Gateway.param(rc, "page_size", "20"), 1, 100);
        String status = Params.oneOf("status", rc.request().getParam("status"),
                List.of(PENDING, PROCESSING, TaskView.COMPLETED, TaskView.FAILED, TaskView.CANCELLED));
        List<ObjectNode> items = Gateway.newestFirst(videos.ownedBy(user.key())).stream()
                .map(t -> videoJson(t, videos.view(t)))
                .filter(j -> status == null || j.get("status").asText().equals(status))
                .toList();
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("items");
        items.stream().skip((page - 1) * pageSize).limit(pageSize).forEach(list::add);
        out.put("total", items.size()).put("page", page).put("page_size", pageSize);
        ok(rc, out);
    }

    /** A running task is cancelled (and refunded); a finished one is removed, its video with it. */
    private void delete(RoutingContext rc, Gateway.User user) {
        EmulatedTask<VideoJob> task = own(rc.pathParam("id"), user);
        if (videos.cancel(task)) {
            gateway.settle(user);
            ok(rc, "Task cancelled", videoJson(task, videos.view(task)));
        } else {
            videos.remove(task.id());
            ok(rc, "Task deleted", null);
        }
    }

    private ObjectNode videoJson(EmulatedTask<VideoJob> task, TaskView view) {
        VideoJob job = task.request();
        VideoRequest req = job.request();
        ObjectNode out = Json.object().put("task_id", task.id()).put("status", view.status())
                .put("progress", ProgressSteps.percent(task.id(), view)).put("prompt", req.prompt())
                .put("model", req.model()).put("duration", req.duration()).put("ratio", req.ratio())
                .put("resolution", req.resolution()).put("generate_audio", req.generateAudio());
        if (view.state() == TaskView.State.COMPLETED) {
            out.put("video_url", "/uploads/videos/" + job.userId() + "/" + task.id() + ".mp4");
        } else {
            out.putNull("video_url");
        }
        out.put("estimated_cost", job.cost());
        TaskShapes.putCost(out, view, job.cost());
        shapes.putError(out, view);
        out.put("created_at", task.createdAt().toString());
        TaskShapes.putTime(out, "completed_at", view.finishedAt());
        return shapes.video(out);
    }

    /** {@code /uploads/videos/<user>/<task>.mp4}: a completed task's video, generated while it is sent. */
    void serve(RoutingContext rc, String user, String taskId, Object notFound) {
        EmulatedTask<VideoJob> task = videos.get(taskId, null).orElse(null);
        if (task == null || videos.view(task).state() != TaskView.State.COMPLETED
                || !String.valueOf(task.request().userId()).equals(user)) {
            Responses.json(rc, 404, notFound);
            return;
        }
        long wanted = settings.videoFileSize();
        files.clip(rc.vertx(), task.request().request()).onComplete(ar -> {
            if (rc.response().closed() || rc.response().ended()) {
                return;
            }
            if (ar.failed()) {
                Responses.json(rc, 500, Gateway.envelope(500, "Video encoding failed: " + ar.cause().getMessage(),
                        null));
                return;
            }
            rc.response().setStatusCode(200);
            ar.result().send(rc.response(), wanted);
        });
    }
}
