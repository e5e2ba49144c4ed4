package dev.camelspark.emulator.neospark;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.ApiCall;
import dev.camelspark.emulator.core.ContentKind;
import dev.camelspark.emulator.core.EmulatedTask;
import dev.camelspark.emulator.core.EmulatorContext;
import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.Multipart;
import dev.camelspark.emulator.core.Params;
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
 * NeoSpark (api-contracts.md §5): image generation in drawing sessions, Seedance video generation, uploads, the
 * user's images and the billing history, all under {@code /api/v1} with every JSON answer in the
 * {@code {code, message, data}} envelope; generated and uploaded media under {@code /uploads/} at the host root, as
 * the relative URLs in the answers say. Images and videos are {@link TaskBoard} tasks on the emulator clock, steered
 * by the emulator's task rules.
 */
public class NeoSparkApi implements ProviderApi {

    static final String API = "/api/v1";
    private static final String PENDING = "pending";
    private static final Duration MEDIA_TTL = Duration.ofDays(30);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    /** Who is calling: the key (or bearer token) and the user id it stands for, which appears in media paths. */
    record User(String key, int id) {
    }

    record ImageJob(ImageRequest request, int userId, String sessionId, int cost) {
    }

    record VideoJob(VideoRequest request, int userId, int cost) {
    }

    record Session(String id, String key, String title, Instant createdAt) {
    }

    record Upload(String id, String key, String url, String filename, String contentType, long size,
            Instant createdAt) {
    }

    /** An answer other than 200, with the vendor's message. */
    static final class Failure extends RuntimeException {
        final int status;

        Failure(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private interface Call {
        void handle(RoutingContext rc, User user);
    }

    private final EmulatorContext ctx;
    private final NeoSparkSettings settings = new NeoSparkSettings();
    private final TaskBoard<ImageJob> images;
    private final TaskBoard<VideoJob> videos;
    /** Task ids in creation order (the boards do not keep an order), for listings. */
    private final List<String> imageIds = new CopyOnWriteArrayList<>();
    private final List<String> videoIds = new CopyOnWriteArrayList<>();
    private final Ledger ledger = new Ledger(settings);
    private final TaskShapes shapes = new TaskShapes(settings);
    private final MediaStore media;
    private final VideoFiles videoFiles = new VideoFiles();
    private final Map<String, Integer> userIds = new ConcurrentHashMap<>();
    private final AtomicInteger nextUserId = new AtomicInteger();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    private final AtomicLong counter = new AtomicLong();
    /** Makes ids differ between emulator runs, so a task store kept from an earlier run never matches by chance. */
    private final String salt = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));

    public NeoSparkApi(EmulatorContext ctx) {
        this.ctx = ctx;
        this.images = new TaskBoard<>(ctx.clock(), "dm_");
        this.videos = new TaskBoard<>(ctx.clock(), "video_");
        this.media = new MediaStore(ctx.clock());
    }

    @Override
    public NeoSparkSettings settings() {
        return settings;
    }

    @Override
    public Object errorBody(int status, String message) {
        return envelope(status, message, null);
    }

    @Override
    public void reset() {
        images.clear();
        videos.clear();
        imageIds.clear();
        videoIds.clear();
        ledger.clear();
        media.clear();
        userIds.clear();
        nextUserId.set(0);
        settled.clear();
        synchronized (sessions) {
            sessions.clear();
        }
        synchronized (uploads) {
            uploads.clear();
        }
    }

    @Override
    public Map<String, Set<ContentKind>> operations() {
        return NeoSparkOperations.ALL;
    }

    @Override
    public Optional<ApiCall> identify(String method, String path, Map<String, List<String>> query, JsonNode body) {
        return NeoSparkOperations.identify(method, path, body);
    }

