package dev.camelspark.emulator.control;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.Responses;
import dev.camelspark.emulator.core.Settings;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The Java API over HTTP, under {@code /_emulator/}, for tests in other languages and for people driving a standalone
 * emulator with curl. Requests here are not recorded in the request log and never get faults. It drives a
 * {@link ControlTarget} (the emulator) and does the HTTP side: paths, statuses, 400 with the reason for bad input.
 */
public final class ControlApi {

    private final ControlTarget emulator;

    public ControlApi(ControlTarget emulator) {
        this.emulator = emulator;
    }

    public Router router(Vertx vertx) {
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
        r.get("/").handler(rc -> Responses.json(rc, 200, emulator.describe()));

        r.get("/requests").handler(guard(rc -> Responses.json(rc, 200,
                emulator.requests(rc.request().getParam("provider")))));
        r.delete("/requests").handler(guard(rc -> {
            emulator.clearRequests(rc.request().getParam("provider"));
            noContent(rc);
        }));
        // as WireMock's /__admin/requests/find and /count: a request pattern in, the matching requests out
        r.post("/requests/find").handler(guard(rc -> Responses.json(rc, 200,
                Map.of("requests", emulator.findRequests(pattern(rc))))));
        r.post("/requests/count").handler(guard(rc -> Responses.json(rc, 200,
                Map.of("count", emulator.findRequests(pattern(rc)).size()))));

        rules(r, "/stubs", "stub", emulator.stubs());
        rules(r, "/faults", "fault", emulator.faults());
        rules(r, "/task-rules", "task rule", emulator.taskRules());

        r.post("/reset").handler(rc -> {
            emulator.reset();
            noContent(rc);
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

        r.get("/settings").handler(rc -> Responses.json(rc, 200, emulator.settings(null)));
        r.put("/settings").handler(guard(rc -> update(rc, emulator.settings(null))));
        r.get("/settings/:provider").handler(guard(rc -> Responses.json(rc, 200, providerSettings(rc))));
        r.put("/settings/:provider").handler(guard(rc -> update(rc, providerSettings(rc))));

        r.route().handler(rc -> Responses.json(rc, 404, Map.of("error",
                "Unknown control call " + rc.request().method() + " " + rc.request().path())));
        return r;
    }

    /** List, add (one rule or an array), clear, and remove by id: the same four calls for every rule list. */
    private static <R> void rules(Router r, String path, String what, RuleList<R> rules) {
        r.get(path).handler(rc -> Responses.json(rc, 200, rules.list()));
        r.post(path).handler(guard(rc -> addRules(rc, rules)));
        r.delete(path).handler(rc -> {
            rules.clear();
            noContent(rc);
        });
        r.delete(path + "/:id").handler(rc -> {
            if (rules.remove(rc.pathParam("id"))) {
                noContent(rc);
            } else {
                Responses.json(rc, 404, Map.of("error", "No " + what + " " + rc.pathParam("id")));
            }
        });
    }

    /** One rule object or an array of them; all are parsed before any is added; answers the ids in the same order. */
    private static <R> void addRules(RoutingContext rc, RuleList<R> rules) throws IOException {
        JsonNode body = requireBody(rc);
        if (body.isArray()) {
            List<R> parsed = new ArrayList<>();
            for (JsonNode n : body) {
                parsed.add(Json.MAPPER.treeToValue(n, rules.ruleType()));
            }
            List<String> ids = new ArrayList<>();
            parsed.forEach(rule -> ids.add(rules.add(rule)));
            Responses.json(rc, 201, Map.of("ids", ids));
        } else {
            Responses.json(rc, 201, Map.of("id", rules.add(Json.MAPPER.treeToValue(body, rules.ruleType()))));
        }
    }

    /** The pattern of a find or count: a JSON body, none (or {}) for every request. */
    private static JsonNode pattern(RoutingContext rc) {
        String text = rc.body().asString();
        return text == null || text.isBlank() ? null : requireBody(rc);
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
        ControlledClock c = emulator.clock();
        Instant now = c.now();
        return Json.object().put("now", now.toString()).put("epochSecond", now.getEpochSecond())
                .put("frozen", c.isFrozen());
    }

    private Settings providerSettings(RoutingContext rc) {
        return emulator.settings(rc.pathParam("provider"));
    }

    /**
     * A PUT replaces the fields it names and leaves the others. It is applied to a copy first and checked, so a bad
     * value is refused with 400 and changes nothing.
     */
    private static void update(RoutingContext rc, Settings settings) throws IOException {
        Settings copy = Json.MAPPER.treeToValue(Json.MAPPER.valueToTree(settings), settings.getClass());
        Json.MAPPER.readerForUpdating(copy).readValue(requireBody(rc));
        copy.validate();
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

    private static void noContent(RoutingContext rc) {
        rc.response().setStatusCode(204).end();
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
