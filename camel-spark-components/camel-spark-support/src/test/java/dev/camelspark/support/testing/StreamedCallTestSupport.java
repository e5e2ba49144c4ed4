package dev.camelspark.support.testing;

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

/**
 * What every streaming operation ({@code stream=true}) must do, against the emulator: deltas reach the route while
 * the server still sends, the joined stream equals a plain call, the body is a closable iterator closed with the
 * exchange, a stream cut short fails (unless lenient), a stalled one fails after {@code streamIdleTimeout}. A
 * component's test names its call and adds what its provider tells besides (tokens, cost, headers) in the hooks.
 */
public abstract class StreamedCallTestSupport extends EmulatedComponentTestSupport {

    /** Whether the emulator had finished sending when each delta reached the route. */
    protected final List<Boolean> serverDoneAtDelta = new CopyOnWriteArrayList<>();
    protected final List<String> deltas = new CopyOnWriteArrayList<>();

    private final Provider provider;
    private final String plainUri;
    private final String streamUri;
    private final String question;

    /** {@code plainUri}: the call without streaming, e.g. {@code sparkgpt:chat?modelId=2}. */
    protected StreamedCallTestSupport(Provider provider, String key, String plainUri, String question) {
        super(provider, key);
        this.provider = provider;
        this.plainUri = plainUri;
        this.streamUri = plainUri + (plainUri.contains("?") ? "&" : "?") + "stream=true";
        this.question = question;
    }

    /** The streamed call the emulator received first. */
    protected abstract RecordedRequest streamCall();

    /** The streamed call's URI, with more options, e.g. {@code lenientStream=true}. */
    protected String streamUri(String options) {
        return options.isEmpty() ? streamUri : streamUri + "&" + options;
    }

    protected String question() {
        return question;
    }

    /** After how many events the emulator cuts a stream short, and stalls one. */
    protected int cutAfter() {
        return 3;
    }

    protected int stallAfter() {
        return 2;
    }

    /** Called for each delta on direct:stream, to note what the message held at that moment. */
    protected void onDelta(Exchange delta) {
    }

    /** A component's own routes, besides direct:stream, direct:whole, direct:plain, direct:lenient, direct:impatient. */
    protected void moreRoutes(RouteBuilder routes) {
    }

    /** What the provider tells besides, checked on a stream read to its end while the server was slow. */
    protected void alsoWhenStreamed(Exchange out) {
    }

    protected void alsoWhenJoined(Exchange streamed, Exchange plain) {
    }

    protected void alsoWhenNeverRead(Exchange out) {
    }

    protected void alsoWhenCutShort(Exchange out) {
    }

    protected void alsoWhenLenientlyCutShort(Exchange out) {
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").to(streamUri)
                        .split(body()).streaming()
                            .process(e -> {
                                deltas.add(e.getMessage().getBody(String.class));
                                serverDoneAtDelta.add(streamCall().completed());
                                onDelta(e);
                            })
                        .end();
                from("direct:whole").to(streamUri).convertBodyTo(String.class);
                from("direct:plain").to(plainUri);
                from("direct:lenient").to(streamUri("lenientStream=true")).convertBodyTo(String.class);
                from("direct:impatient").to(streamUri("streamIdleTimeout=500")).convertBodyTo(String.class);
                moreRoutes(this);
            }
        };
    }

    /** A route step that reads two deltas, then moves on without the rest; the streams it saw go to {@code streams}. */
    protected static void readTwoDeltas(Exchange e, List<SparkEventStream> streams) {
        SparkEventStream stream = e.getMessage().getBody(SparkEventStream.class);
        streams.add(stream);
        Iterator<String> it = stream;
        e.getMessage().setBody(it.next() + it.next());
    }

    @Test
    void deltasReachTheRouteWhileTheServerIsStillSending() {
        emulator().settings(provider).tokenDelay(Duration.ofMillis(50));

        Exchange out = send("direct:stream", question);

        assertThat(out.getException()).isNull();
        assertThat(deltas).hasSizeGreaterThan(3);
        // the first delta was processed before the emulator had sent the last one
        assertThat(serverDoneAtDelta.get(0)).isFalse();
        alsoWhenStreamed(out);
    }

    @Test
    void streamedDeltasJoinToTheSameTextAsAPlainCall() {
        Exchange streamed = send("direct:whole", question);
        Exchange plain = send("direct:plain", question);

        assertThat(streamed.getException()).isNull();
        assertThat(streamed.getMessage().getBody(String.class)).isNotBlank()
                .isEqualTo(plain.getMessage().getBody(String.class));
        alsoWhenJoined(streamed, plain);
    }

    @Test
    void theBodyIsAClosableIteratorClosedWhenTheExchangeEnds() {
        Exchange out = send(streamUri, question);

        Object body = out.getMessage().getBody();
        assertThat(body).isInstanceOf(Iterator.class).isInstanceOf(AutoCloseable.class);
        // the exchange completed, so the stream was closed and its connection released
        assertThat(((SparkEventStream) body).isClosed()).isTrue();
        alsoWhenNeverRead(out);
    }

    @Test
    void aStreamCutShortFailsTheExchange() {
        emulator().faults().add(Fault.cutStreamAfter(cutAfter()).on(provider).times(1));

        Exchange out = send("direct:whole", question);

        // the failure surfaces in convertBodyTo, which wraps it; Camel's onException matching finds it in the chain
        assertThat(out.getException(SparkStreamException.class)).isNotNull().hasMessageContaining("[DONE]");
        assertThat(category(out)).isEqualTo("SERVER_ERROR");
        alsoWhenCutShort(out);
    }

    @Test
    void aStreamCutShortIsAcceptedWhenLenient() {
        emulator().faults().add(Fault.cutStreamAfter(cutAfter()).on(provider).times(1));

        Exchange out = send("direct:lenient", question);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isNotEmpty();
        alsoWhenLenientlyCutShort(out);
    }

    @Test
    void aStalledStreamFailsAfterStreamIdleTimeout() {
        emulator().faults().add(Fault.stallStreamAfter(stallAfter()).on(provider).times(1));

        Exchange out = send("direct:impatient", question);

        assertThat(out.getException(SparkStreamException.class)).isNotNull().hasMessageContaining("stalled");
        assertThat(category(out)).isEqualTo("SERVER_ERROR");
    }
}
