package dev.camelspark.support.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * When a failed attempt may be made again, and after how long. Reads and chat calls retry connection failures, 408,
 * 429 and 5xx; calls that create a paid task retry only when the provider provably did not take the request.
 */
public final class RetryPolicy {

    static final long BASE_DELAY_MILLIS = 500;
    static final long MAX_DELAY_MILLIS = 8_000;

    private RetryPolicy() {
    }

    /** What to do after an attempt failed. */
    public record Decision(boolean retry, long delayMillis) {
        static final Decision FAIL = new Decision(false, 0);
    }

    /**
     * After an HTTP error status.
     *
     * @param attempt         attempts made so far (1 after the first)
     * @param serverWaitMillis what the provider asked ({@code Retry-After} or time to the rate-limit reset), or null
     */
    public static Decision onStatus(CallKind kind, int status, Long serverWaitMillis, int attempt, int maxRetries,
                                    Duration maxRetryAfter) {
        if (attempt > maxRetries || !retryableStatus(kind, status, serverWaitMillis)) {
            return Decision.FAIL;
        }
        if (serverWaitMillis != null) {
            if (serverWaitMillis > maxRetryAfter.toMillis()) {
                return Decision.FAIL; // the caller reports the reset time instead of waiting that long
            }
            return new Decision(true, Math.max(serverWaitMillis, 1));
        }
        return new Decision(true, backoff(attempt));
    }

    /** After a failure without an HTTP answer. */
    public static Decision onIOException(CallKind kind, IOException failure, int attempt, int maxRetries) {
        if (attempt > maxRetries) {
            return Decision.FAIL;
        }
        if (failure instanceof SSLHandshakeException) {
            return Decision.FAIL; // not transient
        }
        if (failure instanceof SparkHttpTransport.DeadlineExceededException) {
            return Decision.FAIL; // the deadline bounds the whole call: another attempt would only run past it
        }
        if (kind == CallKind.PAID_CREATE && !provablyNotSent(failure)) {
            return Decision.FAIL;
        }
        if (failure instanceof SocketTimeoutException && !provablyNotSent(failure)) {
            // the provider is slow, not unreachable: asking again would double the wait (and, for chat, the bill)
            return Decision.FAIL;
        }
        return new Decision(true, backoff(attempt));
    }

    static boolean retryableStatus(CallKind kind, int status, Long serverWaitMillis) {
        if (status == 429) {
            return true;
        }
        if (kind == CallKind.PAID_CREATE) {
            // a 503 that names a time to come back is the provider turning the call away, not half-doing it
            return status == 503 && serverWaitMillis != null;
        }
        return status == 408 || status >= 500 && status != 501 && status != 505;
    }

    /**
     * Whether the failure happened before any byte of the request could reach the provider: the connection was
     * never made (refused, unreachable, DNS, connect timeout) or no pooled connection was leased.
     */
    public static boolean provablyNotSent(IOException failure) {
        return failure instanceof ConnectException
               || failure instanceof HttpHostConnectException
               || failure instanceof ConnectTimeoutException
               || failure instanceof ConnectionRequestTimeoutException
               || failure instanceof UnknownHostException
               || failure instanceof NoRouteToHostException
               || failure instanceof SSLHandshakeException
               || failure instanceof InterruptedIOException && failure.getCause() instanceof ConnectException;
    }

    /** {@code min(0.5 s · 2^(n-1), 8 s)}, with equal jitter so many clients do not come back in step. */
    static long backoff(int attempt) {
        long base = Math.min(BASE_DELAY_MILLIS << Math.min(attempt - 1, 10), MAX_DELAY_MILLIS);
        long half = base / 2;
        return half + ThreadLocalRandom.current().nextLong(half + 1);
    }
}