    @Override
    public void mount(Router router) {
        router.get(API + "/drawing/models/config").handler(rc -> api(rc, (r, u) -> ok(r, ImageModels.config())));
        router.post(API + "/drawing/sessions").handler(rc -> api(rc, this::createSession));
        router.get(API + "/drawing/sessions").handler(rc -> api(rc, this::listSessions));
        router.delete(API + "/drawing/sessions/:id").handler(rc -> api(rc, this::deleteSession));
        router.post(API + "/drawing/sessions/:id/generate").handler(rc -> api(rc, this::generateImage));
        router.get(API + "/drawing/messages/:id").handler(rc -> api(rc, this::imageStatus));
        router.get(API + "/drawing/billing/history").handler(rc -> api(rc, this::billing));
        router.post(API + "/storage/upload").handler(rc -> api(rc, this::upload));
        router.get(API + "/storage/user-images").handler(rc -> api(rc, this::userImages));
        router.get(API + "/video/models").handler(rc -> api(rc, (r, u) -> ok(r, videoModels())));
        router.post(API + "/video/generations").handler(rc -> api(rc, this::createVideo));
        router.get(API + "/video/generations").handler(rc -> api(rc, this::listVideos));
        router.get(API + "/video/generations/:id").handler(rc -> api(rc, this::videoStatus));
        router.delete(API + "/video/generations/:id").handler(rc -> api(rc, this::deleteVideo));
        router.get("/uploads/*").handler(this::serveFile);
    }

    // ---------------------------------------------------------------- auth, envelope

    /** Key check, refunds of tasks that ended badly since the last call, then the call; errors in the envelope. */
    private void api(RoutingContext rc, Call call) {
        String key = keyOf(rc);
        if (key == null || settings.isDenied(key)) {
            Responses.json(rc, 401, envelope(401, "Invalid or expired API Key", null));
            return;
        }
        User user = new User(key, userIds.computeIfAbsent(key, k -> nextUserId.incrementAndGet()));
        try {
            settle(user);
            call.handle(rc, user);
        } catch (Params.Invalid e) {
            Responses.json(rc, 400, envelope(400, e.getMessage(), null));
        } catch (Ledger.Insufficient e) {
            Responses.json(rc, 402, envelope(402, e.getMessage(), null));
        } catch (Failure e) {
            Responses.json(rc, e.status, envelope(e.status, e.getMessage(), null));
        }
    }

