package dev.camelspark.support.sse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.camelspark.support.error.SparkStreamException;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.CallPolicy;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.testing.ClientFixture;
import dev.camelspark.support.testing.RawHttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.camelspark.support.testing.RawHttpServer.deltaEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streamed body inside routes: joined by the type converter, split delta by delta, closed with the exchange. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SparkEventStreamRouteTest {

    private static final Duration LONG = Duration.ofSeconds(20);

    private final ClientFixture fx = ClientFixture.create();
    private final AtomicReference<SparkEventStream> opened = new AtomicReference<>();
    private final List<String> split = new CopyOnWriteArrayList<>();
    private final CountDownLatch serverSawClose = new CountDownLatch(1);
    private RawHttpServer server;
    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void setUp() throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:join").process(openStream()).convertBodyTo(String.class);
                from("direct:twice").process(openStream()).setHeader("first", body().convertToString())
                        .convertBodyTo(String.class);
                from("direct:split").process(openStream()).split(body()).streaming().process(e -> split.add(e.getMessage().getBody(String.class)));
                from("direct:ignore").process(openStream()).setHeader("seen", constant(true));
                from("direct:fail").process(openStream()).throwException(new IllegalStateException("route failed"));
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void tearDown() {
        context.stop();
        fx.close();
        if (server != null) {
            server.close();
        }
    }

    private Processor openStream() {
        return exchange -> {
            SparkRequest request = SparkRequest.post(server.url(), "/v1/chat").kind(CallKind.CHAT).readTimeout(LONG).build();
            SparkEventStream stream = new SparkEventStream("test",
                    fx.client.open(request, CallPolicy.noRetries("k")).get(10, TimeUnit.SECONDS), false, LONG)
                    .closeWhenDone(exchange);
            opened.set(stream);
            exchange.getMessage().setBody(stream);
        };
    }

    private void serveComplete() {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead().write(deltaEvent("Hello")).write(deltaEvent(", ")).write(deltaEvent("world"))
                    .write("data: [DONE]\n\n");
            c.awaitClientClose(LONG);
        });
    }

    private void serveEndless() {
        server = new RawHttpServer(c -> {
            c.readRequest();
            try {
                c.eventStreamHead().write(deltaEvent("first"));
            } catch (java.io.IOException closedAlready) {
                // the route did not read the body: it may close the stream before the first delta is written
                serverSawClose.countDown();
                return;
            }
            if (c.awaitClientClose(LONG)) {
                serverSawClose.countDown();
            }
        });
    }

    @Test
    void convertBodyToStringJoinsTheDeltas() {
        serveComplete();
        assertThat(template.requestBody("direct:join", "prompt", String.class)).isEqualTo("Hello, world");
    }

    @Test
    void theTypeConverterIsLoadedFromTheClasspath() {
        // without it Camel's toString() fallback would turn the body into "SparkEventStream[...]"
        assertThat(context.getTypeConverterRegistry().lookup(String.class, SparkEventStream.class)).isNotNull();
    }

    @Test
    void aTruncatedStreamFailsTheConversion() {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead().write(deltaEvent("cut"));
        });
        Exchange exchange = template.send("direct:join", e -> e.getMessage().setBody("prompt"));
        assertThat(exchange.getException()).isNotNull();
        assertThat(exchange.getException()).hasRootCauseInstanceOf(SparkStreamException.class);
    }

    @Test
    void aSecondReadReplaysTheAnswer() {
        serveComplete();
        Exchange exchange = template.send("direct:twice", e -> e.getMessage().setBody("prompt"));
        assertThat(exchange.getMessage().getHeader("first")).isEqualTo("Hello, world");
        assertThat(exchange.getMessage().getBody()).isEqualTo("Hello, world");
    }

    @Test
    void aSecondReadOfATruncatedStreamFailsAgainRatherThanGiveTheCutAnswer() {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead().write(deltaEvent("cut"));
        });
        Exchange exchange = template.send("direct:twice", e -> e.getMessage().setBody("prompt"));
        assertThat(exchange.getException()).hasRootCauseInstanceOf(SparkStreamException.class);
        assertThatThrownBy(() -> opened.get().readAll()).isInstanceOf(SparkStreamException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void splitStreamingDeliversDeltaByDelta() {
        serveComplete();
        template.sendBody("direct:split", "prompt");
        assertThat(split).containsExactly("Hello", ", ", "world");
    }

    @Test
    void anUnreadStreamIsClosedWhenTheExchangeCompletes() throws Exception {
        serveEndless();
        Exchange exchange = template.send("direct:ignore", e -> e.getMessage().setBody("prompt"));
        assertThat(exchange.getException()).isNull();
        assertThat(opened.get().isClosed()).isTrue();
        assertThat(serverSawClose.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anUnreadStreamIsClosedWhenTheExchangeFails() throws Exception {
        serveEndless();
        Exchange exchange = template.send("direct:fail", e -> e.getMessage().setBody("prompt"));
        assertThat(exchange.getException()).hasMessage("route failed");
        assertThat(opened.get().isClosed()).isTrue();
        assertThat(serverSawClose.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
