package dev.camelspark.support.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.ProxySelector;
import java.time.Clock;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Apache HttpClient 5 per component instance: a connection pool, TLS and proxy settings, and nothing else. It
 * makes exactly one attempt per call: retries, rate limits and error mapping live one level up, in
 * {@link SparkApiClient}, so that there is a single place deciding what may be resent.
 */
public final class SparkHttpTransport implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SparkHttpTransport.class);

    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager connections;
    private final ScheduledThreadPoolExecutor deadlines;
    /** The deadlines of the calls in flight, on one timer ({@code deadlines}). */
    private final DeadlineWatch watch;
    private final Clock clock;

    public SparkHttpTransport(TransportSettings settings) {
        this.clock = settings.clock();
        PoolingHttpClientConnectionManagerBuilder cm = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(new SecretSafeConnections()) // the key in no HttpClient log, even at DEBUG
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
                        // a pooled connection idle this long is checked before use, which spares paid creates
                        // a write into a connection the server already closed (an unknown outcome)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        SSLContext ssl = settings.sslContext();
        if (ssl != null) {
            cm.setTlsSocketStrategy(new DefaultClientTlsStrategy(ssl));
        }
        this.connections = cm.build();
        var builder = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()        // one retry layer only: SparkApiClient
                .disableRedirectHandling()        // a redirect must never carry a key to another host
                .disableContentCompression()      // streams are delivered byte for byte as they arrive
                .disableCookieManagement()
                .disableConnectionState()         // one identity per client: no per-user connection state to find
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent(settings.userAgent());
        if (settings.proxyHost() != null && !settings.proxyHost().isBlank()) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort()));
        } else {
            builder.useSystemProperties()
                    .setRoutePlanner(new SystemProxyRoutePlanner(ProxySelector.getDefault())); // as it would, cheaper
        }
        this.client = builder.build();
        this.deadlines = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "camel-spark-deadlines");
            t.setDaemon(true);
            return t;
        });
        // a cancelled timer leaves the queue at once, not when it would have fired
        deadlines.setRemoveOnCancelPolicy(true);
        this.watch = new DeadlineWatch(deadlines);
    }

    /** Connections leased from the pool right now: zero when no call is in flight and every response was closed. */
    public int leasedConnections() {
        return connections.getTotalStats().getLeased();
    }

    /** The pool's size limit ({@code maxConnections}). */
    public int maxConnections() {
        return connections.getMaxTotal();
    }

    /** Deadlines still watched: one per call in flight that has a deadline, none for calls that ended. */
    int pendingDeadlines() {
        return watch.size();
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Sends the request and returns as soon as the status line and headers are in; the body is left to the caller,
     * who must close the response.
     */
    @SuppressWarnings("deprecation") // per-request connect timeout: endpoints of one component may differ
    public SparkOpenResponse open(SparkRequest request) throws IOException {
        // HttpClient never sees the secrets (it would log them): the connection adds them to the bytes it writes
        HttpUriRequestBase http = request.httpRequest();
        request.headers().forEach(http::setHeader);
        var secrets = new SecretSafeConnections.Secrets(request.wireTarget(), request.wireQuery(),
                request.secretQuery(), request.secretHeaders());
        if (request.entity() != null) {
            http.setEntity(request.entity());
        }
        http.setConfig(RequestConfig.custom()
                .setConnectTimeout(Timeout.of(request.connectTimeout()))
                .setConnectionRequestTimeout(Timeout.of(request.connectTimeout()))
                .setResponseTimeout(Timeout.of(request.readTimeout()))
                .build());
        DeadlineWatch.Watched deadline = request.deadline() == null
                ? null
                : watch.watch(http, request.deadline().toMillis());
        if (LOG.isDebugEnabled()) {
            LOG.debug("Sending {}", request.describe()); // describe() builds a URI: only when it is logged
        }
        try {
            ClassicHttpResponse response = SecretSafeConnections.with(secrets, () -> client.executeOpen(null, http, null));
            RateLimitInfo rateLimit = RateLimitInfo.parse(response.getHeaders(), clock);
            return new SparkOpenResponse(http, response, rateLimit,
                    deadline == null ? 0 : request.deadline().toMillis(),
                    deadline, deadlines);
        } catch (IOException | RuntimeException e) {
            if (deadline != null) {
                deadline.run();
            }
            if (http.isCancelled() && deadline != null) {
                throw new DeadlineExceededException(request.deadline().toMillis(), e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.GRACEFUL);
        connections.close(CloseMode.GRACEFUL);
    }

    /** The whole call took longer than its deadline and was aborted. */
    public static final class DeadlineExceededException extends IOException {
        public DeadlineExceededException(long millis, Throwable cause) {
            super("no complete answer within requestTimeout (" + millis + " ms)", cause);
        }
    }
}
