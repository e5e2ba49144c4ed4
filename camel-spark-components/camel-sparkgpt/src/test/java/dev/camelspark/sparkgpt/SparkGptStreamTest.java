package dev.camelspark.sparkgpt;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkAuthenticationException;
import dev.camelspark.support.sse.SparkEventStream;
import dev.camelspark.support.testing.StreamedCallTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** sparkgpt:chat?stream=true: the shared streaming checks, plus SparkGPT's own call, connection reuse and errors. */
class SparkGptStreamTest extends StreamedCallTestSupport {

    private static final String KEY = SparkGptTestSupport.KEY;
    private static final String QUESTION = "How do I deploy a Camel route to Kubernetes with zero downtime?";

    private final List<SparkEventStream> streams = new CopyOnWriteArrayList<>();

    SparkGptStreamTest() {
        super(Provider.SPARKGPT, KEY, "sparkgpt:chat?modelId=2", QUESTION);
    }

    @Override
    protected RecordedRequest streamCall() {
        return SparkGptTestSupport.calls("/api/askoutsideStream").get(0);
    }

    @Override
    protected void moreRoutes(RouteBuilder routes) {
        // reads two deltas, then the route moves on without the rest
        routes.from("direct:firstTwo").to(streamUri("")).process(e -> readTwoDeltas(e, streams));
        routes.from("direct:denied").to(streamUri("apiKey=invalid-key"));
    }

    @Override
    protected void alsoWhenStreamed(Exchange out) {
        assertThat(streamCall().bodyJson().get("stream").asBoolean()).isTrue();
        assertThat(streamCall().bodyJson().get("model_id").asInt()).isEqualTo(2);
        assertThat(streamCall().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(out.getMessage().getHeader(SparkConstants.MODEL)).isEqualTo("2");
        assertThat(out.getMessage().getHeader(SparkConstants.RATE_LIMIT_REMAINING, Long.class)).isEqualTo(999L);
    }

    @Test
    void aRouteThatStopsReadingEarlyReleasesTheConnectionWhenTheExchangeEnds() {
        emulator().sparkgpt().tokenDelay(Duration.ofMillis(100));

        Exchange out = send("direct:firstTwo", QUESTION);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isNotBlank();
        assertThat(streams.get(0).isClosed()).isTrue();
        // closed by the client long before the slow stream could have finished on its own
        await().atMost(Duration.ofSeconds(10)).until(() -> streamCall().completed());
        assertThat(streams.get(0).getDeltaCount()).isEqualTo(2);
    }

    @Test
    void streamsReadToDoneReuseOneConnection() {
        send("direct:whole", QUESTION); // the pool's first connection
        long before = emulator().connectionsOpened();

        for (int i = 0; i < 10; i++) {
            Exchange out = send("direct:whole", QUESTION + " " + i);
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getBody(String.class)).isNotBlank();
        }

        // before, every stream was aborted at [DONE]: ten answers, ten new connections
        assertThat(emulator().connectionsOpened() - before).as("connections opened by ten streamed chats").isZero();
    }

    @Test
    void aStreamLeftEarlyIsAbortedNotReused() {
        send("direct:whole", QUESTION);
        long before = emulator().connectionsOpened();

        for (int i = 0; i < 3; i++) {
            assertThat(send("direct:firstTwo", QUESTION).getException()).isNull();
        }

        // the rest of each answer is never read: its connection is dropped, and the next call needs a new one
        assertThat(emulator().connectionsOpened() - before).isBetween(2L, 3L);
    }

    @Test
    void anErrorBeforeTheStreamFailsTheExchange() {
        Exchange out = send("direct:denied", QUESTION);

        assertThat(out.getException()).isInstanceOf(SparkAuthenticationException.class);
        assertThat(category(out)).isEqualTo("AUTH");
    }

    @Test
    void aStreamedCallAnsweredWithJsonFailsWithWhatTheServiceSaid() {
        emulator().faults().add(Fault.respond(200, "{\"error\":\"streaming is disabled for this model\"}")
                .on(Provider.SPARKGPT).times(1));

        Exchange out = send("direct:whole", QUESTION);

        assertThat(out.getException()).hasMessageContaining("event stream")
                .hasMessageContaining("streaming is disabled for this model");
    }
}
