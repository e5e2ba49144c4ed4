package dev.camelspark.emulator;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.camelspark.emulator.control.ControlApi;
import dev.camelspark.emulator.control.ControlTarget;
import dev.camelspark.emulator.core.ProviderApi;
import dev.camelspark.emulator.core.Responses;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * The HTTP side of an emulator: its Vert.x, one server on one port, each provider's router under its prefix, the
 * control API under {@code /_emulator/}, and the answers for everything else.
 */
final class EmulatorServer {

    private static final Logger LOG = LoggerFactory.getLogger(SparkEmulator.class);
    private static final long START_TIMEOUT_SECONDS = 30;

    private final String host;
    private final int requestedPort;
    private final Vertx vertx;
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final AtomicLong connectionsOpen = new AtomicLong();
    private volatile HttpServer server;

    EmulatorServer(String host, int requestedPort) {
        this.host = host;
        this.requestedPort = requestedPort;
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())))
                .setWorkerPoolSize(4)
                // no .vertx cache folder in the user's working directory
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
    }

    boolean isStarted() {
        return server != null;
    }

    /** Binds the port with these providers and this control API; throws {@link EmulatorPortInUseException}. */
    synchronized void start(Map<Provider, ProviderContext> contexts, Map<Provider, ProviderApi> apis,
            ControlTarget control) {
        Router router = Router.router(vertx);
        for (Provider p : Provider.values()) {
            ProviderApi api = apis.get(p);
            if (api != null) {
                router.route(p.prefix() + "/*").subRouter(ProviderRouter.create(vertx, contexts.get(p), api));
            } else {
                router.route(p.prefix() + "/*").handler(rc -> Responses.json(rc, 501,
                        Map.of("error", p.id() + " is not emulated by this version of the emulator")));
            }
        }
        // /_emulator as the README and the start-up banner write it, and everything below /_emulator/
        router.get("/_emulator").handler(rc -> Responses.json(rc, 200, control.describe()));
        router.route("/_emulator/*").subRouter(new ControlApi(control).router(vertx));
        router.get("/").handler(rc -> Responses.json(rc, 200, control.describe()));
        router.route().handler(rc -> Responses.json(rc, 404, Map.of("error", "Not found: " + rc.request().path()
                + " (APIs live under /dynaspark/api, /sparkgpt, /sparkstream, /sparkdream, /neospark/api/v1)")));

        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(requestedPort)
                // DynaSpark carries the whole prompt in the query string
                .setMaxInitialLineLength(64 * 1024)
                .setMaxHeaderSize(64 * 1024)
                // HTTP/1.1 only, like the clients it stands in for: a reset or stall fault then affects one call,
                // not every call multiplexed on an HTTP/2 connection
                .setHttp2ClearTextEnabled(false);
        try {
            server = vertx.createHttpServer(options)
                    .connectionHandler(connection -> {
                        connectionsOpened.incrementAndGet();
                        connectionsOpen.incrementAndGet();
                        connection.closeHandler(v -> connectionsOpen.decrementAndGet());
                    })
                    .requestHandler(router).listen()
                    .toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (isBindFailure(cause)) {
                throw new EmulatorPortInUseException(host, requestedPort);
            }
            throw new IllegalStateException("Cannot start the spark emulator on " + host + ":" + requestedPort
                    + ": " + cause.getMessage(), cause);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    /** The port listened on (the actual one when started with port 0). */
    int port() {
        HttpServer s = server;
        if (s == null) {
            throw new IllegalStateException("The emulator is not started");
        }
        return s.actualPort();
    }

    /** How many TCP connections clients have opened since the server started. */
    long connectionsOpened() {
        return connectionsOpened.get();
    }

    /** How many TCP connections are open right now (opened by a client and not yet closed by either side). */
    long connectionsOpen() {
        return connectionsOpen.get();
    }

    /** Stops listening and stops Vert.x; the server cannot start again. */
    synchronized void close() {
        HttpServer s = server;
        server = null;
        try {
            if (s != null) {
                s.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.debug("Closing the emulator's server failed", e);
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("Closing Vert.x failed", e);
        }
    }
}