    /**
     * {@code X-API-Key: np_...}, {@code Authorization: ApiKey np_...}, or {@code Authorization: Bearer TOKEN}; null
     * when none is usable.
     */
    static String keyOf(RoutingContext rc) {
        String header = rc.request().getHeader("X-API-Key");
        if (header != null) {
            return apiKey(header.trim());
        }
        String auth = rc.request().getHeader("Authorization");
        if (auth == null) {
            return null;
        }
        if (auth.regionMatches(true, 0, "ApiKey ", 0, 7)) {
            return apiKey(auth.substring(7).trim());
        }
        if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = auth.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private static String apiKey(String key) {
        return key.startsWith("np_") && key.length() > 3 ? key : null;
    }

    static ObjectNode envelope(int code, String message, JsonNode data) {
        ObjectNode out = Json.object().put("code", code).put("message", message);
        out.set("data", data);
        return out;
    }

    private static void ok(RoutingContext rc, JsonNode data) {
        ok(rc, "success", data);
    }

    private static void ok(RoutingContext rc, String message, JsonNode data) {
        Responses.json(rc, 200, envelope(200, message, data));
    }

    private static JsonNode jsonBody(RoutingContext rc, boolean optional) {
        String text = rc.body() == null ? null : rc.body().asString();
        if (optional && (text == null || text.isBlank())) {
            return Json.object();
        }
        JsonNode body = Json.parseOrNull(text);
        if (body == null || !body.isObject()) {
            throw new Params.Invalid("body", "Request body must be a JSON object");
        }
        return body;
    }

    private String newId(String prefix, int hexChars, String suffix) {
        return prefix + Seeds.hex(hexChars, salt, counter.incrementAndGet()) + suffix;
    }

    // ---------------------------------------------------------------- sessions and images

    private void createSession(RoutingContext rc, User user) {
        String title = new JsonFields(jsonBody(rc, true)).text("title");
        Session session = new Session(newId("ds_", 12, ""), user.key(), title == null ? "Untitled" : title,
                ctx.clock().instant());
        synchronized (sessions) {
            sessions.put(session.id(), session);
        }
        ok(rc, sessionJson(session));
    }

    private void listSessions(RoutingContext rc, User user) {
        int limit = limit(rc);
        int offset = offset(rc);
        List<Session> mine;
        synchronized (sessions) {
            mine = sessions.values().stream().filter(s -> s.key().equals(user.key())).toList();
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        newestFirst(mine).stream().skip(offset).limit(limit).forEach(s -> out.add(sessionJson(s)));
        ok(rc, out);
    }

    private ObjectNode sessionJson(Session s) {
        long messages = mine(images, imageIds, s.key()).stream()
                .filter(t -> t.request().sessionId().equals(s.id())).count();
        return Json.object().put("session_id", s.id()).put("title", s.title())
                .put("created_at", s.createdAt().toString()).put("message_count", messages);
    }

    private void deleteSession(RoutingContext rc, User user) {
        String id = rc.pathParam("id");
        synchronized (sessions) {
            Session s = sessions.get(id);
            if (s == null || !s.key().equals(user.key())) {
                throw new Failure(404, "Session not found: " + id);
            }
            sessions.remove(id);
        }
        ok(rc, "Session deleted", null);
    }

    private void generateImage(RoutingContext rc, User user) {
        String sessionId = rc.pathParam("id");
        synchronized (sessions) {
            Session s = sessions.get(sessionId);
            if (s == null || !s.key().equals(user.key())) {
                throw new Failure(404, "Session not found: " + sessionId);
            }
        }
        ImageRequest req = ImageRequest.parse(jsonBody(rc, false));
        for (String ref : req.uploadReferences()) {
            Upload upload;
            synchronized (uploads) {
                upload = uploads.get(ref);
            }
            if (upload == null || !upload.key().equals(user.key())) {
                throw new Params.Invalid("ref_upload_ids", "Unknown reference upload '" + ref
                        + "': upload it first with POST /storage/upload");
            }
        }
        int cost = req.estimatedCost();
        ledger.checkCovers(user.key(), cost);
        Map<String, String> paths = new LinkedHashMap<>();
        req.refImagePaths().forEach(p -> paths.put(p, "ref_image_paths"));
        checkReachable(paths);
        TaskPlan plan = TaskPlan.of(List.of(new TaskPlan.Phase(PENDING, settings.imagePending()),
                new TaskPlan.Phase("generating", settings.imageGenerating())),
                ctx.taskOutcome(rc, req.prompt()));
        EmulatedTask<ImageJob> task = createCharged(user, images, imageIds, plan,
                new ImageJob(req, user.id(), sessionId, cost), cost,
                "Image generation " + req.model().id() + " " + req.resolution() + " x" + req.numImages());
        int[] size = ImageModels.pixels(req.resolution(), req.aspectRatio());
        for (int i = 0; i < req.numImages(); i++) {
            long seed = Seeds.of(req.prompt(), req.negativePrompt(), task.id(), i);
            media.put(task.id() + "_" + i, MEDIA_TTL.plus(plan.total()), ctx.image(rc,
                    () -> PngEncoder.encode(size[0], size[1], PictureRenderer.render(size[0], size[1], seed, false))));
        }
        ok(rc, shapes.created(Json.object().put("message_id", task.id()).put("status", images.view(task).status())
                .put("estimated_cost", cost).put("created_at", task.createdAt().toString()), "message_id"));
    }

    private void imageStatus(RoutingContext rc, User user) {
        String id = rc.pathParam("id");
        EmulatedTask<ImageJob> task = images.get(id, user.key())
                .orElseThrow(() -> new Failure(404, "Message not found: " + id));
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
        putCost(out, view, job.cost());
        if (completed) {
            Instant started = task.createdAt().plus(task.plan().phases().get(0).duration());
            out.put("generation_time", Math.max(0, Duration.between(started, view.finishedAt()).toMillis()) / 1000.0);
        } else {
            out.putNull("generation_time");
        }
        shapes.putError(out, view);
        out.put("created_at", task.createdAt().toString());
        putTime(out, "completed_at", view.finishedAt());
        return shapes.image(out);
    }

    private static String imageUrl(EmulatedTask<ImageJob> task, int index) {
        return "/uploads/" + task.request().userId() + "/images/" + DAY.format(task.createdAt()) + "/" + task.id()
                + "_" + index + ".png";
    }

    // ---------------------------------------------------------------- storage and billing

    private void upload(RoutingContext rc, User user) {
        String contentType = rc.request().getHeader("Content-Type");
        if (!Multipart.isMultipart(contentType)) {
            throw new Params.Invalid("file", "Upload must be multipart/form-data with a 'file' part");
        }
        List<Multipart.Part> parts;
        try {
            parts = Multipart.parse(contentType, rc.body().buffer().getBytes());
        } catch (IllegalArgumentException e) {
            throw new Params.Invalid("file", "Malformed multipart body: " + e.getMessage());
        }
        Multipart.Part file = parts.stream().filter(p -> "file".equals(p.name()) && p.filename() != null)
                .findFirst().orElseThrow(() -> new Params.Invalid("file", "Missing required file part 'file'"));
        String fileType = parts.stream().filter(p -> "file_type".equals(p.name())).map(Multipart.Part::text)
                .findFirst().orElse("image");
        if (!fileType.equals("image")) {
            throw new Params.Invalid("file_type", "Invalid value '" + fileType + "' for 'file_type': must be image");
        }
        if (file.data().length == 0) {
            throw new Params.Invalid("file", "The uploaded file is empty");
        }
        if (file.data().length > settings.maxUploadBytes()) {
            throw new Params.Invalid("file", "File too large: " + file.data().length + " bytes, at most "
                    + settings.maxUploadBytes());
        }
        String type = ImageSniffer.contentType(file.data());
        if (type == null) {
            throw new Params.Invalid("file", "Unsupported file: only PNG, JPEG, WebP or GIF images are accepted");
        }
        String id = newId("up_", 16, "");
        String url = "/uploads/" + user.id() + "/refs/" + id + ImageSniffer.extension(type);
        Upload upload = new Upload(id, user.key(), url, file.filename(), type, file.data().length, ctx.clock().instant());
        byte[] bytes = file.data();
        media.put("upload_" + id, type, MEDIA_TTL, () -> bytes);
        synchronized (uploads) {
            uploads.put(id, upload);
        }
        ok(rc, Json.object().put("upload_id", id).put("url", url).put("filename", upload.filename())
                .put("file_type", "image").put("content_type", type).put("size", upload.size())
                .put("created_at", upload.createdAt().toString()));
    }

    /** The user's uploads and generated images, newest first. */
    private void userImages(RoutingContext rc, User user) {
        int limit = limit(rc);
        int offset = offset(rc);
        List<Map.Entry<Instant, ObjectNode>> items = new java.util.ArrayList<>();
        synchronized (uploads) {
            uploads.values().stream().filter(u -> u.key().equals(user.key())).forEach(u -> items.add(Map.entry(
                    u.createdAt(), Json.object().put("id", u.id()).put("type", "upload").put("url", u.url())
                            .put("filename", u.filename()).put("created_at", u.createdAt().toString()))));
        }
        for (EmulatedTask<ImageJob> t : mine(images, imageIds, user.key())) {
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
        items.sort(Map.Entry.<Instant, ObjectNode>comparingByKey().reversed());
        ObjectNode out = Json.object().put("total", items.size()).put("limit", limit).put("offset", offset);
        ArrayNode list = out.putArray("items");
        items.stream().skip(offset).limit(limit).forEach(e -> list.add(e.getValue()));
        ok(rc, out);
    }

    private void billing(RoutingContext rc, User user) {
        int limit = limit(rc);
        int offset = offset(rc);
        String type = rc.request().getParam("type");
        List<Ledger.Transaction> all = ledger.transactions(user.key()).stream()
                .filter(t -> type == null || type.isBlank() || t.type().equals(type)).toList();
        ObjectNode out = Json.object().put("total", all.size()).put("offset", offset).put("limit", limit)
                .put("balance", ledger.available(user.key()));
        ArrayNode list = out.putArray("transactions");
        all.stream().skip(offset).limit(limit).forEach(t -> list.add(t.toJson()));
        ok(rc, out);
    }

    /** Refunds the user's tasks that failed or were cancelled since the last call. */
    private void settle(User user) {
        for (EmulatedTask<ImageJob> t : mine(images, imageIds, user.key())) {
            settle(user, t.id(), images.view(t), t.request().cost(), "image");
        }
        for (EmulatedTask<VideoJob> t : mine(videos, videoIds, user.key())) {
            settle(user, t.id(), videos.view(t), t.request().cost(), "video");
        }
    }

    private void settle(User user, String id, TaskView view, int cost, String what) {
        if ((view.state() == TaskView.State.FAILED || view.state() == TaskView.State.CANCELLED) && settled.add(id)) {
            ledger.refund(user.key(), cost, id, "Refund: " + what + " " + id + " " + view.status(),
                    view.finishedAt());
        }
    }

    /** Creates the task and charges its cost, or neither when the balance does not cover it. */
    private <P> EmulatedTask<P> createCharged(User user, TaskBoard<P> board, List<String> ids, TaskPlan plan, P job,
            int cost, String description) {
        synchronized (ledger) {
            ledger.checkCovers(user.key(), cost);
            EmulatedTask<P> task = board.create(user.key(), plan, job);
            ids.add(task.id());
            ledger.charge(user.key(), cost, task.id(), description, task.createdAt());
            return task;
        }
    }

    /** The key's tasks on a board, oldest first. */
    private static <P> List<EmulatedTask<P>> mine(TaskBoard<P> board, List<String> ids, String key) {
        return ids.stream().map(id -> board.get(id, key)).flatMap(java.util.Optional::stream).toList();
    }

    // ---------------------------------------------------------------- video

    private ObjectNode videoModels() {
        ObjectNode out = Json.object();
        ArrayNode models = out.putArray("models");
        VideoRequest.MODELS.values().forEach(m -> models.addObject().put("id", m.id()).put("name", m.name())
                .put("description", m.description()).put("price_per_second", m.pricePerSecond()));
        ArrayNode ratios = out.putArray("ratios");
        VideoRequest.RATIOS.forEach(ratios::add);
        ArrayNode resolutions = out.putArray("resolutions");
        VideoRequest.RESOLUTIONS.forEach(resolutions::add);
        out.putObject("durations").put("min", VideoRequest.MIN_DURATION).put("max", VideoRequest.MAX_DURATION)
                .put("default", VideoRequest.DEFAULT_DURATION);
        return out;
    }

    private void createVideo(RoutingContext rc, User user) {
        VideoRequest req = VideoRequest.parse(jsonBody(rc, false));
        Map<String, String> references = req.referenceUrls();
        references.forEach((url, param) -> checkUrl(param, url));
        int cost = req.estimatedCost();
        ledger.checkCovers(user.key(), cost);
        checkReachable(references);
        TaskPlan plan = TaskPlan.of(List.of(new TaskPlan.Phase(PENDING, settings.videoPending()),
                new TaskPlan.Phase("processing", settings.videoProcessing())),
                ctx.taskOutcome(rc, req.prompt()));
        EmulatedTask<VideoJob> task = createCharged(user, videos, videoIds, plan, new VideoJob(req, user.id(), cost),
                cost, "Video generation " + req.model() + " " + req.duration() + "s");
        ObjectNode out = Json.object().put("task_id", task.id()).put("status", videos.view(task).status())
                .put("progress", 0).put("model", req.model()).put("duration", req.duration())
                .put("ratio", req.ratio()).put("resolution", req.resolution()).put("estimated_cost", cost);
        out.putObject("pricing").put("estimated_cost", cost).put("currency", "credits");
        out.put("created_at", task.createdAt().toString());
        ok(rc, shapes.created(out, "task_id"));
    }

    private EmulatedTask<VideoJob> ownVideo(String id, User user) {
        return videos.get(id, user.key()).orElseThrow(() -> new Failure(404, "Task not found: " + id));
    }

    private void videoStatus(RoutingContext rc, User user) {
        EmulatedTask<VideoJob> task = ownVideo(rc.pathParam("id"), user);
        ok(rc, videoJson(task, videos.view(task)));
    }

    private void listVideos(RoutingContext rc, User user) {
        long page = Params.integer("page", param(rc, "page", "1"), 1, Integer.MAX_VALUE);
        long pageSize = Params.integer("page_size", param(rc, "page_size", "20"), 1, 100);
        String status = Params.oneOf("status", rc.request().getParam("status"),
                List.of(PENDING, "processing", TaskView.COMPLETED, TaskView.FAILED, TaskView.CANCELLED));
        List<ObjectNode> items = newestFirst(mine(videos, videoIds, user.key())).stream()
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
    private void deleteVideo(RoutingContext rc, User user) {
        EmulatedTask<VideoJob> task = ownVideo(rc.pathParam("id"), user);
        if (videos.cancel(task)) {
            settle(user);
            ok(rc, "Task cancelled", videoJson(task, videos.view(task)));
        } else {
            videos.remove(task.id());
            videoIds.remove(task.id());
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
            out.put("video_url", videoUrl(task));
        } else {
            out.putNull("video_url");
        }
        out.put("estimated_cost", job.cost());
        putCost(out, view, job.cost());
        shapes.putError(out, view);
        out.put("created_at", task.createdAt().toString());
        putTime(out, "completed_at", view.finishedAt());
        return shapes.video(out);
    }

    private static String videoUrl(EmulatedTask<VideoJob> task) {
        return "/uploads/videos/" + task.request().userId() + "/" + task.id() + ".mp4";
    }

    // ---------------------------------------------------------------- shared pieces

    private static void putCost(ObjectNode out, TaskView view, int cost) {
        switch (view.state()) {
            case COMPLETED -> out.put("actual_cost", cost);
            case FAILED, CANCELLED -> out.put("actual_cost", 0);
            default -> out.putNull("actual_cost");
        }
    }

    private static void putTime(ObjectNode out, String field, Instant time) {
        if (time == null) {
            out.putNull(field);
        } else {
            out.put(field, time.toString());
        }
    }

    /** A reference must be an http(s) URL or one of the service's own relative {@code /uploads/} paths. */
    private static void checkUrl(String param, String url) {
        if (url.startsWith("/uploads/")) {
            return;
        }
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new Params.Invalid(param, "Invalid value '" + url + "' for '" + param + "': must be an http(s) URL");
    }

    /** 502 for a reference the service could not fetch (by rule: see {@link NeoSparkSettings#unreachableHosts()}). */
    private void checkReachable(Map<String, String> urls) {
        urls.forEach((url, param) -> {
            checkUrl(param, url);
            if (url.startsWith("/")) {
                return;
            }
            String host = URI.create(url).getHost();
            if (settings.isUnreachable(host)) {
                throw new Failure(502, "Failed to fetch " + param + " " + url + ": host " + host + " is unreachable");
            }
        });
    }

    private static String param(RoutingContext rc, String name, String fallback) {
        String v = rc.request().getParam(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int limit(RoutingContext rc) {
        return Params.integer("limit", param(rc, "limit", "20"), 1, 100).intValue();
    }

    private static int offset(RoutingContext rc) {
        return Params.integer("offset", param(rc, "offset", "0"), 0, Integer.MAX_VALUE).intValue();
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> copy = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }

    // ---------------------------------------------------------------- media files

    /**
     * {@code /uploads/<user>/images/<y>/<m>/<d>/<message>_<i>.png}, {@code /uploads/<user>/refs/<upload>.<ext>} and
     * {@code /uploads/videos/<user>/<task>.mp4}: public, like the vendor's static files; 404 in the envelope for
     * anything not (or no longer) there.
     */
    private void serveFile(RoutingContext rc) {
        String path = rc.request().path();
        String rel = path.substring(path.indexOf("/uploads/") + "/uploads/".length());
        String[] parts = rel.split("/");
        ObjectNode notFound = envelope(404, "File not found: /uploads/" + rel, null);
        if (parts.length == 3 && parts[0].equals("videos") && parts[2].endsWith(".mp4")) {
            serveVideo(rc, parts[1], parts[2].substring(0, parts[2].length() - 4), notFound);
        } else if (parts.length == 6 && parts[1].equals("images") && parts[5].endsWith(".png")) {
            String name = parts[5].substring(0, parts[5].length() - 4);
            int underscore = name.lastIndexOf('_');
            EmulatedTask<ImageJob> task = underscore < 0 ? null
                    : images.get(name.substring(0, underscore), null).orElse(null);
            if (task == null || images.view(task).state() != TaskView.State.COMPLETED
                    || !isImageOf(task, name.substring(underscore + 1), "/uploads/" + rel)) {
                Responses.json(rc, 404, notFound);
                return;
            }
            media.serve(rc, name, notFound);
        } else if (parts.length == 3 && parts[1].equals("refs")) {
            int dot = parts[2].lastIndexOf('.');
            String id = dot < 0 ? parts[2] : parts[2].substring(0, dot);
            Upload upload;
            synchronized (uploads) {
                upload = uploads.get(id);
            }
            if (upload == null || !upload.url().equals("/uploads/" + rel)) {
                Responses.json(rc, 404, notFound);
                return;
            }
            media.serve(rc, "upload_" + id, notFound);
        } else {
            Responses.json(rc, 404, notFound);
        }
    }

    private static boolean isImageOf(EmulatedTask<ImageJob> task, String index, String path) {
        for (int i = 0; i < task.request().request().numImages(); i++) {
            if (String.valueOf(i).equals(index) && imageUrl(task, i).equals(path)) {
                return true;
            }
        }
        return false;
    }

    private void serveVideo(RoutingContext rc, String user, String taskId, ObjectNode notFound) {
        EmulatedTask<VideoJob> task = videos.get(taskId, null).orElse(null);
        if (task == null || videos.view(task).state() != TaskView.State.COMPLETED
                || !String.valueOf(task.request().userId()).equals(user)) {
            Responses.json(rc, 404, notFound);
            return;
        }
        long wanted = settings.videoFileSize();
        videoFiles.clip(rc.vertx(), task.request().request()).onComplete(ar -> {
            if (rc.response().closed() || rc.response().ended()) {
                return;
            }
            if (ar.failed()) {
                Responses.json(rc, 500, envelope(500, "Video encoding failed: " + ar.cause().getMessage(), null));
                return;
            }
            rc.response().setStatusCode(200);
            ar.result().send(rc.response(), wanted);
        });
    }
}
