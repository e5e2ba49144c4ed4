package dev.camelspark.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A component created on demand (a producer template, {@code toD}) and first used by many threads at once: every
 * exchange waits for the one start instead of failing with "component is not started" (found by the bursts of
 * {@link RateLimitTest}: a third of them failed so).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FirstUseTest extends ReliabilityTestSupport {

    @ParameterizedTest
    @MethodSource("dev.camelspark.reliability.SafeCall#onePerComponent")
    void manyThreadsUsingAComponentForTheFirstTimeAllSucceed(SafeCall call) throws Exception {
        Object body = call.body(this);
        String uri = call.uri();

        List<Exchange> done = burst(40, 40, n -> uri, n -> body);

        assertThat(done).allSatisfy(out -> assertThat(out.getException()).as(SafeCall.failureOf(out)).isNull());
        assertThat(call.attempts()).isEqualTo(40);
    }
}
