package dev.camelspark.support.sse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.camelspark.support.error.AiErrorCategory;
import dev.camelspark.support.error.SparkStreamException;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.CallPolicy;
import dev.camelspark.support.http.SparkOpenResponse;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.testing.ClientFixture;
import dev.camelspark.support.testing.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.camelspark.support.testing.RawHttpServer.deltaEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streamed body over real HTTP: delivered as bytes arrive, failing loudly, and never leaking a connection. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SparkEventStreamTest {

    private static final Duration LONG = Duration.ofSeconds(20);

    private final ClientFixture fx = ClientFixture.create();
    private RawHttpServer server;

    @AfterEach
    void tearDown() {
        fx.close();
        if (server != null) {
            server.close();
        }
    }

    private SparkEventStream open(boolean lenient, Duration idle) throws Exception {
        return open(lenient, idle, CallPolicy.noRetries("k"));
    }

    private SparkEventStream open(boolean lenient, Duration idle, CallPolicy policy) throws Exception {
        SparkOpenResponse response = fx.client.open(request(idle), policy).get(10, TimeUnit.SECONDS);
        return new SparkEventStream("test", response, lenient, idle);
    }

    private SparkRequest request(Duration idle) {
        return SparkRequest.post(server.url(), "/v1/chat").kind(CallKind.CHAT).readTimeout(idle)
                .json(Map.of("stream", true)).build();
    }

    private static List<String> drain(SparkEventStream stream, List<String> into) {
        while (stream.hasNext()) {
            into.add(stream.next());
        }
        return into;
    }

    @Test
    void eachDeltaIsDeliveredWhileTheServerStillHoldsTheRest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead()
                    .write("data: {\"id\":\"chat-7\",\"model\":\"spark-1\",\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n")
                    .write(deltaEvent("Hel"));
            release.await();
            c.write(deltaEvent("lo"))
                    .write("data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"total_tokens\":9}}\n\n")
                    .write("data: [DONE]\n\n");
            c.awaitClientClose(LONG);
        });
        SparkEventStream stream = open(false, LONG);

        // the server cannot send "lo" before the latch opens, so getting "Hel" here proves nothing waits for the body
        assertThat(stream.next()).isEqualTo("Hel");
        assertThat(release.getCount()).isEqualTo(1);
        assertThat(stream.getId()).isEqualTo("chat-7");
        assertThat(stream.isClosed()).isFalse();

        release.countDown();
        // the whole answer, also the delta the iterator already handed out: a log of ${body} never cuts it
        assertThat(stream.readAll()).isEqualTo("Hello");
        assertThat(stream.hasNext()).as("the iterator goes on where it was").isTrue();
        assertThat(stream.next()).isEqualTo("lo");
        assertThat(stream.isCompleted()).isTrue();
        assertThat(stream.getFinishReason()).isEqualTo("stop");
        assertThat(stream.getModel()).isEqualTo("spark-1");
        assertThat(stream.getUsage().get("total_tokens").asInt()).isEqualTo(9);
        assertThat(stream.getDeltaCount()).isEqualTo(2);
        assertThat(stream.isClosed()).as("closed once [DONE] arrived").isTrue();
        assertThat(stream.toString()).contains("2 deltas").doesNotContain("Hel");
    }

    @Test
    void aCharacterSplitBetweenTwoWritesArrivesWhole() throws Exception {
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
        CountDownLatch release = new CountDownLatch(1);
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead().write(deltaEvent("a"))
                    .write("data: {\"choices\":[{\"delta\":{\"content\":\"x".getBytes(StandardCharsets.UTF_8))
                    .write(new byte[] { emoji[0], emoji[1] });
            release.await();
            c.write(new byte[] { emoji[2], emoji[3] }).write("y\"}}]}\n\ndata: [DONE]\n\n");
            c.awaitClientClose(LONG);
        });
        SparkEventStream stream = open(false, LONG);
        assertThat(stream.next()).isEqualTo("a");
        release.countDown();
        assertThat(stream.readAll()).isEqualTo("ax😀y");
    }

    @Test
    void commentsRoleOnlyAndFinishOnlyChunksAreSkipped() throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead()
                    .write(": heartbeat\n\n")
                    .write("data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n")
                    .write("id: 1\nretry: 10\n" + deltaEvent("one "))
                    .write("data:{\"choices\":[{\"message\":{\"content\":\"two \"}}]}\n\n")
                    .write("data: three\n\n")
                    .write("data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}]}\n\n")
                    .write("data: [DONE]\n\n");
            c.awaitClientClose(LONG);
        });
        SparkEventStream stream = open(false, LONG);
        assertThat(drain(stream, new ArrayList<>())).containsExactly("one ", "two ", "three");
        assertThat(stream.getFinishReason()).isEqualTo("length");
    }

    @Test
    void doneEndsTheStreamAlthoughTheServerKeepsTheConnectionOpen() throws Exception {
        CountDownLatch serverSawClose = new CountDownLatch(1);
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.head(200, "Content-Type", "text/event-stream", "Transfer-Encoding", "chunked");
            c.write(chunk(deltaEvent("only"))).write(chunk("data: [DONE]\n\n"));
            if (c.awaitClientClose(LONG)) {
                serverSawClose.countDown();
            }
        });
        SparkEventStream stream = open(false, LONG);
        assertThat(stream.readAll()).isEqualTo("only");
        assertThat(stream.isCompleted()).isTrue();
        assertThat(serverSawClose.await(10, TimeUnit.SECONDS)).as("connection given up after [DONE]").isTrue();
    }

    @Test
    void aSecondReadOfAnAnswerTooLongToKeepFailsSayingWhatToDo() throws Exception {
        String half = "x".repeat(SparkEventStream.REPLAY_LIMIT / 2 + 1);
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead().write(deltaEvent(half)).write(deltaEvent(half)).write("data: [DONE]\n\n");
            c.awaitClientClose(LONG);
        });
        SparkEventStream stream = open(false, LONG);
        // the first read gets all of it, delta by delta as a split would (memory stays bounded), only a second fails
        assertThat(drain(stream, new ArrayList<>())).containsExactly(half, half);
        assertThatThrownBy(stream::readAll).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not kept for a second read")
                .hasMessageContaining("convertBodyTo(String.class) right after the producer");
    }

    @Test
    void anEndWithoutDoneFailsAsTruncated() throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead().write(deltaEvent("a")).write(deltaEvent("b"));
        });
        SparkEventStream stream = open(false, LONG);
        List<String> got = new ArrayList<>();
        assertThatThrownBy(() -> drain(stream, got))
                .isInstanceOf(SparkStreamException.class)
                .hasMessageContaining("without [DONE]")
                .hasMessageContaining("truncated");
        assertThat(got).containsExactly("a", "b");
        assertThat(stream.isCompleted()).isFalse();
        assertThat(stream.isClosed()).isTrue();
        assertThatThrownBy(stream::hasNext).as("a failed stream keeps failing, never ends as if whole")
                .isInstanceOf(SparkStreamException.class);
    }

    @Test
    void anEndWithoutDoneIsAcceptedWhenLenient() throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead().write(deltaEvent("a")).write(deltaEvent("b"));
        });
        SparkEventStream stream = open(true, LONG);
        assertThat(stream.readAll()).isEqualTo("ab");
        assertThat(stream.isCompleted()).isFalse();
        assertThat(stream.isClosed()).isTrue();
    }

    @Test
    void whenCompleteRunsOnceAtDoneWithWhatOnlyTheLastChunkTold() throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead().write(deltaEvent("a"))
                    .write("data: {\"id\":\"chat-1\",\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}],"
                           + "\"usage\":{\"total_tokens\":12}}\n\n")
                    .write("data: [DONE]\n\n");
            c.awaitClientClose(LONG);
        });
        SparkEventStream stream = open(false, LONG);
        List<String> seen = new ArrayList<>();
        stream.whenComplete(s -> seen.add(s.getFinishReason() + " " + s.getUsage().get("total_tokens") + " " + s.getId()));

        assertThat(stream.next()).isEqualTo("a");
        assertThat(seen).as("not before the end").isEmpty();
        assertThat(stream.hasNext()).isFalse();
        assertThat(stream.hasNext()).isFalse();
        assertThat(seen).containsExactly("length 12 chat-1");
    }

    @Test
    void whenCompleteRunsAtALenientEndButNeverForAFailedStream() throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead().write(deltaEvent("a")).write(deltaEvent("b"));
        });
        List<String> seen = new ArrayList<>();
        SparkEventStream lenient = open(true, LONG).whenComplete(s -> seen.add("lenient"));
        SparkEventStream strict = open(false, LONG).whenComplete(s -> seen.add("strict"));

        assertThat(lenient.readAll()).isEqualTo("ab");
        assertThatThrownBy(strict::readAll).isInstanceOf(SparkStreamException.class);
        assertThat(seen).containsExactly("lenient");
    }

    @Test
    void halfAnEventAtTheEndNeverBecomesContent() throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead().write(deltaEvent("a")).write("data: {\"choices\":[{\"delta\":{\"content\":\"b");
        });
        SparkEventStream strict = open(false, LONG);
        List<String> got = new ArrayList<>();
        assertThatThrownBy(() -> drain(strict, got)).isInstanceOf(SparkStreamException.class);
        assertThat(got).containsExactly("a");

        SparkEventStream lenient = open(true, LONG);
        assertThat(lenient.readAll()).isEqualTo("a");
    }

    @Test
    void aStreamThatSendsNothingForTheIdleTimeoutFailsAsStalled() throws Exception {
        CountDownLatch serverSawClose = new CountDownLatch(1);
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead().write(deltaEvent("partial"));
            if (c.awaitClientClose(LONG)) {
                serverSawClose.countDown();
            }
        });
        SparkEventStream stream = open(false, Duration.ofMillis(300));
        assertThat(stream.next()).isEqualTo("partial");
        assertThatThrownBy(stream::hasNext)
                .isInstanceOf(SparkStreamException.class)
                .hasMessageContaining("stalled")
                .hasMessageContaining("streamIdleTimeout")
                .satisfies(e -> assertThat(((SparkStreamException) e).getCategory()).isEqualTo(AiErrorCategory.SERVER_ERROR));
        assertThat(stream.isClosed()).isTrue();
        assertThat(serverSawClose.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anErrorPayloadFailsTheStream() throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead().write(deltaEvent("a"))
                    .write("data: {\"error\":{\"message\":\"model overloaded\",\"type\":\"server_error\"}}\n\n")
                    .write(deltaEvent("never")).write("data: [DONE]\n\n");
        });
        SparkEventStream stream = open(false, LONG);
        List<String> got = new ArrayList<>();
        assertThatThrownBy(() -> drain(stream, got))
                .isInstanceOf(SparkStreamException.class)
                .hasMessageContaining("model overloaded");
        assertThat(got).containsExactly("a");
        assertThat(stream.isClosed()).isTrue();
    }

    @Test
    void anEventNamedErrorFailsTheStream() throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead().write(deltaEvent("a"))
                    .write("event: error\ndata: upstream provider failed\n\n")
                    .write(deltaEvent("never")).write("data: [DONE]\n\n");
        });
        SparkEventStream stream = open(false, LONG);
        List<String> got = new ArrayList<>();
        assertThatThrownBy(() -> drain(stream, got))
                .isInstanceOf(SparkStreamException.class)
                .hasMessageContaining("upstream provider failed");
        assertThat(got).containsExactly("a");
    }

    @Test
    void closingEarlyReleasesTheConnectionAndTheConcurrencyPermit() throws Exception {
        CountDownLatch serverSawClose = new CountDownLatch(1);
        server = new RawHttpServer(c -> {
            RawHttpServer.Request request = c.readRequest();
            if (request.target().startsWith("/v1/chat")) {
                c.eventStreamHead().write(deltaEvent("first"));
                // an endless stream: only the client can end it
                if (c.awaitClientClose(LONG)) {
                    serverSawClose.countDown();
                }
            } else {
                c.respond(200, "{\"ok\":true}", "Content-Type", "application/json");
            }
        });
        CallPolicy onlyOne = new CallPolicy(0, Duration.ofSeconds(60), "key", 0, 1);
        SparkEventStream stream = open(false, LONG, onlyOne);
        assertThat(stream.next()).isEqualTo("first");

        // the stream holds the only permit: a second call queues and does not reach the server
        CompletableFuture<SparkResponse> queued = fx.client.call(
                SparkRequest.get(server.url(), "/other").build(), onlyOne);
        assertThat(queued).isNotDone();
        assertThat(server.requests()).isEqualTo(1);

        stream.close();

        assertThat(serverSawClose.await(10, TimeUnit.SECONDS)).as("server saw the connection closed").isTrue();
        assertThat(queued.get(10, TimeUnit.SECONDS).bodyAsString()).contains("ok");
        assertThat(server.requests()).isEqualTo(2);
        assertThat(stream.hasNext()).isFalse();
        stream.close(); // idempotent
    }

    @Test
    void closingFromAnotherThreadUnblocksAReaderWithoutAnError() throws Exception {
        CountDownLatch firstRead = new CountDownLatch(1);
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.eventStreamHead().write(deltaEvent("first"));
            c.awaitClientClose(LONG);
        });
        SparkEventStream stream = open(false, LONG);
        CompletableFuture<List<String>> reader = CompletableFuture.supplyAsync(() -> {
            List<String> got = new ArrayList<>();
            got.add(stream.next());
            firstRead.countDown();
            return drain(stream, got); // blocks until the close below
        });
        assertThat(firstRead.await(10, TimeUnit.SECONDS)).isTrue();
        stream.close();
        assertThat(reader.get(10, TimeUnit.SECONDS)).containsExactly("first");
    }

    private static byte[] chunk(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + data.length + 2];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(data, 0, all, head.length, data.length);
        all[all.length - 2] = '\r';
        all[all.length - 1] = '\n';
        return all;
    }
}
