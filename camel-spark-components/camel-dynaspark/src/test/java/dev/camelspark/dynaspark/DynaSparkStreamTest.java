package dev.camelspark.dynaspark;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.error.SparkStreamException;
import dev.camelspark.support.sse.SparkEventStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DynaSparkStreamTest extends DynaSparkTestSupport {

    /** Whether the emulator had finished sending when each delta reached the route. */
    private final List<Boolean> serverDoneAtDelta = new CopyOnWriteArrayList<>();
    private final List<String> deltas = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").to("dynaspark:text?stream=true")
                        .split(body()).streaming()
                            .process(e -> {
                                deltas.add(e.getMessage().getBody(String.class));
                                serverDoneAtDelta.add(streamCall().completed());
                            })
                        .end();
                from("direct:whole").to("dynaspark:text?stream=true").convertBodyTo(String.class);
                from("direct:plain").to("dynaspark:text");
                from("direct:lenient").to("dynaspark:text?stream=true&lenientStream=true").convertBodyTo(String.class);
                from("direct:impatient").to("dynaspark:text?stream=true&streamIdleTimeout=500").convertBodyTo(String.class);
                from("direct:ignore").to("dynaspark:text?stream=true").setBody(constant("not read"));
            }
        };
    }

    private static RecordedRequest streamCall() {
        return calls("/generate_response").get(0);
    }

    @Test
    void deltasReachTheRouteWhileTheServerIsStillSending() {
        emulator().dynaspark().tokenDelay(Duration.ofMillis(50));

        Exchange out = send("direct:stream", "Tell me a story about a camel crossing the desert");

        assertThat(out.getException()).isNull();
        assertThat(deltas).hasSizeGreaterThan(3);
        // the first delta was processed before the emulator had sent the last one
        assertThat(serverDoneAtDelta.get(0)).isFalse();
        assertThat(streamCall().queryParam("stream")).isEqualTo("true");
    }

    @Test
    void streamedDeltasJoinToTheSameTextAsAPlainCall() {
        String whole = send("direct:whole", "Explain integration patterns").getMessage().getBody(String.class);
        String plain = send("direct:plain", "Explain integration patterns").getMessage().getBody(String.class);

        assertThat(whole).isNotBlank().isEqualTo(plain);
    }

    @Test
    void theBodyIsAClosableIteratorOfStrings() throws Exception {
        Exchange out = send("dynaspark:text?stream=true", "Hello there");

        Object body = out.getMessage().getBody();
        assertThat(body).isInstanceOf(Iterator.class).isInstanceOf(AutoCloseable.class);
        // the exchange completed, so the stream was closed and its connection released
        assertThat(((SparkEventStream) body).isClosed()).isTrue();
    }

    @Test
    void aStreamCutShortFailsTheExchange() {
        emulator().faults().add(Fault.cutStreamAfter(2).on(Provider.DYNASPARK).times(1));

        Exchange out = send("direct:whole", "Tell me a long story");

        // the failure surfaces in convertBodyTo, which wraps it; Camel's onException matching finds it in the chain
        assertThat(out.getException(SparkStreamException.class)).isNotNull().hasMessageContaining("[DONE]");
        assertThat(category(out)).isEqualTo("SERVER_ERROR");
    }

    @Test
    void aStreamCutShortIsAcceptedWhenLenient() {
        emulator().faults().add(Fault.cutStreamAfter(2).on(Provider.DYNASPARK).times(1));

        Exchange out = send("direct:lenient", "Tell me a long story");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isNotEmpty();
    }

    @Test
    void aStalledStreamFailsAfterStreamIdleTimeout() {
        emulator().faults().add(Fault.stallStreamAfter(1).on(Provider.DYNASPARK).times(1));

        Exchange out = send("direct:impatient", "Tell me a long story");

        assertThat(out.getException(SparkStreamException.class)).isNotNull().hasMessageContaining("stalled");
        assertThat(category(out)).isEqualTo("SERVER_ERROR");
    }

    @Test
    void aStreamTheRouteNeverReadsIsReleasedWhenTheExchangeEnds() {
        emulator().dynaspark().tokenDelay(Duration.ofMillis(100));

        Exchange out = send("direct:ignore", "Tell me a story about a camel crossing the desert");

        assertThat(out.getException()).isNull();
        // the connection was closed by the client long before the slow stream could have finished on its own
        await().atMost(Duration.ofSeconds(10)).until(() -> streamCall().completed());
    }
}
