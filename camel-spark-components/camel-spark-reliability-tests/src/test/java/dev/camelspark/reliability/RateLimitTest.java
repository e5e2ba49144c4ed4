package dev.camelspark.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12.9, one call of each component: a burst never goes past {@code requestsPerMinute} (a token bucket: the
 * whole minute's worth at once, then evenly) nor past {@code maxConcurrentRequests}, as the emulator sees the
 * requests arrive; and every exchange of the burst completes.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RateLimitTest extends ReliabilityTestSupport {

    static final int PER_MINUTE = 120;
    static final int PER_SECOND = PER_MINUTE / 60;

    @ParameterizedTest
    @MethodSource("dev.camelspark.reliability.SafeCall#onePerComponent")
    void aBurstNeverGoesPastRequestsPerMinute(SafeCall call) throws Exception {
        Object body = call.body(this);
        String uri = call.uri("requestsPerMinute=" + PER_MINUTE);
        int calls = PER_MINUTE + 4;

        List<Exchange> done = burst(calls, 32, n -> uri, n -> body);

        assertThat(done).allSatisfy(out -> assertThat(out.getException()).as(SafeCall.failureOf(out)).isNull());
        List<Instant> arrivals = SafeCall.requestsOf(call).stream().map(RecordedRequest::receivedAt).sorted().toList();
        assertThat(arrivals).hasSize(calls);
        // in any stretch of time, at most the bucket plus what it refilled meanwhile (half a second of slack for the
        // time between taking a token and the request arriving, on a loaded machine)
        for (int i = 0; i < arrivals.size(); i++) {
            for (int j = i; j < arrivals.size(); j++) {
                double seconds = Duration.between(arrivals.get(i), arrivals.get(j)).toMillis() / 1000.0;
                assertThat(j - i + 1).as("requests between arrival %d and %d, %.3f s apart", i, j, seconds)
                        .isLessThanOrEqualTo((int) (PER_MINUTE + PER_SECOND * (seconds + 0.5)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.camelspark.reliability.SafeCall#onePerComponent")
    void aBurstNeverGoesPastMaxConcurrentRequests(SafeCall call) throws Exception {
        Object body = call.body(this);
        emulator().faults().add(call.on(Fault.latency(Duration.ofMillis(150))));
        String uri = call.uri("maxConcurrentRequests=3");

        List<Exchange> done = burst(30, 30, n -> uri, n -> body);

        assertThat(done).allSatisfy(out -> assertThat(out.getException()).as(SafeCall.failureOf(out)).isNull());
        assertThat(call.attempts()).isEqualTo(30);
        assertThat(emulator().requests().peakInFlight()).as("requests the emulator answered at once")
                .isBetween(2, 3);
    }
}
