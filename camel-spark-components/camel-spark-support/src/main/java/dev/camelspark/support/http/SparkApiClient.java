package dev.camelspark.support.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkRateLimitException;
import dev.camelspark.support.error.SparkTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry layer: sends a {@link SparkRequest} through the transport, applies the client-side limits, decodes
 * errors, and retries according to {@link RetryPolicy}. Nothing here holds a thread while waiting: the first attempt
 * runs on the caller's thread, and every wait (backoff, {@code Retry-After}, a full bucket, a busy slot) is timed by
 * the scheduler, the attempt after it made on a worker thread (a call may take long; the scheduler must stay free).
 */
public final class SparkApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(SparkApiClient.class);

    /** JSON answers are small; anything bigger is read as media, by streaming. */
    public static final int MAX_BUFFERED_BODY = 16 * 1024 * 1024;
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final String provider;
    private final SparkHttpTransport transport;
    private final ClientRateLimiter limiter;
    private final ScheduledExecutorService scheduler;
    private final Executor workers;
    private final SparkErrorDecoder decoder;
    private final Clock clock;
    /** Calls waiting for a retry or a concurrency slot: work that only the scheduler or a released slot would resume. */
    private final Set<Attempts<?>> waiting = ConcurrentHashMap.newKeySet();

    /**
     * @param scheduler times the waits before retries
     * @param workers   makes the attempts after a wait (and those that waited for a concurrency slot)
     */
    public SparkApiClient(String provider, SparkHttpTransport transport, ClientRateLimiter limiter,
                          ScheduledExecutorService scheduler, Executor workers, SparkErrorDecoder decoder) {
        this.provider = provider;
        this.transport = transport;
        this.limiter = limiter;
        this.scheduler = scheduler;
        this.workers = workers;
        this.decoder = decoder;
        this.clock = transport.clock();
    }

    public String provider() {
        return provider;
    }

    public SparkHttpTransport transport() {
        return transport;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** A successful response read whole (JSON answers). Error statuses complete the future exceptionally. */
    public CompletableFuture<SparkResponse> call(SparkRequest request, CallPolicy policy) {
        return start(request, policy, response -> response.readFully(MAX_BUFFERED_BODY));
    }

    /**
     * A successful response with its body still to read (streams, media, or answers whose kind only the
     * Content-Type tells). The caller must close it. Retries happen only before the body is handed over.
     */
    public CompletableFuture<SparkOpenResponse> open(SparkRequest request, CallPolicy policy) {
        return start(request, policy, response -> response);
    }

    /**
     * Fails every call that is waiting for a retry or for a concurrency slot, with a {@link SparkTransportException}
     * saying the component is stopping. Called when the component stops: its scheduler drops what it had not run yet,
     * and a call whose future never completes would leave its exchange (and whoever waits for it) hanging for ever.
     * Calls with an attempt in flight are left to finish or fail on their own.
     */
    public void abandonWaiting() {
        for (Attempts<?> attempts : waiting) {
            attempts.abandon();
        }
    }

    private <T> CompletableFuture<T> start(SparkRequest request, CallPolicy policy, BodyReader<T> reader) {
        Attempts<T> attempts = new Attempts<>(request, policy, reader);
        attempts.run();
        return attempts.result;
    }

    @FunctionalInterface
    private interface BodyReader<T> {
        T read(SparkOpenResponse response) throws IOException;
    }

    /** The attempts of one call; each runs on whichever thread its wait ended on. */
    private final class Attempts<T> {
        private final SparkRequest request;
        private final CallPolicy policy;
        private final BodyReader<T> reader;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private int made;

        Attempts(SparkRequest request, CallPolicy policy, BodyReader<T> reader) {
            this.request = request;
            this.policy = policy;
            this.reader = reader;
        }

        void run() {
            if (result.isDone()) {
                return;
            }
            long wait = limiter.reserve(policy.limiterKey(), policy.requestsPerMinute());
            if (wait > 0) {
                Instant pausedUntil = limiter.pausedUntil(policy.limiterKey());
                // a pause set by a call with a longer maxRetryAfter than this one's
                if (pausedUntil != null && wait > policy.maxRetryAfter().toMillis()) {
                    Instant reset = limiter.resetOfPause(policy.limiterKey());
                    result.completeExceptionally(new SparkRateLimitException(provider, 0, null,
                            "the rate limit of this key is used up until " + reset
                                                                         + " (X-RateLimit-Remaining was 0); that is beyond maxRetryAfter "
                                                                         + policy.maxRetryAfter() + ", so the call was not made",
                            wait, reset).withAttempts(made));
                    return;
                }
                later(wait);
                return;
            }
            waiting.add(this);
            limiter.acquireSlot(policy.limiterKey(), policy.maxConcurrentRequests(), this::send, workers);
        }

        private void send() {
            synchronized (this) {
                waiting.remove(this);
                if (result.isDone()) {
                    releaseSlot(); // abandoned while it waited for the slot
                    return;
                }
            }
            made++;
            boolean slotPassedOn = false;
            try {
                SparkOpenResponse response = transport.open(request);
                limiter.observe(policy.limiterKey(), response.rateLimit(), policy.maxRetryAfter());
                response.attempts(made);
                if (response.status() >= 200 && response.status() < 300
                    || request.returnRedirects() && response.status() >= 300 && response.status() < 400) {
                    response.onClose(this::releaseSlot);
                    slotPassedOn = true;
                    T value = reader.read(response);
                    if (!result.complete(value) && value instanceof AutoCloseable closeable) {
                        closeable.close(); // nobody is waiting for it any more
                    }
                    return;
                }
                onErrorStatus(response.readFully(MAX_ERROR_BODY));
            } catch (IOException e) {
                onIOException(e);
            } catch (Exception e) {
                result.completeExceptionally(e instanceof SparkApiException spark ? spark.withAttempts(made) : e);
            } finally {
                if (!slotPassedOn) {
                    releaseSlot();
                }
            }
        }

        private void onErrorStatus(SparkResponse error) {
            SparkApiException failure = decoder.decode(provider, request, error).withAttempts(made);
            // a 429 says the limit is used up, so its reset is the time to come back; a 503 only names a time with
            // Retry-After (X-RateLimit-Reset may come on any answer, and is no reason to wait, nor to resend a paid call)
            Long serverWait = switch (error.status()) {
                case 429 -> error.rateLimit().waitMillis(clock);
                case 503 -> error.rateLimit().retryAfterMillis();
                default -> null;
            };
            RetryPolicy.Decision decision = RetryPolicy.onStatus(request.kind(), error.status(), serverWait, made,
                    policy.maxRetries(), policy.maxRetryAfter());
            if (decision.retry()) {
                LOG.debug("{} answered {} on attempt {}; retrying in {} ms", request, error.status(), made,
                        decision.delayMillis());
                later(decision.delayMillis());
            } else if (serverWait != null && serverWait > policy.maxRetryAfter().toMillis()
                       && failure instanceof SparkRateLimitException) {
                Instant until = failure.getRateLimitReset() != null ? failure.getRateLimitReset()
                        : clock.instant().plusMillis(serverWait);
                result.completeExceptionally(new SparkRateLimitException(failure.getMessage()
                        + " (the provider asks to wait until " + until + ", beyond maxRetryAfter " + policy.maxRetryAfter()
                        + ", so the call was not retried)", provider, failure.getHttpStatus(), failure.getProviderCode(),
                        failure.getProviderMessage(), serverWait, failure.getRateLimitReset()).withAttempts(made));
            } else {
                result.completeExceptionally(failure);
            }
        }

        private void onIOException(IOException e) {
            RetryPolicy.Decision decision = RetryPolicy.onIOException(request.kind(), e, made, policy.maxRetries());
            if (decision.retry()) {
                LOG.debug("{} failed on attempt {} ({}); retrying in {} ms", request, made, e,
                        decision.delayMillis());
                later(decision.delayMillis());
                return;
            }
            boolean unknown = !RetryPolicy.provablyNotSent(e);
            String message = request.describe() + " failed: " + e.getMessage()
                             + (unknown && request.kind() == CallKind.PAID_CREATE
                                     ? " (the request may have reached the provider, so it was not resent: a paid task is"
                                       + " never created twice; check the provider's task list)"
                                     : "");
            result.completeExceptionally(new SparkTransportException(provider, message, unknown, e).withAttempts(made));
        }

        private void later(long delayMillis) {
            try {
                waiting.add(this);
                scheduler.schedule(() -> {
                    waiting.remove(this);
                    workers.execute(this::run);
                }, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                waiting.remove(this);
                result.completeExceptionally(new SparkTransportException(provider,
                        request.describe() + " not retried: the component is stopping", false, e).withAttempts(made));
            }
        }

        /** Fails the call if it is still waiting; a call whose attempt has begun is not touched. */
        synchronized void abandon() {
            if (waiting.remove(this)) {
                result.completeExceptionally(new SparkTransportException(provider,
                        request.describe() + " not retried: the component is stopping", false, null).withAttempts(made));
            }
        }

        private void releaseSlot() {
            limiter.release(policy.limiterKey(), policy.maxConcurrentRequests());
        }
    }
}
