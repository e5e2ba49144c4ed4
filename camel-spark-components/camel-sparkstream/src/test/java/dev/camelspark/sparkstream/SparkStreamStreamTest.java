package dev.camelspark.sparkstream;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkRateLimitException;
import dev.camelspark.support.sse.SparkEventStream;
import dev.camelspark.support.testing.StreamedCallTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * sparkstream:chat?stream=true: the shared streaming checks, plus what SparkStream tells at the end of a stream
 * (finish reason, tokens, cost), and only once the stream was read to its end.
 */
class SparkStreamStreamTest extends StreamedCallTestSupport {

    private static final String QUESTION = "Tell me a story about a camel crossing the desert";

    /** Whether the cost header was already on the message when each delta reached the route. */
    private final List<Boolean> costKnownAtDelta = new CopyOnWriteArrayList<>();
    private final List<SparkEventStream> streams = new CopyOnWriteArrayList<>();

    SparkStreamStreamTest() {
        super(Provider.SPARKSTREAM, SparkStreamTestSupport.KEY, "sparkstream:chat?model=spark-turbo", QUESTION);
    }

    private static List<RecordedRequest> calls() {
        return SparkStreamTestSupport.calls();
    }

    @Override
    protected RecordedRequest streamCall() {
        return calls().get(0);
    }

    @Override
    protected void onDelta(Exchange delta) {
        costKnownAtDelta.add(delta.getMessage().getHeader(SparkConstants.COST) != null);
    }

    @Override
    protected void moreRoutes(RouteBuilder routes) {
        routes.from("direct:firstTwo").to("sparkstream:chat?stream=true").process(e -> readTwoDeltas(e, streams));
    }

    /** Read to its end by the split: what the last chunk told is on the message now, and was not before. */
    @Override
    protected void alsoWhenStreamed(Exchange out) {
        assertThat(costKnownAtDelta).containsOnly(false);
        assertThat(calls().get(0).bodyJson().get("stream").asBoolean()).isTrue();
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

    /** A joined stream has the tokens and cost of a plain call too. */
    @Override
    protected void alsoWhenJoined(Exchange streamed, Exchange plain) {
        for (String header : List.of(SparkConstants.PROMPT_TOKENS, SparkConstants.COMPLETION_TOKENS,
                SparkConstants.TOTAL_TOKENS, SparkConstants.COST, SparkStreamConstants.FINISH_REASON,
                SparkConstants.MODEL)) {
            assertThat(streamed.getMessage().getHeader(header)).as(header).isNotNull()
                    .isEqualTo(plain.getMessage().getHeader(header));
        }
    }

    /** Never read: nothing the end would have told. */
    @Override
    protected void alsoWhenNeverRead(Exchange out) {
        assertThat(out.getMessage().getHeader(SparkConstants.COST)).isNull();
    }

    @Override
    protected void alsoWhenCutShort(Exchange out) {
        assertThat(out.getMessage().getHeader(SparkConstants.COST)).isNull();
    }

    /** Accepted without the cost it never told. */
    @Override
    protected void alsoWhenLenientlyCutShort(Exchange out) {
        assertThat(out.getMessage().getHeader(SparkStreamConstants.RESPONSE_ID, String.class)).startsWith("chat-");
        assertThat(out.getMessage().getHeader(SparkStreamConstants.FINISH_REASON)).isNull();
        assertThat(out.getMessage().getHeader(SparkConstants.COST)).isNull();
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
