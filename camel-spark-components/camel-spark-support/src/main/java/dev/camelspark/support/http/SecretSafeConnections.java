package dev.camelspark.support.http;

import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.RequestLine;
import org.apache.hc.core5.http.message.StatusLine;
import org.apache.hc.core5.util.Identifiable;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections that keep the key out of every HttpClient log, even at DEBUG. HttpClient is handed each request
 * without its secrets (no key in the query, no Authorization or X-API-Key header), so what its exec chain logs
 * ({@code MainClientExec}'s "executing GET ...") never holds one; the secrets are added here, only to the bytes of
 * the request head written to the socket. For the usual call HttpClient is handed the target {@code /} and the whole
 * target is written here ({@link SparkRequest#httpRequest()} says why). These connections log request and response heads under HttpClient's own
 * {@code org.apache.hc.client5.http.headers} logger with the secrets masked, and write no
 * {@code org.apache.hc.client5.http.wire} log (it would show the key as sent).
 */
final class SecretSafeConnections implements HttpConnectionFactory<ManagedHttpClientConnection> {

    static final String MASK = "xxxxxx";
    private static final Logger HEADERS = LoggerFactory.getLogger("org.apache.hc.client5.http.headers");
    private static final AtomicLong COUNT = new AtomicLong();
    /** The secrets of the request being sent on this thread (the classic client writes it on the caller's thread). */
    private static final ThreadLocal<Secrets> CURRENT = new ThreadLocal<>();

    /**
     * What only the connection adds to a request: either the whole request target ({@code wireTarget}, path and
     * query with the secret parameters, written where HttpClient has {@code /}) or the encoded secret query to add to
     * HttpClient's own target ({@code wireQuery}, without the {@code ?}); the secret parameters and headers as they
     * are ({@code query}, {@code headers}) to mask them in the log.
     */
    record Secrets(String wireTarget, String wireQuery, Map<String, String> query, Map<String, String> headers) {
        boolean none() {
            return wireTarget == null && wireQuery.isEmpty() && headers.isEmpty();
        }

        /** The request URI to write for the one HttpClient would write. */
        String requestUri(String httpClients) {
            if (wireTarget == null) {
                return withQuery(httpClients, wireQuery);
            }
            // "/", or "http://host:port/" to a proxy without a tunnel
            if (!httpClients.endsWith("/")) {
                throw new IllegalStateException("a request whose target is written here has target " + httpClients);
            }
            return httpClients.substring(0, httpClients.length() - 1) + wireTarget;
        }
    }

    /** Runs {@code send} with these secrets available to the connection that writes the request. */
    static <T> T with(Secrets secrets, IoCall<T> send) throws IOException {
        if (secrets.none()) {
            return send.call();
        }
        CURRENT.set(secrets);
        try {
            return send.call();
        } finally {
            CURRENT.remove();
        }
    }

    interface IoCall<T> {
        T call() throws IOException;
    }

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        Connection connection = new Connection("spark-outgoing-" + COUNT.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    /** The request target with the encoded {@code query} after what it already has. */
    static String withQuery(String target, String query) {
        if (query.isEmpty()) {
            return target;
        }
        return target + (target.indexOf('?') >= 0 ? '&' : '?') + query;
    }

    /** As URIBuilder encodes a query value (a space is %20), as the rest of the query is. */
    private static String encode(String s) {
        return QueryEncoding.encode(s);
    }

    /** The text with every secret value (raw and URL-encoded) replaced by the mask. */
    static String mask(String text, Secrets secrets) {
        if (secrets == null || text == null) {
            return text;
        }
        String out = text;
        for (Map<String, String> values : new Map[] { secrets.query(), secrets.headers() }) {
            for (String value : values.values()) {
                out = out.replace(value, MASK).replace(encode(value), MASK);
                int space = value.indexOf(' '); // "Bearer <key>": the key alone too
                if (space > 0 && space < value.length() - 1) {
                    out = out.replace(value.substring(space + 1), MASK);
                }
            }
        }
        return out;
    }

    /**
     * A request head as it is written: its target is the text given. A {@link BasicClassicHttpRequest} made from a
     * string parses it into a {@code URI} and takes that apart, only for the writer to put it back together.
     */
    private static final class WireRequest extends BasicClassicHttpRequest {

        private final String target;

        WireRequest(String method, String target) {
            super(method, (String) null);
            this.target = target;
        }

        @Override
        public String getRequestUri() {
            return target;
        }
    }

    private static final class Connection extends DefaultBHttpClientConnection
            implements ManagedHttpClientConnection, Identifiable {

        private final String id;
        /** What the socket is set to: the socket is told only when a call asks for another read timeout. */
        private volatile Timeout socketTimeout;

        Connection(String id) {
            super(Http1Config.DEFAULT);
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void bind(Socket socket) throws IOException {
            super.bind(socket);
            socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            super.bind(sslSocket, socket);
            socketTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder == null ? null : holder.getSocket();
        }

        @Override
        public SSLSession getSSLSession() {
            return super.getSSLSession();
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            if (!timeout.equals(socketTimeout)) {
                super.setSocketTimeout(timeout);
                socketTimeout = timeout;
            }
        }

        /**
         * HttpClient's own connections set no read timeout while pooled and set it back when leased: two socket
         * option calls per call that change nothing, since no read is made on a pooled connection (its stale check
         * sets and restores its own). These keep the timeout, and each call sets the one it wants.
         */
        @Override
        public void passivate() {
        }

        @Override
        public void activate() {
        }

        @Override
        public void sendRequestHeader(ClassicHttpRequest request) throws HttpException, IOException {
            Secrets secrets = CURRENT.get();
            if (secrets == null || "CONNECT".equalsIgnoreCase(request.getMethod())) {
                super.sendRequestHeader(request); // a proxy's tunnel request gets no key
                return;
            }
            // the request URI as HttpClient would write it: absolute when sent to a proxy without a tunnel
            WireRequest wire = new WireRequest(request.getMethod(), secrets.requestUri(request.getRequestUri()));
            wire.setVersion(request.getVersion());
            wire.setHeaders(request.getHeaders());
            secrets.headers().forEach(wire::setHeader);
            super.sendRequestHeader(wire);
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            if (HEADERS.isDebugEnabled()) {
                Secrets secrets = CURRENT.get();
                HEADERS.debug("{} >> {}", id, mask(new RequestLine(request).toString(), secrets));
                for (Header header : request.getHeaders()) {
                    boolean secret = secrets != null && secrets.headers().keySet().stream()
                            .anyMatch(name -> name.equalsIgnoreCase(header.getName()));
                    HEADERS.debug("{} >> {}: {}", id, header.getName(),
                            secret ? MASK : mask(header.getValue(), secrets));
                }
            }
        }

        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            if (HEADERS.isDebugEnabled()) {
                Secrets secrets = CURRENT.get();
                HEADERS.debug("{} << {}", id, new StatusLine(response));
                for (Header header : response.getHeaders()) {
                    HEADERS.debug("{} << {}", id, mask(header.toString(), secrets));
                }
            }
        }
    }
}
