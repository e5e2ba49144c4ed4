package dev.camelspark.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.support.error.SparkTransportException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12.2, paid creates (Spark Dream and NeoSpark; the three others create nothing that is paid per task): when
 * the outcome is unknown the create is never sent again, so the emulator records exactly one; when the provider
 * provably turned it away (429, 503 with {@code Retry-After}) it is.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PaidCreateTest extends ReliabilityTestSupport {

    /** Every operation that creates a paid task, with the create request it makes. */
    enum PaidCreate {
        SPARKDREAM_SUBMIT(Provider.SPARKDREAM, "sparkdream:submit", "/model/v1/generation"),
        SPARKDREAM_GENERATE(Provider.SPARKDREAM, "sparkdream:generate", "/model/v1/generation"),
        NEOSPARK_IMAGE_SUBMIT(Provider.NEOSPARK, "neospark:image-submit", "/drawing/sessions/*/generate"),
        NEOSPARK_IMAGE(Provider.NEOSPARK, "neospark:image", "/drawing/sessions/*/generate"),
        NEOSPARK_VIDEO_SUBMIT(Provider.NEOSPARK, "neospark:video-submit?duration=4", "/video/generations"),
        NEOSPARK_VIDEO(Provider.NEOSPARK, "neospark:video?duration=4", "/video/generations");

        final Provider provider;
        final String operation;
        final String path;

        PaidCreate(Provider provider, String operation, String path) {
            this.provider = provider;
            this.operation = operation;
            this.path = path;
        }

        Fault on(Fault fault) {
            return fault.on(provider).method("POST").path(path);
        }

        int creates() {
            return received(provider, "POST", path).size();
        }
    }

    /** What leaves the outcome unknown: the provider may have created the task. */
    enum UnknownOutcome {
        RESET_AFTER_THE_REQUEST_WAS_WRITTEN(Fault::resetConnection),
        SERVER_ERROR(() -> Fault.respond(500)),
        BAD_GATEWAY(() -> Fault.respond(502)),
        READ_TIMEOUT(() -> Fault.latency(Duration.ofMillis(2500))); // beyond requestTimeout

        final Supplier<Fault> fault;

        UnknownOutcome(Supplier<Fault> fault) {
            this.fault = fault;
        }
    }

    static Stream<Arguments> everyCreateUnderEveryUnknownOutcome() {
        return Arrays.stream(PaidCreate.values())
                .flatMap(create -> Arrays.stream(UnknownOutcome.values()).map(outcome -> Arguments.of(create, outcome)));
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("everyCreateUnderEveryUnknownOutcome")
    void aCreateWhoseOutcomeIsUnknownIsNeverSentAgain(PaidCreate create, UnknownOutcome outcome) {
        String uri = uri(create.provider, create.operation, "maxRetries=3", "requestTimeout=1000");
        warmUp(create);
        emulator().faults().add(create.on(outcome.fault.get()).times(1));

        Exchange out = send(uri, "A lighthouse in a storm");

        assertThat(out.getException()).as("the call fails: its outcome is unknown").isNotNull();
        if (out.getException() instanceof SparkTransportException) {
            assertThat(out.getException()).hasMessageContaining("not resent");
        }
        assertThat(create.creates()).as("create calls the provider received").isEqualTo(1);
    }

    /**
     * One call without fault first (same component, default timeouts), so that class loading and the first connection
     * of a cold JVM do not eat into the short requestTimeout of the call under test; then the log starts afresh.
     */
    private void warmUp(PaidCreate create) {
        Exchange out = send(uri(create.provider, create.operation), "warm-up");
        assertThat(out.getException()).as(SafeCall.failureOf(out)).isNull();
        emulator().requests().clear();
    }

    @ParameterizedTest
    @EnumSource(PaidCreate.class)
    void aCreateTheProviderTurnedAwayIsSentAgain(PaidCreate create) {
        emulator().faults().add(create.on(Fault.respond(429)).header("Retry-After", "0").times(1));
        emulator().faults().add(create.on(Fault.respond(503)).header("Retry-After", "0").times(1));

        Exchange out = send(uri(create.provider, create.operation, "maxRetries=3"), "A lighthouse in a storm");

        assertThat(out.getException()).as(SafeCall.failureOf(out)).isNull();
        assertThat(create.creates()).isEqualTo(3);
        assertThat(out.getMessage().getHeader("CamelSparkAttempts", Integer.class)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(PaidCreate.class)
    void a503WithoutRetryAfterIsNotSentAgain(PaidCreate create) {
        emulator().faults().add(create.on(Fault.respond(503)).times(1));

        Exchange out = send(uri(create.provider, create.operation, "maxRetries=3"), "A lighthouse in a storm");

        assertThat(out.getException()).isNotNull();
        assertThat(create.creates()).isEqualTo(1);
    }
}
