package dev.camelspark.support.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelspark.support.http.SparkJson;

/**
 * A small task API over real HTTP, for the task machinery's tests: {@code POST /api/tasks} creates a task
 * ({@code {"prompt"}}) answered {@code {"id", "status": "queued"}}; {@code GET /api/tasks/{id}} reads it; a
 * completed task's media is at {@code /media/{id}.png}. Tasks stay {@code queued} until the test moves them
 * ({@link #running}, {@link #complete}, {@link #fail}) or {@link #autoComplete} is on. Every status read is
 * counted, with the name of the thread that would have been blocked had it been per task.
 */
public final class TaskService implements AutoCloseable {

    public static final byte[] PNG = "fake-png-bytes".getBytes(StandardCharsets.UTF_8);

    /** One task as the service holds it. */
    public static final class Task {
        public final String id;
        public final String prompt;
        public volatile String status = "queued";
        public volatile double progress;
        public volatile String errorCode;
        public volatile String errorMessage;
        final AtomicInteger reads = new AtomicInteger();
        /** When each status read arrived, in nanoTime. */
        public final List<Long> readTimes = new CopyOnWriteArrayList<>();

        Task(String id, String prompt) {
            this.id = id;
            this.prompt = prompt;
        }

        public int reads() {
            return reads.get();
        }
    }

    private final HttpTestServer server = new HttpTestServer();
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final List<String> created = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean autoComplete;
    /** Status reads answered with this HTTP status instead (0: answer normally). */
    private volatile int readStatus;
    /** Create calls answered with this HTTP status instead, creating nothing (0: answer normally). */
    private volatile int createStatus;

    public TaskService() {
        server.on("/api/tasks", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && createStatus != 0) {
                HttpTestServer.respond(exchange, createStatus, "{\"error\":\"create refused\"}", "Content-Type",
                        "application/json");
                return;
            }
            if (exchange.getRequestMethod().equals("POST")) {
                JsonNode body = SparkJson.tryParse(new String(HttpTestServer.bodyOf(exchange), StandardCharsets.UTF_8));
                String id = "t-" + ids.incrementAndGet();
                Task task = new Task(id, body == null ? null : body.path("prompt").asText(null));
                tasks.put(id, task);
                created.add(id);
                if (autoComplete) {
                    task.status = "done";
                }
                HttpTestServer.respond(exchange, 200, SparkJson.MAPPER.writeValueAsString(view(task)),
                        "Content-Type", "application/json");
                return;
            }
            Task task = tasks.get(path.substring(path.lastIndexOf('/') + 1));
            int forced = readStatus;
            if (forced != 0) {
                HttpTestServer.respond(exchange, forced, "{\"error\":\"status read refused\"}", "Content-Type",
                        "application/json");
                return;
            }
            if (task == null) {
                HttpTestServer.respond(exchange, 404, "{\"error\":\"no such task\"}", "Content-Type", "application/json");
                return;
            }
            task.reads.incrementAndGet();
            task.readTimes.add(System.nanoTime());
            HttpTestServer.respond(exchange, 200, SparkJson.MAPPER.writeValueAsString(view(task)),
                    "Content-Type", "application/json");
        });
        server.on("/media/", exchange -> HttpTestServer.respond(exchange, 200, PNG, "Content-Type", "image/png"));
    }

    private ObjectNode view(Task task) {
        ObjectNode n = SparkJson.MAPPER.createObjectNode().put("id", task.id).put("status", task.status)
                .put("progress", task.progress);
        if (task.status.equals("done")) {
            n.put("url", server.url() + "/media/" + task.id + ".png").put("cost", "0.25");
        }
        if (task.errorCode != null) {
            n.putObject("error").put("code", task.errorCode).put("message", task.errorMessage);
        }
        return n;
    }

    /**
     * The API's base URL, {@code http://localhost:port/api}: the media URLs it hands out use {@code 127.0.0.1}, the
     * same server under another origin, standing for a CDN.
     */
    public String baseUrl() {
        return server.localhostUrl() + "/api";
    }

    public HttpTestServer server() {
        return server;
    }

    /** The ids of the tasks created, in order: one per create call the service took. */
    public List<String> created() {
        return List.copyOf(created);
    }

    public Task task(String id) {
        return tasks.get(id);
    }

    public TaskService running(String id, double progress) {
        Task t = tasks.get(id);
        t.status = "running";
        t.progress = progress;
        return this;
    }

    public TaskService complete(String id) {
        tasks.get(id).status = "done";
        return this;
    }

    public TaskService completeAll() {
        tasks.values().forEach(t -> t.status = "done");
        return this;
    }

    public TaskService fail(String id, String code, String message) {
        Task t = tasks.get(id);
        t.errorCode = code;
        t.errorMessage = message;
        t.status = "failed";
        return this;
    }

    public TaskService cancel(String id) {
        tasks.get(id).status = "cancelled";
        return this;
    }

    /** New tasks are created already done. */
    public TaskService autoComplete(boolean on) {
        this.autoComplete = on;
        return this;
    }

    /** Status reads get this HTTP status (0 to answer normally again). */
    public TaskService readStatus(int status) {
        this.readStatus = status;
        return this;
    }

    /** Create calls get this HTTP status and create nothing (0 to answer normally again). */
    public TaskService createStatus(int status) {
        this.createStatus = status;
        return this;
    }

    @Override
    public void close() {
        server.close();
    }
}
