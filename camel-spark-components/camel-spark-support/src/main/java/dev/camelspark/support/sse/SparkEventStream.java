package dev.camelspark.support.sse;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.error.SparkErrorProperties;
import dev.camelspark.support.error.SparkStreamException;
import dev.camelspark.support.http.RateLimitInfo;
import dev.camelspark.support.http.SparkOpenResponse;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * A streamed answer as a message body: an {@link Iterator} of content deltas, read from the connection as they
 * arrive, and {@link Closeable}. {@code .split(body()).streaming()} consumes it delta by delta;
 * {@code convertBodyTo(String.class)} joins it, as often as asked (logging it does not empty it, see
 * {@link #readAll()}). It is closed when the exchange completes, also when the route
 * stopped reading early or failed, so the connection is always released.
 * <p>
 * A stream that ends without {@code [DONE]} fails with {@link SparkStreamException} (truncated) unless lenient; one
 * that sends nothing for {@code streamIdleTimeout} fails the same way (stalled).
 */
public final class SparkEventStream implements Iterator<String>, Closeable {

    /** Characters of an answer kept for a second read (about 2 MB of heap); a longer answer can be read once. */
    public static final int REPLAY_LIMIT = 1 << 20;

    private final String provider;
    private final SparkOpenResponse response;
    private final SseReader reader;
    private final boolean lenient;
    private final Duration idleTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final List<String> kept = new ArrayList<>();
    private long keptChars;
    private boolean dropped;
    private SparkStreamException failure;
    private int cursor;
    private String last;
    private String next;
    private boolean finished;
    private boolean completed;
    private volatile String id;
    private volatile String model;
    private volatile String finishReason;
    private volatile JsonNode usage;
    private volatile int deltas;
    private volatile Exchange exchange;
    private volatile Consumer<SparkEventStream> onComplete;
    private final AtomicReference<Consumer<SparkEventStream>> onEnd = new AtomicReference<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long firstDeltaNanos;

    public SparkEventStream(String provider, SparkOpenResponse response, boolean lenient, Duration idleTimeout)
            throws IOException {
        this.provider = provider;
        this.response = response;
        this.reader = new SseReader(response.body());
        this.lenient = lenient;
        this.idleTimeout = idleTimeout;
    }

    /** Closes this stream when the exchange completes, however it completes. */
    public SparkEventStream closeWhenDone(Exchange exchange) {
        this.exchange = exchange;
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange exchange) {
                close();
            }
        });
        return this;
    }

    /**
     * Runs {@code action} once, on the thread that reads, when the stream has been read to its end without failure
     * ({@code [DONE]}, or the end of the input when lenient): the moment what only the last chunks carry (finish
     * reason, usage) is known. A stream that fails or is closed before its end never runs it.
     */
    public SparkEventStream whenComplete(Consumer<SparkEventStream> action) {
        this.onComplete = action;
        return this;
    }

    /**
     * Runs {@code action} once when the stream ends, however: read to its end, failed, or closed before its end (the
     * exchange completed without reading it all). Unlike {@link #whenComplete} it runs after that action, so what the
     * component derived from the last chunks (tokens, cost) is set. Metrics use it; a stream already ended runs it at once.
     */
    public SparkEventStream whenEnded(Consumer<SparkEventStream> action) {
        this.onEnd.set(action);
        if (ended.get()) {
            runOnEnd();
        }
        return this;
    }

    /** {@link System#nanoTime()} when the first delta arrived; 0 before. */
    public long getFirstDeltaNanos() {
        return firstDeltaNanos;
    }

    @Override
    public synchronized boolean hasNext() {
        return delta(cursor) != null;
    }

    @Override
    public synchronized String next() {
        String delta = delta(cursor);
        if (delta == null) {
            throw new NoSuchElementException("the stream has no more deltas");
        }
        cursor++;
        return delta;
    }

    /**
     * Joins every delta, from the first, reading what is left from the connection: the whole answer, each time it is
     * asked for, wherever the iterator is. So logging, tracing or a debugger converting the body to text (a log of
     * {@code ${body}}) neither empties the body for a later {@code convertBodyTo(String)} nor moves a
     * {@code split(body()).streaming()}; what was read is kept up to {@link #REPLAY_LIMIT} characters, and a second
     * read of a longer answer fails saying so. It is also what Jackson writes for the stream
     * ({@code marshal().json()} gives the answer as a JSON string), not the stream's getters.
     */
    @JsonValue
    public synchronized String readAll() {
        StringBuilder all = new StringBuilder();
        String delta;
        for (int i = 0; (delta = delta(i)) != null; i++) {
            all.append(delta);
        }
        return all.toString();
    }

    /** The delta at {@code index}: kept when read before, else the next one from the connection; null at the end. */
    private String delta(int index) {
        if (index < deltas) {
            if (index == deltas - 1) {
                return last; // what hasNext() read ahead for next(), kept whatever the limit
            }
            if (dropped) {
                throw new IllegalStateException("The " + provider + " streamed answer was already read once and, at"
                        + " more than " + REPLAY_LIMIT + " characters, is not kept for a second read: read it once,"
                        + " e.g. convertBodyTo(String.class) right after the producer (then log the text freely), or"
                        + " split(body()).streaming() without logging ${body} before it");
            }
            return kept.get(index);
        }
        if (finished) {
            if (failure != null) {
                throw failure; // a second read of a failed stream fails the same way, never yields a cut answer
            }
            return null;
        }
        try {
            advance();
        } catch (SparkStreamException e) {
            markEnded();
            failure = e;
            // the failure surfaces in a later step (split, convertBodyTo), not in the producer: still categorise it
            Exchange bound = exchange;
            if (bound != null) {
                bound.setProperty(SparkErrorProperties.ERROR_CATEGORY, e.getCategory().name());
            }
            throw e;
        }
        if (finished) {
            markEnded();
        }
        String delta = next;
        next = null;
        if (delta != null) {
            if (deltas == 0) {
                firstDeltaNanos = System.nanoTime();
            }
            deltas++;
            last = delta;
            keep(delta);
        }
        return delta;
    }

    private void keep(String delta) {
        if (dropped) {
            return;
        }
        keptChars += delta.length();
        if (keptChars > REPLAY_LIMIT) {
            // bounded memory: a single reader still gets all of it, a second read fails clearly
            dropped = true;
            kept.clear();
        } else {
            kept.add(delta);
        }
    }

    private void advance() {
        try {
            SseEvent event;
            while ((event = reader.next()) != null) {
                if (event.isDone()) {
                    completed = true;
                    response.markFullyRead(); // the connection goes back to the pool, not aborted
                    finish();
                    runOnComplete();
                    return;
                }
                SseChunk chunk = SseChunk.parse(event.data());
                remember(chunk);
                // an error comes as an {"error": ...} payload, or as an event named "error" whatever its data
                String error = chunk.error() != null ? chunk.error() : "error".equals(event.event()) ? event.data() : null;
                if (error != null) {
                    finish();
                    throw new SparkStreamException(provider, "the stream reported an error: " + error, null);
                }
                if (chunk.content() != null) {
                    next = chunk.content();
                    return;
                }
            }
            response.markFullyRead(); // the body ended: nothing left that aborting would spare
            finish();
            if (!lenient) {
                throw new SparkStreamException(provider,
                        "the stream ended without [DONE] after " + deltas + " deltas: the answer is truncated", null);
            }
            runOnComplete();
        } catch (SocketTimeoutException e) {
            finish();
            throw new SparkStreamException(provider,
                    "the stream sent nothing for " + idleTimeout + " (streamIdleTimeout) after " + deltas
                                                     + " deltas: it stalled",
                    e);
        } catch (IOException e) {
            boolean closedByUs = closed.get();
            finish();
            if (!closedByUs) {
                throw new SparkStreamException(provider, "the stream broke after " + deltas + " deltas: " + e, e);
            }
        }
    }

    private void runOnComplete() {
        Consumer<SparkEventStream> action = onComplete;
        onComplete = null;
        if (action != null) {
            action.accept(this);
        }
    }

    private void remember(SseChunk chunk) {
        if (chunk.id() != null) {
            id = chunk.id();
        }
        if (chunk.model() != null) {
            model = chunk.model();
        }
        if (chunk.finishReason() != null) {
            finishReason = chunk.finishReason();
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
    }

    private void finish() {
        finished = true;
        next = null;
        close();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            response.close();
        }
        if (!finished) {
            markEnded(); // closed by the exchange before its end; a stream that finished tells once it has run its actions
        }
    }

    private void markEnded() {
        if (ended.compareAndSet(false, true)) {
            runOnEnd();
        }
    }

    private void runOnEnd() {
        Consumer<SparkEventStream> action = onEnd.getAndSet(null);
        if (action != null) {
            action.accept(this);
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Whether {@code [DONE]} arrived. */
    public boolean isCompleted() {
        return completed;
    }

    /** The response id the chunks carried, once seen. */
    public String getId() {
        return id;
    }

    public String getModel() {
        return model;
    }

    /** The finish reason of the last chunk that had one ({@code stop}, {@code length}), once seen. */
    public String getFinishReason() {
        return finishReason;
    }

    /** Token usage, when a chunk carried it (usually the last). */
    public JsonNode getUsage() {
        return usage;
    }

    /** Deltas read from the connection so far. */
    public int getDeltaCount() {
        return deltas;
    }

    public int getAttempts() {
        return response.attempts();
    }

    /** The rate-limit headers of the response that carries the stream. */
    public RateLimitInfo getRateLimit() {
        return response.rateLimit();
    }

    @Override
    public String toString() {
        // never consumes the stream: logging or tracing a message must not read the answer away
        return "SparkEventStream[" + provider + (closed.get() ? ", closed" : ", open") + ", " + deltas + " deltas read]";
    }
}
