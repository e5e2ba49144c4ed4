package dev.camelspark.support.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 (JDK {@code HttpServer}) for tests that need whole requests and answers. Every
 * request is recorded; a path can answer differently on each hit ({@link #onSequence}).
 */
public final class HttpTestServer implements AutoCloseable {

    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    /** What reached the server. Header names are case-insensitive. */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String bodyAsString() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The request body, already read, for handlers: {@link #bodyOf(HttpExchange)}. */
    private static final String BODY_ATTRIBUTE = "http-test-server.body";

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public HttpTestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "http-test-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:port} */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code http://localhost:port}: the same server under another host name. */
    public String localhostUrl() {
        return "http://localhost:" + port();
    }

    public HttpTestServer on(String path, Handler handler) {
        server.createContext(path, exchange -> {
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                headers.putAll(exchange.getRequestHeaders());
                requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery(), headers, body));
                hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                exchange.setAttribute(BODY_ATTRIBUTE, body);
                handler.handle(exchange);
            } catch (Exception e) {
                // the test decides what the client sees; a handler that throws just drops the connection
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    /** The n-th hit of the path is answered by the n-th handler; the last one answers every later hit. */
    public HttpTestServer onSequence(String path, Handler... handlers) {
        AtomicInteger n = new AtomicInteger();
        return on(path, exchange -> handlers[Math.min(n.getAndIncrement(), handlers.length - 1)].handle(exchange));
    }

    /** The body of the request a handler is answering (the server has read it already). */
    public static byte[] bodyOf(HttpExchange exchange) {
        return (byte[]) exchange.getAttribute(BODY_ATTRIBUTE);
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    /** Answers with a status, a body and header name/value pairs. */
    public static Handler status(int status, String body, String... headers) {
        return exchange -> respond(exchange, status, body, headers);
    }

    public static Handler json(String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return status(200, body, all);
    }

    public static void respond(HttpExchange exchange, int status, String body, String... headers) throws IOException {
        respond(exchange, status, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public static void respond(HttpExchange exchange, int status, byte[] body, String... headers) throws IOException {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
