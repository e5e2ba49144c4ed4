package dev.camelspark.support.http;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelspark.support.testing.ClientFixture;
import dev.camelspark.support.testing.HttpTestServer;
import dev.camelspark.support.testing.RawHttpServer;
import dev.camelspark.support.testing.ResourceCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.camelspark.support.testing.HttpTestServer.json;
import static dev.camelspark.support.testing.HttpTestServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A thousand exchanges of every kind that can leave something behind (streams closed after a few bytes, calls
 * cancelled by their deadline, answers nobody waits for any more, error statuses, connections reset) leave no
 * leased connection, and once the client is closed no thread nor file descriptor more than before it existed.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NoLeaksTest {

    private static final int EXCHANGES = 1_000;
    private static final int AT_ONCE = 25;
    private static final CallPolicy NO_RETRIES = CallPolicy.noRetries("key");
    /** One call at a time for this key: the others wait for the slot, and are cancelled while they wait. */
    private static final CallPolicy ONE_AT_A_TIME = new CallPolicy(0, Duration.ofSeconds(60), "one-at-a-time", 0, 1);
    private static final byte[] LONG_STREAM;

    static {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("data: {\"delta\":\"").append(i).append("\"}\n\n");
        }
        LONG_STREAM = sb.toString().getBytes(StandardCharsets.UTF_8); // ~500 kB: more than the sockets buffer
    }

    private HttpTestServer server;
    private RawHttpServer resetting;
    private ClientFixture fx;

    @AfterEach
    void tearDown() {
        closeAll();
    }

    private void closeAll() {
        if (fx != null) {
            fx.close();
            fx = null;
        }
        if (resetting != null) {
            resetting.close();
            server.close();
            resetting = null;
        }
    }

    /**
     * The servers run in this JVM: their sockets count too (and the JDK's HttpServer may hold on to a socket the
     * client reset until it stops), so each run starts its own servers and the counts are compared once they stopped.
     */
    private void startServers() {
        server = new HttpTestServer();
        resetting = new RawHttpServer(c -> {
            c.readRequest();
            c.reset();
        });
        server.on("/ok", json("{\"response\":\"hi\"}"));
        server.on("/fail", status(500, "{\"error\":\"boom\"}"));
        server.on("/slow", exchange -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            HttpTestServer.respond(exchange, 200, "{\"late\":true}", "Content-Type", "application/json");
        });
        server.on("/stream", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(LONG_STREAM);
            } catch (java.io.IOException cut) {
                // the client closed the stream early: what this test is about
            }
        });
    }

    @Test
    void aThousandEarlyClosedCancelledAndFailedExchangesLeaveNothingBehind() throws Exception {
        // a first client makes one exchange of each kind: the classes it needs are loaded (their jars opened) before
        // the baseline is taken
        startServers();
        fx = ClientFixture.create();
        for (int n = 0; n < 6; n++) {
            exchange(n).handle((v, e) -> null).get(10, TimeUnit.SECONDS);
        }
        closeAll();
        long fdsBefore = ResourceCounts.openFileDescriptors();
        List<String> fdTargetsBefore = ResourceCounts.openFileDescriptorTargets();
        long threadsBefore = ResourceCounts.threads();
        startServers();
        fx = ClientFixture.create();

        AtomicInteger outcomes = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(AT_ONCE); // the routes' threads
        try {
            for (int batch = 0; batch < EXCHANGES / AT_ONCE; batch++) {
                List<CompletableFuture<?>> running = new ArrayList<>();
                for (int i = 0; i < AT_ONCE; i++) {
                    int n = batch * AT_ONCE + i;
                    running.add(CompletableFuture.supplyAsync(() -> exchange(n), callers).thenCompose(f -> f)
                            .handle((v, e) -> outcomes.incrementAndGet()));
                }
                CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
            assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(outcomes).hasValue(EXCHANGES);

        // answers nobody waited for come in later, and are closed then
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(fx.transport.leasedConnections()).as("leased connections").isZero());
        assertThat(fx.transport.pendingDeadlines()).as("deadline timers").isZero();
        // idle pooled connections are kept, at most one per pool slot (two descriptors each: our end and the server's)
        assertThat(ResourceCounts.openFileDescriptors()).isLessThanOrEqualTo(fdsBefore + 2L * fx.transport.maxConnections() + 5);

        closeAll();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ResourceCounts.openFileDescriptors()).as("file descriptors; sockets before " + sockets(fdTargetsBefore) + " after "
                    + sockets(ResourceCounts.openFileDescriptorTargets())).isLessThanOrEqualTo(fdsBefore);
            assertThat(ResourceCounts.threads()).as("threads " + ResourceCounts.countedThreadNames())
                    .isLessThanOrEqualTo(threadsBefore);
        });
    }

    private static List<String> sockets(List<String> fds) {
        return fds.stream().filter(fd -> fd.startsWith("socket:")).toList();
    }

    /** One exchange of kind {@code n % 6}; its future completes either way. */
    private CompletableFuture<?> exchange(int n) {
        return switch (n % 6) {
            case 0 -> fx.client.call(SparkRequest.get(server.url(), "/ok").build(), NO_RETRIES);
            case 1 -> fx.client.call(SparkRequest.get(server.url(), "/fail").build(), NO_RETRIES);
            case 2 -> fx.client.open(SparkRequest.get(server.url(), "/stream").kind(CallKind.CHAT).build(), NO_RETRIES)
                    .thenAccept(response -> {
                        // a route that reads a few deltas, then stops
                        try (response; InputStream in = response.body()) {
                            assertThat(in.readNBytes(100)).hasSize(100);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            case 3 -> fx.client.call(SparkRequest.get(server.url(), "/slow").deadline(Duration.ofMillis(50)).build(),
                    NO_RETRIES);
            case 4 -> {
                // the caller gives up while its call waits for a slot: it is never sent, and its slot is passed on
                CompletableFuture<SparkOpenResponse> open = fx.client.open(SparkRequest.get(server.url(), "/slow").build(),
                        ONE_AT_A_TIME);
                if (open.cancel(true)) {
                    yield open;
                }
                open.join().close(); // it had the slot and ran: a response read by nobody
                yield open;
            }
            default -> fx.client.call(SparkRequest.get(resetting.url(), "/reset").build(), NO_RETRIES);
        };
    }
}
