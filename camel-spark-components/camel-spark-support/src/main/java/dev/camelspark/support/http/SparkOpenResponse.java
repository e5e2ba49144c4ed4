package dev.camelspark.support.http;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
 * stops reading early does not wait for the rest of a long (or endless) stream. A body read to its end
 * ({@link #markFullyRead()}) gives its connection back to the pool instead, for the next call to reuse.
 */
public final class SparkOpenResponse implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(SparkOpenResponse.class);
    /** What may still follow the end a reader saw ({@code [DONE]}, say) and is read to keep the connection. */
    private static final int MAX_TRAILING_BYTES = 8 * 1024;
    /**
     * How long that may take. The end of the body normally follows {@code [DONE]} in the same packet; a server that
     * keeps the connection open after it costs this wait once, then the connection is aborted.
     */
    static final long TRAILING_GRACE_MILLIS = 500;

    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;
    private final RateLimitInfo rateLimit;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Runnable onClose;
    private volatile int attempts = 1;
    private volatile boolean fullyRead;
    private final long deadlineMillis;
    /** The entity's stream, taken once: reading it to its end is what hands the connection back to the pool. */
    private InputStream content;
    private final ScheduledExecutorService timers;
    /** The entity's stream returned its end: the connection is back in the pool already. */
    private volatile boolean endReached;

    SparkOpenResponse(HttpUriRequestBase request, ClassicHttpResponse response, RateLimitInfo rateLimit,
                      long deadlineMillis, Runnable onClose, ScheduledExecutorService timers) {
        this.timers = timers;
        this.request = request;
        this.deadlineMillis = deadlineMillis;
        this.response = response;
        this.rateLimit = rateLimit;
        this.onClose = onClose;
    }

    public int status() {
        return response.getCode();
    }

    /** The first header of that name, in any case; read from the response itself, nothing copied per call. */
    public String header(String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    public String mediaType() {
        return mediaTypeOf(header("Content-Type"));
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
        InputStream in = content();
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

    private synchronized InputStream content() throws IOException {
        if (content == null) {
            content = response.getEntity().getContent();
        }
        return content;
    }

    private IOException afterDeadline(IOException e) {
        return request.isCancelled() && !(e instanceof SparkHttpTransport.DeadlineExceededException)
                ? new SparkHttpTransport.DeadlineExceededException(deadlineMillis, e) : e;
    }

    /** Reads the whole body (up to {@code maxBytes}) and closes the response. */
    public SparkResponse readFully(int maxBytes) throws IOException {
        try {
            // not closed here: closing the stream would drain a body that is too large; close() aborts it instead
            byte[] bytes = read(body(), contentLength(), maxBytes);
            if (bytes.length > maxBytes) {
                throw new IOException("response body larger than " + maxBytes + " bytes");
            }
            fullyRead = true;
            endReached = true; // readNBytes stopped short of its count: it saw the end
            return new SparkResponse(status(), this::header, bytes, rateLimit, attempts);
        } catch (IOException e) {
            throw deadlineMillis > 0 ? afterDeadline(e) : e;
        } finally {
            close();
        }
    }

    /**
     * The body up to its end, or {@code maxBytes + 1} bytes when it is longer. A declared length is read into one
     * array of that size (no 8 KB buffer to fill, then copy, per answer); the read after it sees the end, which is
     * what gives the connection back to the pool.
     */
    static byte[] read(InputStream in, long declared, int maxBytes) throws IOException {
        if (declared < 0 || declared > maxBytes) {
            return in.readNBytes(maxBytes + 1);
        }
        byte[] bytes = new byte[(int) declared];
        int n = in.readNBytes(bytes, 0, bytes.length);
        int next = in.read();
        if (next < 0) {
            return n == bytes.length ? bytes : Arrays.copyOf(bytes, n);
        }
        // more than the server declared (HttpClient does not let that happen): the rest as any other body
        byte[] rest = in.readNBytes(maxBytes - n);
        byte[] all = Arrays.copyOf(bytes, n + 1 + rest.length);
        all[n] = (byte) next;
        System.arraycopy(rest, 0, all, n + 1, rest.length);
        return all;
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
            if (!fullyRead || !atEnd()) {
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

    /**
     * Reads what is left of a body its reader saw the end of (the last chunk's terminator, say), at most a few KB:
     * reaching the end of the entity's stream is what releases the connection to the pool. More than that, or a
     * failure, and the connection is aborted after all.
     */
    private boolean atEnd() {
        if (endReached || response.getEntity() == null) {
            return true;
        }
        // a server that sends nothing more (nor ends the body) would hold the read: cut it after the grace
        ScheduledFuture<?> cut;
        try {
            cut = timers.schedule(request::cancel, TRAILING_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return false; // the transport is closing
        }
        try {
            InputStream in = content();
            byte[] skip = new byte[512];
            long left = MAX_TRAILING_BYTES;
            int n;
            while ((n = in.read(skip)) >= 0) {
                left -= n;
                if (left < 0) {
                    return false;
                }
            }
            in.close();
            return !request.isCancelled();
        } catch (IOException e) {
            return false;
        } finally {
            cut.cancel(false);
        }
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
