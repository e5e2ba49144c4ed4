package dev.camelspark.emulator.neospark;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelspark.emulator.core.EmulatedTask;
import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.Params;
import dev.camelspark.emulator.core.Responses;
import dev.camelspark.emulator.core.Seeds;
import dev.camelspark.emulator.core.TaskBoard;
import dev.camelspark.emulator.core.TaskPlan;
import dev.camelspark.emulator.core.TaskView;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * What every NeoSpark API call goes through and every resource shares: the key check (and the user id a key stands
 * for), the credits (a task is charged when created, refunded once it has failed or been cancelled), the
 * {@code {code, message, data}} envelope of every answer and error, and the reading of common parameters.
 */
final class Gateway {

    static final String API = "/api/v1";
    /** How long uploaded and generated files stay available. */
    static final Duration MEDIA_TTL = Duration.ofDays(30);

    /** Who is calling: the key (or bearer token) and the user id it stands for, which appears in media paths. */
    record User(String key, int id) {
    }

    /** An answer other than 200, with the vendor's message. */
    static final class Failure extends RuntimeException {
        final int status;

        Failure(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** One API call, made by a known user. */
    interface Call {
        void handle(RoutingContext rc, User user);
    }

    /** Tasks whose cost was charged: refunded once they have failed or been cancelled. */
    private record Charged<P>(TaskBoard<P> board, ToIntFunction<P> cost, String what) {
    }

    private final NeoSparkSettings settings;
    private final Ledger ledger;
    private final List<Charged<?>> charged = new CopyOnWriteArrayList<>();
    private final Set<String> settled = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> userIds = new ConcurrentHashMap<>();
    private final AtomicInteger nextUserId = new AtomicInteger();
    private final AtomicLong counter = new AtomicLong();
    /** Makes ids differ between emulator runs, so a task store kept from an earlier run never matches by chance. */
    private final String salt = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));

    Gateway(NeoSparkSettings settings) {
        this.settings = settings;
        this.ledger = new Ledger(settings);
    }

    Ledger ledger() {
        return ledger;
    }

    /** The handler of an API route: key check, refunds of tasks that ended badly since the last call, then the call. */
    Handler<RoutingContext> api(Call call) {
        return rc -> {
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
        };
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

    // ---------------------------------------------------------------- credits

    /** The tasks of this board are charged {@code cost} when created, and refunded once failed or cancelled. */
    <P> void charges(TaskBoard<P> board, ToIntFunction<P> cost, String what) {
        charged.add(new Charged<>(board, cost, what));
    }

    /** Creates the task and charges its cost, or neither when the balance does not cover it. */
    <P> EmulatedTask<P> createCharged(User user, TaskBoard<P> board, TaskPlan plan, P job, int cost,
            String description) {
        synchronized (ledger) {
            ledger.checkCovers(user.key(), cost);
            EmulatedTask<P> task = board.create(user.key(), plan, job);
            ledger.charge(user.key(), cost, task.id(), description, task.createdAt());
            return task;
        }
    }

    /** Refunds the user's tasks that failed or were cancelled since the last call. */
    void settle(User user) {
        charged.forEach(c -> settle(user, c));
    }

    private <P> void settle(User user, Charged<P> c) {
        for (EmulatedTask<P> t : c.board().ownedBy(user.key())) {
            TaskView view = c.board().view(t);
            if ((view.state() == TaskView.State.FAILED || view.state() == TaskView.State.CANCELLED)
                    && settled.add(t.id())) {
                ledger.refund(user.key(), c.cost().applyAsInt(t.request()), t.id(),
                        "Refund: " + c.what() + " " + t.id() + " " + view.status(), view.finishedAt());
            }
        }
    }

    void reset() {
        ledger.clear();
        settled.clear();
        userIds.clear();
        nextUserId.set(0);
    }

    // ---------------------------------------------------------------- envelope and parameters

    static ObjectNode envelope(int code, String message, JsonNode data) {
        ObjectNode out = Json.object().put("code", code).put("message", message);
        out.set("data", data);
        return out;
    }

    static void ok(RoutingContext rc, JsonNode data) {
        ok(rc, "success", data);
    }

    static void ok(RoutingContext rc, String message, JsonNode data) {
        Responses.json(rc, 200, envelope(200, message, data));
    }

    /** The JSON object of the body; with {@code optional}, an empty one when there is no body. */
    static JsonNode jsonBody(RoutingContext rc, boolean optional) {
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

    static String param(RoutingContext rc, String name, String fallback) {
        String v = rc.request().getParam(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static int limit(RoutingContext rc) {
        return Params.integer("limit", param(rc, "limit", "20"), 1, 100).intValue();
    }

    static int offset(RoutingContext rc) {
        return Params.integer("offset", param(rc, "offset", "0"), 0, Integer.MAX_VALUE).intValue();
    }

    static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> copy = new ArrayList<>(oldestFirst);
        Collections.reverse(copy);
        return copy;
    }

    /** A new id: the prefix, then {@code hexChars} hex digits that differ between emulator runs. */
    String newId(String prefix, int hexChars) {
        return prefix + Seeds.hex(hexChars, salt, counter.incrementAndGet());
    }
}
