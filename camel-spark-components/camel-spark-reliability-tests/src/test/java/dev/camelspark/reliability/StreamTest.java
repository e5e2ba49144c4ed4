package dev.camelspark.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.support.error.SparkStreamException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12.3, every streamed operation (DynaSpark text, SparkGPT chat, SparkAI Stream chat; Spark Dream and NeoSpark
 * stream nothing): a retry only before the first delta reached the route, so no delta is ever delivered twice; a
 * stall fails after {@code streamIdleTimeout}; a cut before {@code [DONE]} fails; a route that stops reading releases
 * the connection; the tokens are reported when the provider's stream carries them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamTest extends ReliabilityTestSupport {

    enum StreamedCall {
        DYNASPARK_TEXT(Provider.DYNASPARK, "dynaspark:text", "GET", "/generate_response", true),
        SPARKGPT_CHAT(Provider.SPARKGPT, "sparkgpt:chat?modelId=5", "POST", "/api/askoutsideStream", false),
        SPARKSTREAM_CHAT(Provider.SPARKSTREAM, "sparkstream:chat?model=spark-1", "POST", "/v1/chat", true);

        final Provider provider;
        final String operation;
        final String method;
        final String path;
        /** Whether the provider's stream carries the usage (SparkGPT's has content deltas only, api-contracts.md §2). */
        final boolean reportsUsage;

        StreamedCall(Provider provider, String operation, String method, String path, boolean reportsUsage) {
            this.provider = provider;
            this.operation = operation;
            this.method = method;
            this.path = path;
            this.reportsUsage = reportsUsage;
        }

        String uri(String... options) {
            return ReliabilityTestSupport.uri(provider, operation + (operation.contains("?") ? "&" : "?") + "stream=true",
                    options);
        }

        String plainUri() {
            return ReliabilityTestSupport.uri(provider, operation);
        }

        Fault on(Fault fault) {
            return fault.on(provider).method(method).path(path);
        }

        int attempts() {
            return received(provider, method, path).size();
        }
    }

    static final String QUESTION = "Why do camels have humps? Tell me about deserts and water, at length";

    /** The deltas as the route received them, one by one. */
    private final List<String> deltas = new CopyOnWriteArrayList<>();

    /** Reads the stream delta by delta, as a route that forwards each piece would. */
    private void routeReadingEveryDelta(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:every").to(uri).split(body()).streaming().process(e -> deltas.add(e.getMessage()
                        .getBody(String.class))).end();
            }
        });
    }

    /** The whole answer the same question gets without faults (the emulator is deterministic), delta by delta. */
    private List<String> referenceDeltas(StreamedCall call) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:reference").to(call.uri()).split(body()).streaming().process(e -> deltas.add(e
                        .getMessage().getBody(String.class))).end();
            }
        });
        Exchange out = send("direct:reference", QUESTION);
        assertThat(out.getException()).isNull();
        List<String> reference = List.copyOf(deltas);
        deltas.clear();
        emulator().requests().clear();
        assertThat(reference).hasSizeGreaterThan(5);
        return reference;
    }

    static Stream<Fault> failuresBeforeTheFirstDelta() {
        return Stream.of(Fault.respond(503), Fault.respond(429).header("Retry-After", "0"), Fault.resetConnection());
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> everyStreamUnderEveryEarlyFailure() {
        return Stream.of(StreamedCall.values()).flatMap(call -> failuresBeforeTheFirstDelta()
                .map(fault -> org.junit.jupiter.params.provider.Arguments.of(call, fault)));
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("everyStreamUnderEveryEarlyFailure")
    void aFailureBeforeTheFirstDeltaIsRetriedAndEveryDeltaArrivesOnce(StreamedCall call, Fault fault) throws Exception {
        List<String> reference = referenceDeltas(call);
        routeReadingEveryDelta(call.uri("maxRetries=2"));
        emulator().faults().add(call.on(fault).times(1));

        Exchange out = send("direct:every", QUESTION);

        assertThat(out.getException()).as(SafeCall.failureOf(out)).isNull();
        assertThat(call.attempts()).isEqualTo(2);
        assertThat(deltas).containsExactlyElementsOf(reference);
    }

    @ParameterizedTest
    @EnumSource(StreamedCall.class)
    void aStreamCutBeforeDoneFailsAndIsNotResent(StreamedCall call) throws Exception {
        List<String> reference = referenceDeltas(call);
        routeReadingEveryDelta(call.uri("maxRetries=2"));
        emulator().faults().add(call.on(Fault.cutStreamAfter(4)).times(1));

        Exchange out = send("direct:every", QUESTION);

        assertThat(out.getException()).isInstanceOf(SparkStreamException.class).hasMessageContaining("without [DONE]");
        assertThat(out.getProperty("CamelAiErrorCategory")).isNotNull();
        assertThat(call.attempts()).as("a stream whose deltas reached the route is not asked again").isEqualTo(1);
        assertThat(deltas).isNotEmpty().hasSizeLessThan(reference.size())
                .containsExactlyElementsOf(reference.subList(0, deltas.size()));
    }

    @ParameterizedTest
    @EnumSource(StreamedCall.class)
    void aStalledStreamFailsAfterStreamIdleTimeout(StreamedCall call) throws Exception {
        List<String> reference = referenceDeltas(call);
        routeReadingEveryDelta(call.uri("maxRetries=2", "streamIdleTimeout=500"));
        emulator().faults().add(call.on(Fault.stallStreamAfter(4)).times(1));

        Exchange out = send("direct:every", QUESTION);

        assertThat(out.getException()).isInstanceOf(SparkStreamException.class)
                .hasMessageContaining("streamIdleTimeout").hasMessageContaining("stalled");
        assertThat(call.attempts()).isEqualTo(1);
        assertThat(deltas).hasSizeLessThan(reference.size())
                .containsExactlyElementsOf(reference.subList(0, deltas.size()));
    }

    @ParameterizedTest
    @EnumSource(StreamedCall.class)
    void aRouteThatStopsReadingReleasesTheConnection(StreamedCall call) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // takes the first delta and is done; the server would hold the rest of the stream open for minutes
                from("direct:first").to(call.uri()).process(e -> e.getMessage()
                        .setBody(((Iterator<?>) e.getMessage().getBody()).next()));
            }
        });
        emulator().faults().add(call.on(Fault.stallStreamAfter(3)));
        long openBefore = emulator().connectionsOpen();

        for (int i = 0; i < 3; i++) {
            Exchange out = send("direct:first", QUESTION + " " + i);
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getBody(String.class)).isNotEmpty();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(emulator().connectionsOpen()).as("connections still open").isEqualTo(openBefore);
            assertThat(emulator().requests().inFlight()).as("streams still being sent").isZero();
        });
    }

    @ParameterizedTest
    @EnumSource(StreamedCall.class)
    void theTokensOfAStreamedAnswerAreReported(StreamedCall call) throws Exception {
        Exchange plain = send(call.plainUri(), QUESTION);
        routeReadingEveryDelta(call.uri());

        Exchange streamed = send("direct:every", QUESTION);

        assertThat(streamed.getException()).isNull();
        Integer tokens = streamed.getMessage().getHeader("CamelSparkTotalTokens", Integer.class);
        if (call.reportsUsage) {
            assertThat(tokens).isPositive()
                    .isEqualTo(plain.getMessage().getHeader("CamelSparkTotalTokens", Integer.class));
            assertThat(streamed.getMessage().getHeader("CamelSparkCompletionTokens", Integer.class))
                    .isEqualTo(plain.getMessage().getHeader("CamelSparkCompletionTokens", Integer.class));
        } else {
            assertThat(tokens).as("SparkGPT reports no usage, streamed or not")
                    .isEqualTo(plain.getMessage().getHeader("CamelSparkTotalTokens", Integer.class)).isNull();
        }
    }
}
