package dev.camelspark.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelspark.emulator.core.ApiCall;
import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.core.Multipart;
import dev.camelspark.emulator.core.ProviderApi;
import dev.camelspark.emulator.core.Responses;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * Builds the router of one provider: read the body, record the request, apply base latency and request faults (and
 * error or fault stubs), then the provider's own routes, then a 404 in the provider's error format.
 */
final class ProviderRouter {

    private static final Logger LOG = LoggerFactory.getLogger("dev.camelspark.emulator.requests");
    private static final long BODY_LIMIT = 32L * 1024 * 1024;

    private final ProviderContext ctx;
    private final EmulatorState state;
    private final ProviderApi api;
    private final Provider provider;

    private ProviderRouter(ProviderContext ctx, ProviderApi api) {
        this.ctx = ctx;
        this.state = ctx.state();
        this.api = api;
        this.provider = ctx.provider();
    }

    static Router create(Vertx vertx, ProviderContext ctx, ProviderApi api) {
        return new ProviderRouter(ctx, api).build(vertx);
    }

    private Router build(Vertx vertx) {
        Router router = Router.router(vertx);
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
        // uploads stay in memory, whole, for the provider to parse (Multipart): an emulator must not leave files
        // behind, and Vert.x's BodyHandler would either write them to disk or drop them
        router.route().handler(rc -> {
            if (Multipart.isMultipart(rc.request().getHeader("Content-Type"))) {
                readWholeBody(rc);
            } else {
                bodies.handle(rc);
            }
        });
        router.route().handler(this::record);
        router.route().handler(this::latencyAndFaults);
        api.mount(router);
        router.route().handler(rc -> Responses.json(rc, 404, api.errorBody(404,
                "Not found: " + rc.request().method() + " " + relativePath(rc))));
        return router;
    }

    private void readWholeBody(RoutingContext rc) {
        Buffer body = Buffer.buffer();
        rc.request().handler(chunk -> {
            if (body.length() + chunk.length() > BODY_LIMIT) {
                rc.request().handler(null);
                Responses.json(rc, 413, api.errorBody(413, "Request body larger than " + BODY_LIMIT + " bytes"));
            } else {
                body.appendBuffer(chunk);
            }
        });
        rc.request().endHandler(v -> {
            if (!rc.response().ended()) {
                RoutingContextInternal internal = (RoutingContextInternal) rc;
                internal.visitHandler(RoutingContextInternal.BODY_HANDLER);
                internal.setBody(body);
                rc.next();
            }
        });
        rc.request().resume();
    }

