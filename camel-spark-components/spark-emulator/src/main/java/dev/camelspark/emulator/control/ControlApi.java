package dev.camelspark.emulator.control;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.EmulatorClock;
import dev.camelspark.emulator.EmulatorSettings;
import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.ProviderSettings;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.RequestPattern;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.Stub;
import dev.camelspark.emulator.TaskRule;
import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.Responses;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The Java API over HTTP, under {@code /_emulator/}, for tests in other languages and for people driving a standalone
 * emulator with curl. Requests here are not recorded in the request log and never get faults.
 */
public final class ControlApi {

    private final SparkEmulator emulator;

    public ControlApi(SparkEmulator emulator) {
        this.emulator = emulator;
    }

    public Router router(Vertx vertx) {
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
        r.get("/").handler(rc -> Responses.json(rc, 200, emulator.describe()));

        r.get("/requests").handler(guard(this::listRequests));
        r.delete("/requests").handler(guard(this::clearRequests));
        // as WireMock's /__admin/requests/find and /count: a request pattern in, the matching requests out
        r.post("/requests/find").handler(guard(rc -> Responses.json(rc, 200,
                Map.of("requests", emulator.requests().find(pattern(rc))))));
        r.post("/requests/count").handler(guard(rc -> Responses.json(rc, 200,
                Map.of("count", emulator.requests().count(pattern(rc))))));

        r.get("/stubs").handler(rc -> Responses.json(rc, 200, emulator.stubs().list()));
        r.post("/stubs").handler(guard(rc -> addRules(rc, Stub.class, emulator.stubs()::add)));
        r.delete("/stubs").handler(rc -> {
            emulator.stubs().clear();
            rc.response().setStatusCode(204).end();
        });
        r.delete("/stubs/:id").handler(rc -> {
            if (emulator.stubs().remove(rc.pathParam("id"))) {
                rc.response().setStatusCode(204).end();
            } else {
                Responses.json(rc, 404, Map.of("error", "No stub " + rc.pathParam("id")));
            }
        });

        r.get("/faults").handler(rc -> Responses.json(rc, 200, emulator.faults().list()));
        r.post("/faults").handler(guard(this::addFaults));
        r.delete("/faults").handler(rc -> {
            emulator.faults().clear();
            rc.response().setStatusCode(204).end();
        });
        r.delete("/faults/:id").handler(rc -> {
            if (emulator.faults().remove(rc.pathParam("id"))) {
                rc.response().setStatusCode(204).end();
            } else {
                Responses.json(rc, 404, Map.of("error", "No fault " + rc.pathParam("id")));
            }
        });

        r.get("/task-rules").handler(rc -> Responses.json(rc, 200, emulator.tasks().list()));
        r.post("/task-rules").handler(guard(this::addTaskRules));
        r.delete("/task-rules").handler(rc -> {
            emulator.tasks().clear();
            rc.response().setStatusCode(204).end();
        });
        r.delete("/task-rules/:id").handler(rc -> {
            if (emulator.tasks().remove(rc.pathParam("id"))) {
                rc.response().setStatusCode(204).end();
            } else {
                Responses.json(rc, 404, Map.of("error", "No task rule " + rc.pathParam("id")));
            }
        });

        r.post("/reset").handler(rc -> {
            emulator.reset();
            rc.response().setStatusCode(204).end();
        });

        r.get("/clock").handler(rc -> Responses.json(rc, 200, clock()));
        r.post("/clock/advance").handler(guard(this::advanceClock));
        r.post("/clock/freeze").handler(rc -> {
            emulator.clock().freeze();
            Responses.json(rc, 200, clock());
        });
        r.post("/clock/resume").handler(rc -> {
            emulator.clock().resume();
            Responses.json(rc, 200, clock());
        });

        r.get("/settings").handler(rc -> Responses.json(rc, 200, emulator.settings()));
        r.put("/settings").handler(guard(rc -> update(rc, emulator.settings())));
        r.get("/settings/:provider").handler(guard(rc -> Responses.json(rc, 200, providerSettings(rc))));
        r.put("/settings/:provider").handler(guard(rc -> update(rc, providerSettings(rc))));

        r.route().handler(rc -> Responses.json(rc, 404, Map.of("error",
                "Unknown control call " + rc.request().method() + " " + rc.request().path())));
        return r;
    }

