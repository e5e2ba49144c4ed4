package dev.camelspark.emulator.core;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends a list of Server-Sent Events, one {@code data:} line each, paced by Vert.x timers (never a sleeping thread,
 * so thousands of open streams cost nothing), then {@code data: [DONE]}. Applies the stream faults: cut (end cleanly
 * early, without {@code [DONE]}) and stall (stop sending and hold the connection until the client leaves or the stall
 * cap passes).
 */
public final class SseStream {

    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);

    private final EmulatorContext ctx;
    private final RoutingContext rc;
    private final List<String> payloads;
    private final boolean doneMarker;
    private final long delayMillis;
    private final StreamFault fault;
    private int sent;
    private long timerId = -1;

    private SseStream(EmulatorContext ctx, RoutingContext rc, List<String> payloads, boolean doneMarker,
            long delayMillis, StreamFault fault) {
        this.ctx = ctx;
        this.rc = rc;
        this.payloads = payloads;
        this.doneMarker = doneMarker;
        this.delayMillis = delayMillis;
        this.fault = fault;
    }

    /**
     * Starts streaming {@code payloads} (each the text after {@code data: }) with the provider's token delay;
     * {@code doneMarker} appends {@code data: [DONE]}. Set extra headers on the response before calling.
     */
    public static void start(EmulatorContext ctx, RoutingContext rc, ProviderSettings settings, List<String> payloads,
            boolean doneMarker) {
        new SseStream(ctx, rc, payloads, doneMarker, ctx.tokenDelay(settings).toMillis(),
                ctx.streamFault(rc).orElse(null)).begin();
    }

    private void begin() {
        HttpServerResponse response = rc.response();
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.closeHandler(v -> cancelTimer());
        // headers go out at once, so the client sees 200 even if the first event is delayed or stalled
        response.writeHead();
        long wait = fault == null ? 0 : fault.delay().toMillis();
        if (wait > 0) {
            timerId = rc.vertx().setTimer(wait, id -> next());
        } else {
            next();
        }
    }

    private void next() {
        HttpServerResponse response = rc.response();
        if (response.closed() || response.ended()) {
            return;
        }
        if (fault != null && sent >= fault.afterEvents()) {
            if (fault.stall()) {
                stall();
            } else {
                LOG.debug("fault: cutting stream after {} events", sent);
                response.end();
            }
            return;
        }
        if (sent == payloads.size()) {
            if (doneMarker) {
                response.write("data: [DONE]\n\n");
            }
            response.end();
            return;
        }
        response.write("data: " + payloads.get(sent++) + "\n\n");
        if (delayMillis <= 0) {
            // still yield between events, so a long stream does not hold the event loop
            rc.vertx().runOnContext(v -> next());
        } else {
            timerId = rc.vertx().setTimer(delayMillis, id -> next());
        }
    }

    private void stall() {
        LOG.debug("fault: stalling stream after {} events", sent);
        long cap = ctx.stallCap().toMillis();
        timerId = rc.vertx().setTimer(cap, id -> {
            if (!rc.response().closed()) {
                rc.request().connection().close();
            }
        });
    }

    private void cancelTimer() {
        if (timerId >= 0) {
            rc.vertx().cancelTimer(timerId);
        }
    }
}