    private void record(RoutingContext rc) {
        Map<String, List<String>> query;
        try {
            query = toMap(rc.queryParams());
        } catch (RuntimeException e) {
            Responses.json(rc, 400, api.errorBody(400, "Malformed query string"));
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        rc.request().headers().forEach(h -> headers
                .computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue()));
        String body = rc.body() == null || rc.body().buffer() == null ? "" : rc.body().asString();
        int cap = state.settings().maxLoggedBodyBytes();
        boolean truncated = body.length() > cap;
        String method = rc.request().method().name();
        String path = relativePath(rc);
        Optional<ApiCall> call = identify(method, path, query, body);
        RecordedRequest rec = new RecordedRequest(state.requests().nextSequence(), provider, method, path,
                call.map(ApiCall::operation).orElse(null), call.map(ApiCall::prompt).orElse(null), query,
                unmodifiable(headers), truncated ? body.substring(0, cap) : body, truncated, state.clock().now(),
                rc.request().remoteAddress() == null ? null : rc.request().remoteAddress().host());
        state.requests().add(rec);
        ProviderContext.remember(rc, rec,
                call.map(c -> api.operations().getOrDefault(c.operation(), Set.of())).orElse(Set.of()));
        rc.addHeadersEndHandler(v -> rec.markStatus(rc.response().getStatusCode()));
        rc.addEndHandler(ar -> {
            state.requests().completed(rec);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{}", rec);
            }
        });
        rc.next();
    }

    /** Which operation the request is; a provider that cannot tell (a malformed request) says none. */
    private Optional<ApiCall> identify(String method, String path, Map<String, List<String>> query, String body) {
        try {
            return api.identify(method, path, query, Json.parseOrNull(body));
        } catch (RuntimeException e) {
            LOG.debug("{} could not identify {} {}: {}", provider.id(), method, path, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Base latency, then the first fault rule that matches; when it does not answer (none, or only latency), the
     * first stub that answers with an error or a fault.
     */
    private void latencyAndFaults(RoutingContext rc) {
        RecordedRequest rec = ProviderContext.recorded(rc);
        Fault rule = state.faults().takeRequestFault(provider, rec.method(), rec.path()).orElse(null);
        if (rule != null && rule.type() == Fault.Type.HOLD_ANSWER) {
            // handled now (its task created), answered later: Responses.send waits for it
            rc.put(Responses.HOLD_ANSWER, rule.delay().toMillis());
            rule = null;
        }
        Fault stubbed = rule != null && rule.type() != Fault.Type.LATENCY ? null
                : state.stubs().takeAnswer(rec).map(this::asFault).orElse(null);
        Fault acting = stubbed != null ? stubbed : rule;
        long delay = ctx.latency(api.settings()).toMillis() + (rule == null ? 0 : rule.delay().toMillis())
                + (stubbed == null ? 0 : stubbed.delay().toMillis());
        after(rc, delay, () -> {
            if (acting == null || acting.type() == Fault.Type.LATENCY) {
                rc.next();
            } else if (acting.type() == Fault.Type.TRICKLE) {
                trickle(rc, acting);
            } else if (acting.type() == Fault.Type.RESET) {
                LOG.debug("fault: resetting connection of {}", rec);
                rc.request().connection().close();
            } else {
                respond(rc, acting);
            }
        });
    }

    /** A stub's error reply is a fault answering the status with the message in the provider's error format. */
    private Fault asFault(Reply reply) {
        return reply.kind() == Reply.Kind.ERROR
                ? Fault.respond(reply.status(), Json.write(api.errorBody(reply.status(), reply.message())))
                : reply.fault();
    }

    private void respond(RoutingContext rc, Fault fault) {
        fault.headers().forEach((k, v) -> rc.response().putHeader(k, v));
        String body = fault.body() != null ? fault.body()
                : Json.write(api.errorBody(fault.status(), "Injected fault: HTTP " + fault.status()));
        String type = Json.parseOrNull(body) != null ? Responses.JSON : "text/plain; charset=utf-8";
        Responses.send(rc, fault.status(), type, body);
    }

    /** The fault's answer, its body in pieces with a pause before each but the first. */
    private void trickle(RoutingContext rc, Fault fault) {
        fault.headers().forEach((k, v) -> rc.response().putHeader(k, v));
        if (!rc.response().headers().contains("Content-Type")) {
            rc.response().putHeader("Content-Type", "application/octet-stream");
        }
        byte[] body = (fault.body() == null ? "" : fault.body()).getBytes(StandardCharsets.UTF_8);
        rc.response().setStatusCode(fault.status()).setChunked(true);
        int piece = Math.max(1, (body.length + Fault.TRICKLE_PIECES - 1) / Fault.TRICKLE_PIECES);
        writePiece(rc, body, 0, piece, fault.every().toMillis());
    }

    private static void writePiece(RoutingContext rc, byte[] body, int from, int piece, long everyMillis) {
        if (rc.response().closed() || rc.response().ended()) {
            return;
        }
        if (from >= body.length) {
            rc.response().end();
            return;
        }
        int to = Math.min(body.length, from + piece);
        rc.response().write(Buffer.buffer(Arrays.copyOfRange(body, from, to)));
        after(rc, to >= body.length ? 0 : everyMillis, () -> writePiece(rc, body, to, piece, everyMillis));
    }

    /** Runs the action after a delay on the request's context, unless the client has gone away meanwhile. */
    private static void after(RoutingContext rc, long delayMillis, Runnable action) {
        if (delayMillis <= 0) {
            action.run();
            return;
        }
        rc.vertx().setTimer(delayMillis, id -> {
            if (!rc.response().closed()) {
                action.run();
            }
        });
    }

    private String relativePath(RoutingContext rc) {
        String path = rc.request().path();
        String rel = path.length() > provider.prefix().length() ? path.substring(provider.prefix().length()) : "/";
        return rel.startsWith("/") ? rel : "/" + rel;
    }

    private static Map<String, List<String>> toMap(MultiMap params) {
        // entries() keeps the order the client sent; names() does not
        Map<String, List<String>> out = new LinkedHashMap<>();
        params.entries().forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return unmodifiable(out);
    }

    private static Map<String, List<String>> unmodifiable(Map<String, List<String>> m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }
}