    private void listRequests(RoutingContext rc) {
        String provider = rc.request().getParam("provider");
        List<RecordedRequest> list = provider == null ? emulator.requests().all()
                : emulator.requests(Provider.fromId(provider));
        Responses.json(rc, 200, list);
    }

    /** The pattern of a find or count: a JSON body, none (or {}) for every request. */
    private static RequestPattern pattern(RoutingContext rc) throws IOException {
        String text = rc.body().asString();
        return text == null || text.isBlank() ? RequestPattern.any()
                : Json.MAPPER.treeToValue(requireBody(rc), RequestPattern.class);
    }

    private void clearRequests(RoutingContext rc) {
        String provider = rc.request().getParam("provider");
        if (provider == null) {
            emulator.requests().clear();
        } else {
            emulator.requests().clear(Provider.fromId(provider));
        }
        rc.response().setStatusCode(204).end();
    }

    private void addFaults(RoutingContext rc) throws IOException {
        addRules(rc, Fault.class, emulator.faults()::add);
    }

    private void addTaskRules(RoutingContext rc) throws IOException {
        addRules(rc, TaskRule.class, emulator.tasks()::add);
    }

    /** One rule object or an array of them; all are parsed before any is added; answers the ids in the same order. */
    private static <R> void addRules(RoutingContext rc, Class<R> type, Function<R, String> add) throws IOException {
        JsonNode body = requireBody(rc);
        if (body.isArray()) {
            List<R> parsed = new ArrayList<>();
            for (JsonNode n : body) {
                parsed.add(Json.MAPPER.treeToValue(n, type));
            }
            List<String> ids = new ArrayList<>();
            parsed.forEach(r -> ids.add(add.apply(r)));
            Responses.json(rc, 201, Map.of("ids", ids));
        } else {
            Responses.json(rc, 201, Map.of("id", add.apply(Json.MAPPER.treeToValue(body, type))));
        }
    }

    private void advanceClock(RoutingContext rc) {
        String seconds = rc.request().getParam("seconds");
        String millis = rc.request().getParam("millis");
        if (seconds == null && millis == null) {
            throw new IllegalArgumentException("Give seconds=N (or millis=N)");
        }
        Duration d = seconds != null ? Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000))
                : Duration.ofMillis(Long.parseLong(millis));
        emulator.clock().advance(d);
        Responses.json(rc, 200, clock());
    }

    private ObjectNode clock() {
        EmulatorClock c = emulator.clock();
        return Json.object().put("now", c.now().toString()).put("epochSecond", c.epochSecond())
                .put("frozen", c.isFrozen());
    }

    private Object providerSettings(RoutingContext rc) {
        return emulator.settings(Provider.fromId(rc.pathParam("provider")));
    }

    /**
     * A PUT replaces the fields it names and leaves the others. It is applied to a copy first and checked, so a bad
     * value is refused with 400 and changes nothing.
     */
    private void update(RoutingContext rc, Object settings) throws IOException {
        Object copy = Json.MAPPER.treeToValue(Json.MAPPER.valueToTree(settings), settings.getClass());
        Json.MAPPER.readerForUpdating(copy).readValue(requireBody(rc));
        if (copy instanceof ProviderSettings ps) {
            ps.validate();
        } else if (copy instanceof EmulatorSettings es) {
            es.validate();
        }
        JsonNode checked = Json.MAPPER.valueToTree(copy);
        Json.MAPPER.readerForUpdating(settings).readValue(checked);
        Responses.json(rc, 200, settings);
    }

    private static JsonNode requireBody(RoutingContext rc) {
        JsonNode body = Json.parseOrNull(rc.body().asString());
        if (body == null) {
            throw new IllegalArgumentException("Expected a JSON body");
        }
        return body;
    }

    private interface Call {
        void handle(RoutingContext rc) throws Exception;
    }

    /** Bad input answers 400 with the reason, instead of a bare 500. */
    private static Handler<RoutingContext> guard(Call call) {
        return rc -> {
            try {
                call.handle(rc);
            } catch (IllegalArgumentException | IOException e) {
                String msg = e.getMessage() == null ? e.toString() : e.getMessage();
                Responses.json(rc, 400, Map.of("error", msg.lines().findFirst().orElse(msg)));
            } catch (Exception e) {
                Responses.json(rc, 500, Map.of("error", e.toString()));
            }
        };
    }
}
