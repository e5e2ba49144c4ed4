package dev.camelspark.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.error.SparkRateLimitException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12.2, safe calls of all five components: only failures that may pass are retried (5xx, 429, a connection
 * closed without an answer), at most {@code maxRetries} times, after a backoff; {@code Retry-After} (seconds or an
 * HTTP date) and {@code X-RateLimit-Reset} are waited for, and one beyond {@code maxRetryAfter} fails the call at once
 * with the time it names. A class timeout stands for "instead of hanging".
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SafeCallRetryTest extends ReliabilityTestSupport {

    @ParameterizedTest
    @EnumSource(SafeCall.class)
    void aTransientFailureIsRetriedUpToMaxRetries(SafeCall call) {
        Object body = call.body(this);
        emulator().faults().add(call.on(Fault.respond(503)).times(2));

        Exchange out = send(call.uri("maxRetries=2"), body);

        assertThat(out.getException()).as(SafeCall.failureOf(out)).isNull();
        assertThat(call.attempts()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(SafeCall.class)
    void aFailureThatLastsFailsAfterMaxRetriesWithABackoffBetweenAttempts(SafeCall call) {
        Object body = call.body(this);
        emulator().faults().add(call.on(Fault.respond(503)));

        Exchange out = send(call.uri("maxRetries=2"), body);

        assertThat(out.getException()).isNotNull();
        List<RecordedRequest> attempts = SafeCall.requestsOf(call);
        assertThat(attempts).hasSize(3);
        // min(0.5 s · 2^n, 8 s) with equal jitter: at least 250 ms, then 500 ms
        assertThat(Duration.between(attempts.get(0).receivedAt(), attempts.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(240));
        assertThat(Duration.between(attempts.get(1).receivedAt(), attempts.get(2).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(490));
    }

    @ParameterizedTest
    @EnumSource(SafeCall.class)
    void maxRetriesZeroMakesOneAttempt(SafeCall call) {
        Object body = call.body(this);
        emulator().faults().add(call.on(Fault.respond(503)));

        Exchange out = send(call.uri("maxRetries=0"), body);

        assertThat(out.getException()).isNotNull();
        assertThat(call.attempts()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SafeCall.class)
    void anAnswerThatWouldNotChangeIsNotRetried(SafeCall call) {
        Object body = call.body(this);
        emulator().faults().add(call.on(Fault.respond(400)).times(1));

        Exchange out = send(call.uri("maxRetries=2"), body);

        assertThat(out.getException()).isNotNull();
        assertThat(call.attempts()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SafeCall.class)
    void aConnectionClosedWithoutAnswerIsRetried(SafeCall call) {
        Object body = call.body(this);
        emulator().faults().add(call.on(Fault.resetConnection()).times(1));

        Exchange out = send(call.uri("maxRetries=2"), body);

        assertThat(out.getException()).as(SafeCall.failureOf(out)).isNull();
        assertThat(call.attempts()).isEqualTo(2);
    }

    /** Waits of whole seconds: one call per component (they share the layer that waits). */
    @ParameterizedTest
    @MethodSource("dev.camelspark.reliability.SafeCall#onePerComponent")
    void retryAfterInSecondsAsAnHttpDateAndTheRateLimitResetAreWaitedFor(SafeCall call) {
        Object body = call.body(this);
        // the rules are used in the order they were added, one use each; the times are set now, before the waits
        Instant now = Instant.now();
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(2).atOffset(ZoneOffset.UTC));
        emulator().faults().add(call.on(Fault.respond(503)).header("Retry-After", inTwoSeconds).times(1));
        emulator().faults().add(call.on(Fault.respond(429)).header("Retry-After", "1").times(1));
        emulator().faults().add(call.on(Fault.respond(429)).header("X-RateLimit-Remaining", "0")
                .header("X-RateLimit-Reset", String.valueOf(now.plusSeconds(5).getEpochSecond())).times(1));

        Exchange out = send(call.uri("maxRetries=3"), body);

        assertThat(out.getException()).as(SafeCall.failureOf(out)).isNull();
        List<RecordedRequest> attempts = SafeCall.requestsOf(call);
        assertThat(attempts).hasSize(4);
        for (int i = 1; i < attempts.size(); i++) {
            // whole seconds: two seconds from now is at least one second away
            assertThat(Duration.between(attempts.get(i - 1).receivedAt(), attempts.get(i).receivedAt()))
                    .as("wait before attempt %d", i + 1).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @ParameterizedTest
    @EnumSource(SafeCall.class)
    void aRetryAfterBeyondMaxRetryAfterFailsAtOnceWithTheTimeItNames(SafeCall call) {
        Object body = call.body(this);
        emulator().faults().add(call.on(Fault.respond(429)).header("Retry-After", "3600"));

        Exchange out = send(call.uri("maxRetries=2", "maxRetryAfter=5000"), body);

        assertThat(out.getException()).isInstanceOf(SparkRateLimitException.class)
                .hasMessageContaining("beyond maxRetryAfter")
                .hasMessageContaining("wait until " + Instant.now().plusSeconds(3600).toString().substring(0, 13));
        assertThat(out.getProperty("CamelAiErrorCategory")).isEqualTo("RATE_LIMIT");
        assertThat(out.getProperty("CamelAiRetryAfterMillis", Long.class)).isEqualTo(3_600_000L);
        assertThat(call.attempts()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SafeCall.class)
    void aRateLimitResetBeyondMaxRetryAfterFailsAtOnceWithTheResetTime(SafeCall call) {
        Object body = call.body(this);
        Instant reset = Instant.ofEpochSecond(Instant.now().plusSeconds(3600).getEpochSecond());
        emulator().faults().add(call.on(Fault.respond(429)).header("X-RateLimit-Remaining", "0")
                .header("X-RateLimit-Reset", String.valueOf(reset.getEpochSecond())));

        Exchange out = send(call.uri("maxRetries=2", "maxRetryAfter=5000"), body);

        assertThat(out.getException()).isInstanceOf(SparkRateLimitException.class)
                .hasMessageContaining("beyond maxRetryAfter").hasMessageContaining(reset.toString());
        assertThat(((SparkRateLimitException) out.getException()).getRateLimitReset()).isEqualTo(reset);
        assertThat(call.attempts()).isEqualTo(1);
    }
}
