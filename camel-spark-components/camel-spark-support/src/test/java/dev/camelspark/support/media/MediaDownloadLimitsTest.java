package dev.camelspark.support.media;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkTransportException;
import dev.camelspark.support.http.CallPolicy;
import dev.camelspark.support.testing.ClientFixture;
import dev.camelspark.support.testing.RawHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies that never end, or end too early, over real sockets: maxDownloadSize stops an endless body and drops the
 * connection, and neither leaves a file (whole or partial) in downloadDirectory.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MediaDownloadLimitsTest {

    private static final CallPolicy POLICY = new CallPolicy(0, Duration.ofSeconds(60), "key", 0, 0);
    private static final byte[] CHUNK = new byte[8_192];

    private final ClientFixture fx = ClientFixture.create();
    private final MediaDownloader downloader = new MediaDownloader(fx.client);
    private final CountDownLatch serverCut = new CountDownLatch(1);
    private RawHttpServer server;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        fx.close();
        if (server != null) {
            server.close();
        }
    }

    /** Sends media bytes until the client goes away. */
    private void endlessBody() {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.head(200, "Content-Type", "video/mp4", "Connection", "close");
            try {
                while (true) {
                    c.write(CHUNK);
                }
            } catch (IOException clientWentAway) {
                serverCut.countDown();
            }
        });
    }

    private DownloadRequest request(long maxSize, Path directory) {
        URI api = URI.create(server.url());
        return new DownloadRequest(URI.create(server.url() + "/media/clip.mp4"), api, Map.of("X-API-Key", "np_secret"),
                maxSize, 20_000, directory, "clip.mp4", Set.of(), Duration.ofSeconds(5), Duration.ofSeconds(5), null);
    }

    private Throwable failure(DownloadRequest request) throws Exception {
        try {
            downloader.download(request, POLICY).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return SparkApiException.unwrap(e.getCause());
        }
        throw new AssertionError("expected the download to fail");
    }

    private long filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "memory", "temp file", "downloadDirectory" })
    void anEndlessBodyStopsAtMaxDownloadSizeAndTheConnectionIsDropped(String where) throws Exception {
        endlessBody();
        long max = where.equals("memory") ? 15_000 : 100_000; // the temp file: past the in-memory limit of 20 000
        Throwable e = failure(request(max, where.equals("downloadDirectory") ? dir : null));

        assertThat(e).isInstanceOf(SparkApiException.class)
                .hasMessageContaining("larger than maxDownloadSize (" + max + " bytes");
        assertThat(serverCut.await(10, TimeUnit.SECONDS)).as("the client dropped the connection").isTrue();
        assertThat(fx.transport.leasedConnections()).isZero();
        assertThat(filesIn(dir)).as("nothing in downloadDirectory, not even a partial").isZero();
    }

    @Test
    void aBodyCutHalfwayLeavesNoFileAtTheDestination() throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.head(200, "Content-Type", "video/mp4", "Content-Length", "200000");
            for (int i = 0; i < 6; i++) {
                c.write(CHUNK);
            }
            c.reset();
        });
        Throwable e = failure(request(10_000_000, dir));

        assertThat(e).isInstanceOf(SparkTransportException.class).hasMessageContaining("media download of");
        assertThat(dir.resolve("clip.mp4")).doesNotExist();
        assertThat(filesIn(dir)).as("no partial left").isZero();
        assertThat(fx.transport.leasedConnections()).isZero();
    }
}
