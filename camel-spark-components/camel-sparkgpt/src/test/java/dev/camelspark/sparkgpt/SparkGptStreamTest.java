package dev.camelspark.sparkgpt;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkAuthenticationException;
import dev.camelspark.support.error.SparkStreamException;
import dev.camelspark.support.sse.SparkEventStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SparkGptStreamTest extends SparkGptTestSupport {

    private static final String QUESTION = "How do I deploy a Camel route to Kubernetes with zero downtime?";

    /** Whether the emulator had finished sending when each delta reached the route. */
    private final List<Boolean> serverDoneAtDelta = new CopyOnWriteArrayList<>();
    private final List<String> deltas = new CopyOnWriteArrayList<>();
    private final List<SparkEventStream> streams = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").to("sparkgpt:chat?modelId=2&stream=true")
                        .split(body()).streaming()
                            .process(e -> {
                                deltas.add(e.getMessage().getBody(String.class));
                                serverDoneAtDelta.add(streamCall().completed());
                            })
                        .end();
                from("direct:whole").to("sparkgpt:chat?modelId=2&stream=true").convertBodyTo(String.class);
                from("direct:plain").to("sparkgpt:chat?modelId=2");
                from("direct:lenient").to("sparkgpt:chat?modelId=2&stream=true&lenientStream=true")
                        .convertBodyTo(String.class);
                from("direct:impatient").to("sparkgpt:chat?modelId=2&stream=true&streamIdleTimeout=500")
                        .convertBodyTo(String.class);
                // reads two deltas, then the route moves on without the rest
                from("direct:firstTwo").to("sparkgpt:chat?modelId=2&stream=true")
                        .process(e -> {
                            SparkEventStream stream = e.getMessage().getBody(SparkEventStream.class);
                            streams.add(stream);
                            Iterator<String> it = stream;
                            e.getMessage().setBody(it.next() + it.next());
                        });
                from("direct:denied").to("sparkgpt:chat?modelId=2&stream=true&apiKey=invalid-key");
            }
        };
    }

    private static RecordedRequest streamCall() {
        return calls("/api/askoutsideStream").get(0);
    }

    @Test
    void deltasReachTheRouteWhileTheServerIsStillSending() {
        emulator().sparkgpt().tokenDelay(Duration.ofMillis(50));

        Exchange out = send("direct:stream", QUESTION);

        assertThat(out.getException()).isNull();
        assertThat(deltas).hasSizeGreaterThan(3);
        // the first delta was processed before the emulator had sent the last one
        assertThat(serverDoneAtDelta.get(0)).isFalse();
        assertThat(streamCall().bodyJson().get("stream").asBoolean()).isTrue();
        assertThat(streamCall().bodyJson().get("model_id").asInt()).isEqualTo(2);
        assertThat(streamCall().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(out.getMessage().getHeader(SparkConstants.MODEL)).isEqualTo("2");
        assertThat(out.getMessage().getHeader(SparkConstants.RATE_LIMIT_REMAINING, Long.class)).isEqualTo(999L);
    }

    @Test
    void streamedDeltasJoinToTheSameTextAsAPlainCall() {
        String whole = send("direct:whole", QUESTION).getMessage().getBody(String.class);
        String plain = send("direct:plain", QUESTION).getMessage().getBody(String.class);

        assertThat(whole).isNotBlank().isEqualTo(plain);
    }

    @Test
    void theBodyIsAClosableIteratorClosedWhenTheExchangeEnds() {
        Exchange out = send("sparkgpt:chat?modelId=5&stream=true", "What is your favorite tea?");

        Object body = out.getMessage().getBody();
        assertThat(body).isInstanceOf(Iterator.class).isInstanceOf(AutoCloseable.class);
        assertThat(((SparkEventStream) body).isClosed()).isTrue();
    }

    @Test
    void aStreamCutShortFailsTheExchange() {
        emulator().faults().add(Fault.cutStreamAfter(3).on(Provider.SPARKGPT).times(1));

        Exchange out = send("direct:whole", QUESTION);

        assertThat(out.getException(SparkStreamException.class)).isNotNull().hasMessageContaining("[DONE]");
        assertThat(category(out)).isEqualTo("SERVER_ERROR");
    }

    @Test
    void aStreamCutShortIsAcceptedWhenLenient() {
        emulator().faults().add(Fault.cutStreamAfter(3).on(Provider.SPARKGPT).times(1));

        Exchange out = send("direct:lenient", QUESTION);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isNotEmpty();
    }

    @Test
    void aStalledStreamFailsAfterStreamIdleTimeout() {
        emulator().faults().add(Fault.stallStreamAfter(2).on(Provider.SPARKGPT).times(1));

        Exchange out = send("direct:impatient", QUESTION);

        assertThat(out.getException(SparkStreamException.class)).isNotNull().hasMessageContaining("stalled");
        assertThat(category(out)).isEqualTo("SERVER_ERROR");
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
