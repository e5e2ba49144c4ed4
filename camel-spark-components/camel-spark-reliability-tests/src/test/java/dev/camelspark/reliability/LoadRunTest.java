package dev.camelspark.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.camelspark.emulator.Fault;
import dev.camelspark.support.error.SparkApiException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12.9, a bounded load run: 2,000 calls spread over the five components, sent from 32 threads, each component
 * under {@code requestsPerMinute} and {@code maxConcurrentRequests}, with faults at the start of each (503s and resets
 * to retry, 400s to fail). Every exchange ends, each failure is one of the 400s, and the emulator received exactly one
 * request per call plus one per retried fault: nothing lost, nothing sent twice.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LoadRunTest extends ReliabilityTestSupport {

    static final int CALLS = 2_000;
    static final int RETRIED_503 = 5;
    static final int RETRIED_RESETS = 3;
    static final int REFUSED_400 = 3;
    static final String LIMITS = "requestsPerMinute=1200&maxConcurrentRequests=4&maxRetries=2";

    /** The five calls of the mix; SparkAI Stream's is streamed and read whole by the route. */
    static final List<SafeCall> MIX = List.of(SafeCall.DYNASPARK_TEXT, SafeCall.SPARKGPT_CHAT, SafeCall.SPARKSTREAM_CHAT,
            SafeCall.SPARKDREAM_STATUS, SafeCall.NEOSPARK_MODELS);

    @Test
    void everyExchangeOfTwoThousandMixedCallsIsAccountedFor() throws Exception {
        Map<SafeCall, Object> bodies = MIX.stream().collect(Collectors.toMap(Function.identity(), c -> c.body(this)));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:streamed").to(SafeCall.SPARKSTREAM_CHAT.uri("stream=true", LIMITS))
                        .convertBodyTo(String.class);
            }
        });
        for (SafeCall call : MIX) {
            // the first rule that matches is used first: five 503s, then three resets, then three 400s
            emulator().faults().add(call.on(Fault.respond(503)).times(RETRIED_503));
            emulator().faults().add(call.on(Fault.resetConnection()).times(RETRIED_RESETS));
            emulator().faults().add(call.on(Fault.respond(400)).times(REFUSED_400));
        }

        List<Exchange> done = burst(CALLS, 32, n -> {
            SafeCall call = MIX.get(n % MIX.size());
            return call == SafeCall.SPARKSTREAM_CHAT ? "direct:streamed" : call.uri(LIMITS);
        }, n -> bodies.get(MIX.get(n % MIX.size())));

        assertThat(done).hasSize(CALLS);
        List<Exchange> failed = done.stream().filter(e -> e.getException() != null).toList();
        assertThat(failed).as("failures: only the 400s, %d per component", REFUSED_400)
                .hasSize(REFUSED_400 * MIX.size())
                .allSatisfy(e -> assertThat(e.getException()).isInstanceOf(SparkApiException.class)
                        .extracting(x -> ((SparkApiException) x).getHttpStatus()).isEqualTo(400));
        assertThat(done.stream().filter(e -> e.getException() == null))
                .allSatisfy(e -> assertThat(e.getMessage().getBody()).isNotNull());
        for (SafeCall call : MIX) {
            assertThat(call.attempts()).as("requests of %s: one per call, one more per retried fault", call)
                    .isEqualTo(CALLS / MIX.size() + RETRIED_503 + RETRIED_RESETS);
        }
        // the emulator counts a request answered when its last write completes, a moment after the client read it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(emulator().requests().inFlight())
                .as("requests still being answered").isZero());
        assertThat(emulator().faults().list()).as("faults left unused").isEmpty();
    }
}
