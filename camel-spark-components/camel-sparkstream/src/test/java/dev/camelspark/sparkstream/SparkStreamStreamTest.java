package dev.camelspark.sparkstream;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkRateLimitException;
import dev.camelspark.support.error.SparkStreamException;
import dev.camelspark.support.sse.SparkEventStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SparkStreamStreamTest extends SparkStreamTestSupport {

    private static final String QUESTION = "Tell me a story about a camel crossing the desert";

    /** Whether the emulator had finished sending when each delta reached the route. */
    private final List<Boolean> serverDoneAtDelta = new CopyOnWriteArrayList<>();
    private final List<String> deltas = new CopyOnWriteArrayList<>();
    /** Whether the cost header was already on the message when each delta reached the route. */
    private final List<Boolean> costKnownAtDelta = new CopyOnWriteArrayList<>();
    private final List<SparkEventStream> streams = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").to("sparkstream:chat?stream=true&model=spark-turbo")
                        .split(body()).streaming()
                            .process(e -> {
                                deltas.add(e.getMessage().getBody(String.class));
                                serverDoneAtDelta.add(calls().get(0).completed());
                                costKnownAtDelta.add(e.getMessage().getHeader(SparkConstants.COST) != null);
                            })
                        .end();
                from("direct:whole").to("sparkstream:chat?stream=true&model=spark-turbo").convertBodyTo(String.class);
                from("direct:plain").to("sparkstream:chat?model=spark-turbo");
                from("direct:lenient").to("sparkstream:chat?stream=true&lenientStream=true").convertBodyTo(String.class);
                from("direct:impatient").to("sparkstream:chat?stream=true&streamIdleTimeout=500")
                        .convertBodyTo(String.class);
                from("direct:firstTwo").to("sparkstream:chat?stream=true")
                        .process(e -> {
                            SparkEventStream stream = e.getMessage().getBody(SparkEventStream.class);
                            streams.add(stream);
                            Iterator<String> it = stream;
                            e.getMessage().setBody(it.next() + it.next());
                        });
            }
        };
    }

    @Test
    void deltasReachTheRouteWhileTheServerIsStillSendingAndTheEndHeadersFollowTheSplit() {
        emulator().sparkstream().tokenDelay(Duration.ofMillis(50));

        Exchange out = send("direct:stream", QUESTION);

        assertThat(out.getException()).isNull();
        assertThat(deltas).hasSizeGreaterThan(3);
        assertThat(serverDoneAtDelta.get(0)).isFalse();
        assertThat(costKnownAtDelta).containsOnly(false);
        assertThat(calls().get(0).bodyJson().get("stream").asBoolean()).isTrue();
        // read to its end by the split: what the last chunk told is on the message now
        Message message = out.getMessage();
        assertThat(message.getHeader(SparkStreamConstants.FINISH_REASON)).isEqualTo("stop");
        assertThat(message.getHeader(SparkStreamConstants.RESPONSE_ID, String.class)).startsWith("chat-");
        assertThat(message.getHeader(SparkConstants.MODEL)).isEqualTo("spark-turbo");
        int total = message.getHeader(SparkConstants.TOTAL_TOKENS, Integer.class);
        assertThat(message.getHeader(SparkConstants.COMPLETION_TOKENS, Integer.class)).isEqualTo(deltas.size());
        assertThat(message.getHeader(SparkConstants.COST, BigDecimal.class))
                .isEqualByComparingTo(new BigDecimal("0.0000006").multiply(BigDecimal.valueOf(total)));
        assertThat(message.getHeader(SparkConstants.RATE_LIMIT_REMAINING, Long.class)).isEqualTo(29L);
    }

    @Test
    void aJoinedStreamHasTheTextTokensAndCostOfAPlainCall() {
        Exchange streamed = send("direct:whole", QUESTION);
        Exchange plain = send("direct:plain", QUESTION);

        assertThat(streamed.getException()).isNull();
        assertThat(streamed.getMessage().getBody(String.class)).isNotBlank()
                .isEqualTo(plain.getMessage().getBody(String.class));
        for (String header : List.of(SparkConstants.PROMPT_TOKENS, SparkConstants.COMPLETION_TOKENS,
                SparkConstants.TOTAL_TOKENS, SparkConstants.COST, SparkStreamConstants.FINISH_REASON,
                SparkConstants.MODEL)) {
            assertThat(streamed.getMessage().getHeader(header)).as(header).isNotNull()
                    .isEqualTo(plain.getMessage().getHeader(header));
        }
    }

    @Test
    void theBodyIsAClosableIteratorClosedWhenTheExchangeEnds() {
        Exchange out = send("sparkstream:chat?stream=true", "Hello!");

        Object body = out.getMessage().getBody();
        assertThat(body).isInstanceOf(Iterator.class).isInstanceOf(AutoCloseable.class);
        assertThat(((SparkEventStream) body).isClosed()).isTrue();
        // never read: nothing the end would have told
        assertThat(out.getMessage().getHeader(SparkConstants.COST)).isNull();
    }

    @Test
    void aStreamCutShortFailsTheExchange() {
        emulator().faults().add(Fault.cutStreamAfter(3).on(Provider.SPARKSTREAM).times(1));

        Exchange out = send("direct:whole", QUESTION);

        assertThat(out.getException(SparkStreamException.class)).isNotNull().hasMessageContaining("[DONE]");
        assertThat(category(out)).isEqualTo("SERVER_ERROR");
        assertThat(out.getMessage().getHeader(SparkConstants.COST)).isNull();
    }

    @Test
    void aStreamCutShortIsAcceptedWhenLenientWithoutTheCostItNeverTold() {
        emulator().faults().add(Fault.cutStreamAfter(3).on(Provider.SPARKSTREAM).times(1));

        Exchange out = send("direct:lenient", QUESTION);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isNotEmpty();
        assertThat(out.getMessage().getHeader(SparkStreamConstants.RESPONSE_ID, String.class)).startsWith("chat-");
        assertThat(out.getMessage().getHeader(SparkStreamConstants.FINISH_REASON)).isNull();
        assertThat(out.getMessage().getHeader(SparkConstants.COST)).isNull();
    }

    @Test
    void aStalledStreamFailsAfterStreamIdleTimeout() {
        emulator().faults().add(Fault.stallStreamAfter(2).on(Provider.SPARKSTREAM).times(1));

        Exchange out = send("direct:impatient", QUESTION);

        assertThat(out.getException(SparkStreamException.class)).isNotNull().hasMessageContaining("stalled");
        assertThat(category(out)).isEqualTo("SERVER_ERROR");
    }

    @Test
    void aRouteThatStopsReadingEarlyReleasesTheConnectionWhenTheExchangeEnds() {
        emulator().sparkstream().tokenDelay(Duration.ofMillis(100));

        Exchange out = send("direct:firstTwo", QUESTION);

        assertThat(out.getException()).isNull();
        assertThat(streams.get(0).isClosed()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> calls().get(0).completed());
        assertThat(streams.get(0).getDeltaCount()).isEqualTo(2);
    }

    @Test
    void aRateLimitBeforeTheStreamFailsTheExchange() {
        emulator().faults().add(Fault.respond(429).header("Retry-After", "120").on(Provider.SPARKSTREAM).times(1));

        Exchange out = send("direct:whole", QUESTION);

        assertThat(out.getException()).isInstanceOf(SparkRateLimitException.class);
        assertThat(category(out)).isEqualTo("RATE_LIMIT");
        assertThat(calls()).hasSize(1);
        RecordedRequest call = calls().get(0);
        assertThat(call.status()).isEqualTo(429);
    }
}
