package dev.camelspark.support.http;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A response whose body has not been read yet: event streams and media are consumed from {@link #body()} as bytes
 * arrive. Closing it before the body is finished aborts the connection rather than draining it, so a route that
 * stops reading early does not wait for the rest of a long (or endless) stream.
 */
public final class SparkOpenResponse implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SparkOpenResponse.class);

    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;
    private final Map<String, String> headers;
    private final RateLimitInfo rateLimit;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Runnable onClose;
    private volatile int attempts = 1;
    private volatile boolean fullyRead;
    private final long deadlineMillis;

    SparkOpenResponse(HttpUriRequestBase request, ClassicHttpResponse response, RateLimitInfo rateLimit,
                      long deadlineMillis, Runnable onClose) {
        this.request = request;
        this.deadlineMillis = deadlineMillis;
        this.response = response;
        this.rateLimit = rateLimit;
        this.onClose = onClose;
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header h : response.getHeaders()) {
            map.putIfAbsent(h.getName(), h.getValue());
        }
        this.headers = Collections.unmodifiableMap(map);
    }

    public int status() {
        return response.getCode();
    }

    public String header(String name) {
        return headers.get(name);
    }

    Map<String, String> headers() {
        return headers;
    }

    public String mediaType() {
        return mediaTypeOf(headers.get("Content-Type"));
    }

    /** The declared body length, or -1 when the server did not say. */
    public long contentLength() {
        HttpEntity entity = response.getEntity();
        return entity == null ? -1 : entity.getContentLength();
    }

    public RateLimitInfo rateLimit() {
        return rateLimit;
    }

    public int attempts() {
        return attempts;
    }

    void attempts(int attempts) {
        this.attempts = attempts;
    }

    /** Adds work to do when the response is closed (releasing a concurrency permit, say). */
    void onClose(Runnable action) {
        Runnable previous = onClose;
        onClose = previous == null ? action : () -> {
            try {
                previous.run();
            } finally {
                action.run();
            }
        };
    }

    /**
     * The body as it arrives; an empty stream when there is none. A read cut short by the call's deadline fails with
     * a {@link SparkHttpTransport.DeadlineExceededException} saying so, not with the closed socket it left behind.
     */
    public InputStream body() throws IOException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return InputStream.nullInputStream();
        }
        InputStream in = entity.getContent();
        return deadlineMillis <= 0 ? in : new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw afterDeadline(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw afterDeadline(e);
                }
            }
        };
    }

    private IOException afterDeadline(IOException e) {
        return request.isCancelled() && !(e instanceof SparkHttpTransport.DeadlineExceededException)
                ? new SparkHttpTransport.DeadlineExceededException(deadlineMillis, e) : e;
    }

    /** Reads the whole body (up to {@code maxBytes}) and closes the response. */
    public SparkResponse readFully(int maxBytes) throws IOException {
        try (InputStream in = body()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException("response body larger than " + maxBytes + " bytes");
            }
            fullyRead = true;
            return new SparkResponse(status(), headers, bytes, rateLimit, attempts);
        } catch (IOException e) {
            throw deadlineMillis > 0 ? afterDeadline(e) : e;
        } finally {
            close();
        }
    }

    /** Marks the body as read to its end, so closing may keep the connection for reuse. */
    public void markFullyRead() {
        fullyRead = true;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!fullyRead) {
                // abort instead of draining: the rest of a stream may never come
                request.cancel();
            }
            response.close();
        } catch (IOException e) {
            LOG.debug("Ignoring failure while closing a response: {}", e.getMessage());
        } finally {
            Runnable action = onClose;
            if (action != null) {
                action.run();
            }
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    static String mediaTypeOf(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon >= 0 ? contentType.substring(0, semicolon) : contentType;
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
