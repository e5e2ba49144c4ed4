package dev.camelspark.support.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server written on a raw {@link ServerSocket}, for tests that need control of every byte: answers
 * dripped slowly, held back on a latch, cut in the middle of a line, connections dropped after the request was read,
 * or never answered. Each accepted connection runs the current {@link Script} on its own thread.
 */
public final class RawHttpServer implements AutoCloseable {

    @FunctionalInterface
    public interface Script {
        void run(Connection connection) throws Exception;
    }

    /** The head and body of one request as it reached the server. */
    public record Request(String method, String target, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Script script;

    public RawHttpServer(Script script) {
        this.script = script;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        threads.execute(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                connections.incrementAndGet();
                threads.execute(() -> {
                    try (socket) {
                        script.run(new Connection(socket));
                    } catch (Exception e) {
                        // a script ends however the test wants; a failure here only closes the connection
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    public void script(Script script) {
        this.script = script;
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** How many request heads the scripts have read. */
    public int requests() {
        return requests.get();
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }

    /** One accepted connection. */
    public final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Reads the next request (head and Content-Length body); {@code null} when the client closed. */
        public Request readRequest() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] requestLine = lines[0].split(" ");
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
                }
            }
            int length = headers.containsKey("Content-Length") ? Integer.parseInt(headers.get("Content-Length")) : 0;
            byte[] body = in.readNBytes(length);
            requests.incrementAndGet();
            return new Request(requestLine[0], requestLine.length > 1 ? requestLine[1] : "", headers, body);
        }

        /** Writes a status line and headers (name, value pairs), then the blank line. */
        public Connection head(int status, String... headers) throws IOException {
            StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                sb.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            sb.append("\r\n");
            return write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        }

        /** The head of an event stream whose body ends when the connection closes. */
        public Connection eventStreamHead() throws IOException {
            return head(200, "Content-Type", "text/event-stream", "Connection", "close");
        }

        public Connection write(String text) throws IOException {
            return write(text.getBytes(StandardCharsets.UTF_8));
        }

        public Connection write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            return this;
        }

        /**
         * A whole answer with a Content-Length body and {@code Connection: close}, since a script closes its connection
         * when it ends (a client would otherwise reuse a connection the server is about to drop).
         */
        public Connection respond(int status, String body, String... headers) throws IOException {
            return respond(false, status, body, headers);
        }

        /** A whole answer that leaves the connection open for the next request. */
        public Connection respondKeepAlive(int status, String body, String... headers) throws IOException {
            return respond(true, status, body, headers);
        }

        private Connection respond(boolean keepAlive, int status, String body, String... headers) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String[] all = new String[headers.length + (keepAlive ? 2 : 4)];
            System.arraycopy(headers, 0, all, 0, headers.length);
            all[headers.length] = "Content-Length";
            all[headers.length + 1] = String.valueOf(bytes.length);
            if (!keepAlive) {
                all[headers.length + 2] = "Connection";
                all[headers.length + 3] = "close";
            }
            head(status, all);
            return write(bytes);
        }

        /**
         * Waits until the client closes (or resets) the connection: true when it did within {@code limit}, false when
         * it was still open. Whatever the client sends meanwhile is discarded.
         */
        public boolean awaitClientClose(Duration limit) throws IOException {
            socket.setSoTimeout((int) limit.toMillis());
            try {
                byte[] buffer = new byte[1024];
                while (in.read(buffer) >= 0) {
                    // discard
                }
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true; // reset by the client
            }
        }

        /** Closes abruptly, with a TCP reset instead of an orderly close. */
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        public void close() throws IOException {
            socket.close();
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 302 -> "Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }

    /** {@code data: <json>} + blank line, for a content delta in OpenAI chunk format. */
    public static String deltaEvent(String content) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content.replace("\"", "\\\"") + "\"}}]}\n\n";
    }
}
