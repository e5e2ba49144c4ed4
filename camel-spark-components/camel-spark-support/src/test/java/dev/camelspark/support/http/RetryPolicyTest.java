package dev.camelspark.support.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.camelspark.support.http.CallKind.CHAT;
import static dev.camelspark.support.http.CallKind.PAID_CREATE;
import static dev.camelspark.support.http.CallKind.READ;
import static org.assertj.core.api.Assertions.assertThat;

/** When an attempt may be made again, and after how long: the decisions, without a network. */
class RetryPolicyTest {

    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private static RetryPolicy.Decision status(CallKind kind, int status, Long serverWait) {
        return RetryPolicy.onStatus(kind, status, serverWait, 1, 2, MAX_WAIT);
    }

    @ParameterizedTest
    @EnumSource(value = CallKind.class, names = { "READ", "CHAT" })
    void readsAndChatRetryTransientStatuses(CallKind kind) {
        for (int s : new int[] { 408, 429, 500, 502, 503, 504 }) {
            assertThat(status(kind, s, null).retry()).as("status %d", s).isTrue();
        }
        for (int s : new int[] { 400, 401, 402, 403, 404, 409, 422, 501, 505 }) {
            assertThat(status(kind, s, null).retry()).as("status %d", s).isFalse();
        }
    }

    @Test
    void paidCreatesRetryOnlyWhatTheProviderProvablyRefused() {
        assertThat(status(PAID_CREATE, 429, null).retry()).isTrue();
        assertThat(status(PAID_CREATE, 503, 2_000L).retry()).as("503 with Retry-After").isTrue();
        assertThat(status(PAID_CREATE, 503, null).retry()).as("503 without Retry-After").isFalse();
        for (int s : new int[] { 408, 500, 502, 504 }) {
            assertThat(status(PAID_CREATE, s, null).retry()).as("status %d", s).isFalse();
            assertThat(status(PAID_CREATE, s, 1_000L).retry()).as("status %d with a wait", s).isFalse();
        }
    }

    @Test
    void attemptsStopAtMaxRetries() {
        // attempt n has just failed: with maxRetries 2 there are 3 attempts in all
        assertThat(RetryPolicy.onStatus(READ, 500, null, 1, 2, MAX_WAIT).retry()).isTrue();
        assertThat(RetryPolicy.onStatus(READ, 500, null, 2, 2, MAX_WAIT).retry()).isTrue();
        assertThat(RetryPolicy.onStatus(READ, 500, null, 3, 2, MAX_WAIT).retry()).isFalse();
        assertThat(RetryPolicy.onStatus(READ, 500, null, 1, 0, MAX_WAIT).retry()).isFalse();
        assertThat(RetryPolicy.onIOException(READ, new ConnectException(), 3, 2).retry()).isFalse();
    }

    @Test
    void theProvidersWaitIsHonouredUpToMaxRetryAfter() {
        assertThat(status(READ, 429, 7_000L)).isEqualTo(new RetryPolicy.Decision(true, 7_000));
        assertThat(status(READ, 429, 0L).delayMillis()).isEqualTo(1);
        assertThat(status(READ, 429, 60_000L).retry()).isTrue();
        assertThat(status(READ, 429, 60_001L).retry()).as("beyond maxRetryAfter: fail at once").isFalse();
        assertThat(status(PAID_CREATE, 503, 61_000L).retry()).isFalse();
    }

    @Test
    void withoutAWaitTheBackoffDoublesWithJitterUpToEightSeconds() {
        for (int i = 0; i < 200; i++) {
            assertThat(RetryPolicy.backoff(1)).isBetween(250L, 500L);
            assertThat(RetryPolicy.backoff(2)).isBetween(500L, 1_000L);
            assertThat(RetryPolicy.backoff(3)).isBetween(1_000L, 2_000L);
            assertThat(RetryPolicy.backoff(5)).isBetween(4_000L, 8_000L);
            assertThat(RetryPolicy.backoff(6)).isBetween(4_000L, 8_000L);
            assertThat(RetryPolicy.backoff(40)).isBetween(4_000L, 8_000L);
        }
        assertThat(status(READ, 500, null).delayMillis()).isBetween(250L, 500L);
        assertThat(java.util.stream.IntStream.range(0, 200).mapToLong(i -> RetryPolicy.backoff(4)).distinct().count())
                .as("jittered").isGreaterThan(1);
    }

    @ParameterizedTest
    @EnumSource(CallKind.class)
    void connectionFailuresAreRetriedForEveryKind(CallKind kind) {
        for (IOException e : new IOException[] { new ConnectException("refused"),
                new HttpHostConnectException("refused"), new ConnectTimeoutException("slow"),
                new ConnectionRequestTimeoutException("pool"), new UnknownHostException("dns") }) {
            assertThat(RetryPolicy.provablyNotSent(e)).as(e.toString()).isTrue();
            assertThat(RetryPolicy.onIOException(kind, e, 1, 2).retry()).as(e.toString()).isTrue();
        }
    }

    @Test
    void readTimeoutsAreNotRetried() {
        // a slow provider is not an unreachable one: a second attempt would double the wait (and a chat's bill)
        IOException timeout = new SocketTimeoutException("Read timed out");
        for (CallKind kind : CallKind.values()) {
            assertThat(RetryPolicy.onIOException(kind, timeout, 1, 2).retry()).as(kind.name()).isFalse();
        }
    }

    @Test
    void brokenConnectionsAreRetriedForReadsButNeverForPaidCreates() {
        for (IOException e : new IOException[] {
                new NoHttpResponseException("no answer"), new SocketException("Connection reset") }) {
            assertThat(RetryPolicy.provablyNotSent(e)).as(e.toString()).isFalse();
            assertThat(RetryPolicy.onIOException(READ, e, 1, 2).retry()).as(e.toString()).isTrue();
            assertThat(RetryPolicy.onIOException(CHAT, e, 1, 2).retry()).as(e.toString()).isTrue();
            assertThat(RetryPolicy.onIOException(PAID_CREATE, e, 1, 2).retry()).as(e.toString()).isFalse();
        }
    }

    @Test
    void aFailedTlsHandshakeIsNotTransient() {
        assertThat(RetryPolicy.onIOException(READ, new SSLHandshakeException("bad cert"), 1, 2).retry()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(CallKind.class)
    void aCallThatRanOutOfItsDeadlineIsNotStartedAgain(CallKind kind) {
        IOException deadline = new SparkHttpTransport.DeadlineExceededException(500, new SocketException("Socket closed"));
        assertThat(RetryPolicy.onIOException(kind, deadline, 1, 2).retry()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2 })
    void connectFailuresBackOff(int attempt) {
        RetryPolicy.Decision d = RetryPolicy.onIOException(READ, new ConnectException(), attempt, 5);
        assertThat(d.delayMillis()).isBetween(250L * (1L << (attempt - 1)), 500L * (1L << (attempt - 1)));
    }
}
