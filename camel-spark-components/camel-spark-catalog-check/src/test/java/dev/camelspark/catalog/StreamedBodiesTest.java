package dev.camelspark.catalog;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.emulator.Stub;
import dev.camelspark.support.sse.SparkEventStream;
import dev.camelspark.support.testing.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.debugger.DefaultBacklogDebugger;
import org.apache.camel.impl.engine.DefaultTracer;
import org.apache.camel.spi.BacklogDebugger;
import org.apache.camel.spi.BacklogTracer;
import org.apache.camel.spi.BacklogTracerEventMessage;
import org.apache.camel.spi.ExchangeFormatter;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A streamed answer ({@code sparkstream:chat?stream=true}, over real HTTP from the emulator) goes through what reads
 * a body on the side, Camel's log EIP, the {@code log:} component showing streams, tracing, the backlog tracer, the
 * message history of a failed exchange and the debugger, and the route still reads the whole answer afterwards, as
 * text or delta by delta. Tracing, the backlog tracer and the message history are on for every route here.
 */
class StreamedBodiesTest extends CamelTestSupport {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    private static final String ANSWER = "Camels store fat in their humps, not water, and can go a week without drinking.";
    private static final String CHAT = "sparkstream:chat?stream=true&apiKey=stream-key"
                                       + "&baseUrl={{spark.emulator.sparkstream.url}}";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setTracing(true);
        context.setBacklogTracing(true);
        context.setMessageHistory(true);
        context.setDebugging(true);
        // what camel.debug.enabled sets up in Camel Main, before the routes are built
        context.addService(DefaultBacklogDebugger.createDebugger(context));
        return context;
    }

    @BeforeEach
    void stubTheAnswer() {
        EMULATOR.stub(Stub.on(Provider.SPARKSTREAM, "chat").replyText(ANSWER));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:log-eip").to(CHAT).log(LoggingLevel.WARN, "streamed", "answer: ${body}")
                        .convertBodyTo(String.class);
                from("direct:log-component").to(CHAT).to("log:streamed?level=WARN&showAll=true&showStreams=true")
                        .convertBodyTo(String.class);
                from("direct:log-then-split").to(CHAT).log(LoggingLevel.WARN, "streamed", "answer: ${body}")
                        .split(body()).streaming().aggregationStrategy((old, next) -> {
                            if (old == null) {
                                return next;
                            }
                            old.getMessage().setBody(old.getMessage().getBody(String.class)
                                                     + next.getMessage().getBody(String.class));
                            return old;
                        }).to("log:streamed?level=WARN").end()
                        .setHeader("joined", body());
                from("direct:fail").errorHandler(defaultErrorHandler().logExhaustedMessageHistory(true)
                        .logExhaustedMessageBody(true)).to(CHAT).throwException(new IllegalStateException("after the answer"));
                from("direct:debugged").to(CHAT).id("chat").to("log:streamed?level=WARN").id("logged")
                        .convertBodyTo(String.class);
            }
        };
    }

    private Exchange send(String uri) {
        return template.request(uri, e -> e.getMessage().setBody("Why do camels have humps?"));
    }

    @Test
    void theLogEipDoesNotEmptyTheStream() {
        try (LogCapture log = LogCapture.debug("streamed")) {
            Exchange out = send("direct:log-eip");

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getBody(String.class)).isEqualTo(ANSWER);
            assertThat(log.all()).contains("answer: " + ANSWER);
        }
    }

    @Test
    void theLogComponentShowingStreamsDoesNotEmptyTheStream() {
        try (LogCapture log = LogCapture.debug("streamed")) {
            Exchange out = send("direct:log-component");

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getBody(String.class)).isEqualTo(ANSWER);
            assertThat(log.all()).contains(ANSWER);
        }
    }

    @Test
    void aSplitAfterTheLogStillGetsEveryDelta() {
        Exchange out = send("direct:log-then-split");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("joined", String.class)).isEqualTo(ANSWER);
    }

    @Test
    void tracingAndTheBacklogTracerDoNotEmptyTheStream() {
        BacklogTracer backlog = context.getCamelContextExtension().getContextPlugin(BacklogTracer.class);
        backlog.setBodyIncludeStreams(true);
        backlog.clear();
        // what the tracer formats is what it logs (to a logger named after the route's source line)
        DefaultTracer tracer = (DefaultTracer) context.getTracer();
        ExchangeFormatter formatter = tracer.getExchangeFormatter();
        List<String> traced = new CopyOnWriteArrayList<>();
        tracer.setExchangeFormatter(exchange -> {
            String text = formatter.format(exchange);
            traced.add(text);
            return text;
        });
        try {
            Exchange out = send("direct:log-component");

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getBody(String.class)).isEqualTo(ANSWER);
            assertThat(String.join("\n", traced)).contains("BodyType: " + SparkEventStream.class.getName() + ", Body: " + ANSWER);
        } finally {
            tracer.setExchangeFormatter(formatter);
        }
        assertThat(backlog.dumpAllTracedMessagesAsJSon()).contains(ANSWER);
    }

    @Test
    void theMessageHistoryOfAFailedExchangeShowsTheAnswerAndKeepsIt() {
        try (LogCapture errors = LogCapture.debug("org.apache.camel.processor.errorhandler")) {
            Exchange out = send("direct:fail");

            assertThat(out.getException()).hasMessage("after the answer");
            assertThat(errors.all()).contains("Message History").contains(ANSWER);
            // the stream was closed with the exchange; what the history read is still the body
            assertThat(out.getMessage().getBody(String.class)).isEqualTo(ANSWER);
        }
    }

    @Test
    void theDebuggerShowsTheAnswerAtABreakpointAndTheRouteStillReadsIt() throws Exception {
        BacklogDebugger debugger = DefaultBacklogDebugger.getBacklogDebugger(context);
        assertThat(debugger).as("the backlog debugger of a context with debugging on").isNotNull();
        debugger.setBodyIncludeStreams(true);
        debugger.enableDebugger();
        debugger.addBreakpoint("logged");
        try {
            CompletableFuture<Exchange> sent = CompletableFuture.supplyAsync(() -> send("direct:debugged"));
            BacklogTracerEventMessage suspended = await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> debugger.getSuspendedBreakpointMessage("logged"), Objects::nonNull);

            assertThat(suspended.getMessageAsJSon()).contains(ANSWER);
            debugger.resumeBreakpoint("logged");
            Exchange out = sent.get(10, TimeUnit.SECONDS);

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getBody(String.class)).isEqualTo(ANSWER);
        } finally {
            debugger.removeAllBreakpoints();
            debugger.disableDebugger();
        }
    }
}
