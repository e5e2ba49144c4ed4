package dev.camelspark.emulator.core;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Small helpers to answer on a routing context, ignoring clients that have already gone away. */
public final class Responses {

    public static final String JSON = "application/json";
    /** Routing-context key: hold the answer this many milliseconds once it is ready (a {@code hold-answer} fault). */
    public static final String HOLD_ANSWER = "emulator.holdAnswerMillis";

    private Responses() {
    }

    public static void json(RoutingContext rc, int status, Object body) {
        send(rc, status, JSON, body instanceof String s ? s : Json.write(body));
    }

    public static void send(RoutingContext rc, int status, String contentType, String body) {
        send(rc, status, contentType, Buffer.buffer(body));
    }

    public static void send(RoutingContext rc, int status, String contentType, Buffer body) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        Long hold = rc.remove(HOLD_ANSWER);
        if (hold != null && hold > 0) {
            rc.vertx().setTimer(hold, id -> send(rc, status, contentType, body));
            return;
        }
        rc.response().setStatusCode(status);
        if (contentType != null && !rc.response().headers().contains("Content-Type")) {
            rc.response().putHeader("Content-Type", contentType);
        }
        rc.response().end(body);
    }
}
