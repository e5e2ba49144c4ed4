package dev.camelspark.support.media;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.http.CallPolicy;
import dev.camelspark.support.testing.ClientFixture;
import dev.camelspark.support.testing.HttpTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static dev.camelspark.support.testing.HttpTestServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Media downloads over real HTTP. The "API" is addressed as {@code localhost}, the "CDN" as {@code 127.0.0.1}: two
 * hosts, both loopback, so the API's own host passes the private-address check and the CDN needs allowing.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MediaDownloaderTest {

    private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer sk-media-secret", "X-API-Key", "np_secret");
    private static final CallPolicy POLICY = new CallPolicy(0, Duration.ofSeconds(60), "key", 0, 0);
    private static final byte[] PNG = bytes(3_000, 1);
    private static final byte[] BIG = bytes(200_000, 2);

    private final HttpTestServer api = new HttpTestServer();
    private final HttpTestServer cdn = new HttpTestServer();
    private final ClientFixture fx = ClientFixture.create();
    private final MediaDownloader downloader = new MediaDownloader(fx.client);

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        fx.close();
        api.close();
        cdn.close();
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static HttpTestServer.Handler media(byte[] body, String type) {
        return exchange -> HttpTestServer.respond(exchange, 200, body, "Content-Type", type);
    }

    /** Sends the body chunked: the client cannot know the size up front and has to count. */
    private static HttpTestServer.Handler mediaWithoutLength(byte[] body, String type) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < body.length; i += 8_192) {
                    out.write(body, i, Math.min(8_192, body.length - i));
                    out.flush();
                }
            }
        };
    }

    private URI apiBase() {
        return URI.create(api.localhostUrl() + "/api/v1");
    }

    private DownloadRequest request(String url, long maxSize, long inMemoryLimit, Path directory, String fileName,
                                    Set<String> allowed) {
        return new DownloadRequest(URI.create(url), apiBase(), AUTH, maxSize, inMemoryLimit, directory, fileName, allowed,
                Duration.ofSeconds(5), Duration.ofSeconds(10), null);
    }

    private DownloadRequest request(String url) {
        return request(url, 10_000_000, DownloadRequest.DEFAULT_IN_MEMORY_LIMIT, null, null, Set.of());
    }

    private DownloadedMedia download(DownloadRequest request) throws Exception {
        return downloader.download(request, POLICY).get(20, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return SparkApiException.unwrap(e.getCause());
        }
        throw new AssertionError("expected the download to fail");
    }

    private static List<Path> leftovers(Path directory, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    // --- where the bytes end up -------------------------------------------------------------------------------

    @Test
    void smallMediaIsKeptInMemory() throws Exception {
        api.on("/uploads/a.png", media(PNG, "image/png"));
        DownloadedMedia m = download(request(api.localhostUrl() + "/uploads/a.png"));
        assertThat(m.inMemory()).isTrue();
        assertThat(m.bytes()).isEqualTo(PNG);
        assertThat(m.file()).isNull();
        assertThat(m.size()).isEqualTo(PNG.length);
        assertThat(m.contentType()).isEqualTo("image/png");
        assertThat(m.source()).isEqualTo(URI.create(api.localhostUrl() + "/uploads/a.png"));
    }

    @Test
    void mediaAboveTheInMemoryLimitGoToATempFile() throws Exception {
        api.on("/v.mp4", mediaWithoutLength(BIG, "video/mp4"));
        DownloadedMedia m = download(request(api.localhostUrl() + "/v.mp4", 10_000_000, 50_000, null, null, Set.of()));
        try {
            assertThat(m.inMemory()).isFalse();
            assertThat(m.bytes()).isNull();
            assertThat(m.file()).exists().hasBinaryContent(BIG);
            assertThat(m.file().getFileName().toString()).startsWith("camel-spark-").endsWith(".mp4");
            assertThat(m.size()).isEqualTo(BIG.length);
        } finally {
            m.discard();
        }
        assertThat(m.file()).doesNotExist();
    }

    @Test
    void downloadDirectoryGetsTheFinalFileUnderASafeName() throws Exception {
        api.on("/uploads/3/images/cat.png", media(PNG, "image/png"));
        DownloadedMedia named = download(request(api.localhostUrl() + "/uploads/3/images/cat.png", 10_000_000, 1_000,
                dir, "../../etc/passwd", Set.of()));
        assertThat(named.file()).isEqualTo(dir.resolve("etc_passwd.png")).hasBinaryContent(PNG);
        assertThat(named.inMemory()).isFalse();

        DownloadedMedia fromUrl = download(request(api.localhostUrl() + "/uploads/3/images/cat.png", 10_000_000, 1_000,
                dir, null, Set.of()));
        assertThat(fromUrl.file()).isEqualTo(dir.resolve("cat.png")).hasBinaryContent(PNG);
        fromUrl.discard();
        assertThat(fromUrl.file()).as("a file in downloadDirectory is the result: never discarded").exists();

        try (Stream<Path> all = Files.list(dir)) {
            assertThat(all.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("etc_passwd.png", "cat.png");
        }
        assertThat(dir.getParent().resolve("etc")).doesNotExist();
    }

    @Test
    void downloadDirectoryIsCreatedAndAnExistingFileReplaced() throws Exception {
        api.on("/a.png", media(PNG, "image/png"));
        Path nested = dir.resolve("out/images");
        Files.createDirectories(nested);
        Files.write(nested.resolve("a.png"), new byte[] { 1, 2, 3 });
        DownloadedMedia m = download(request(api.localhostUrl() + "/a.png", 10_000_000, 1_000, nested, null, Set.of()));
        assertThat(m.file()).hasBinaryContent(PNG);
        assertThat(download(request(api.localhostUrl() + "/a.png", 10_000_000, 1_000, dir.resolve("fresh"), null, Set.of()))
                .file()).exists();
    }

    @Test
    void aReaderOfDownloadDirectoryNeverSeesHalfAFile() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        api.on("/v.mp4", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, BIG.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BIG, 0, BIG.length / 2);
                out.flush();
                release.await();
                out.write(BIG, BIG.length / 2, BIG.length - BIG.length / 2);
            }
        });
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<DownloadedMedia> running = caller.submit(() -> download(request(api.localhostUrl() + "/v.mp4",
                    10_000_000, 1_000, dir, "clip.mp4", Set.of())));
            // half the body is on disk, under a temporary name only
            await().atMost(Duration.ofSeconds(10)).until(() -> leftovers(dir, ".camel-spark-").stream()
                    .anyMatch(p -> p.toFile().length() >= BIG.length / 2));
            assertThat(dir.resolve("clip.mp4")).doesNotExist();

            release.countDown();
            assertThat(running.get(10, TimeUnit.SECONDS).file()).isEqualTo(dir.resolve("clip.mp4")).hasBinaryContent(BIG);
            assertThat(leftovers(dir, ".camel-spark-")).isEmpty();
        } finally {
            release.countDown();
            caller.shutdownNow();
        }
    }

    // --- maxDownloadSize ----------------------------------------------------------------------------------------

    @Test
    void aDeclaredLengthAboveMaxDownloadSizeIsRefused() throws Exception {
        api.on("/big.png", media(BIG, "image/png"));
        Throwable e = failure(downloader.download(request(api.localhostUrl() + "/big.png", 100_000, 10_000, dir, null,
                Set.of()), POLICY));
        assertThat(e).isInstanceOf(SparkApiException.class).hasMessageContaining("maxDownloadSize (100000 bytes")
                .hasMessageContaining("got at least 200000");
        assertThat(leftovers(dir, "")).isEmpty();
    }

    @Test
    void anUndeclaredLengthIsCountedInMemory() throws Exception {
        api.on("/big.png", mediaWithoutLength(BIG, "image/png"));
        Throwable e = failure(downloader.download(request(api.localhostUrl() + "/big.png", 100_000,
                DownloadRequest.DEFAULT_IN_MEMORY_LIMIT, null, null, Set.of()), POLICY));
        assertThat(e).hasMessageContaining("larger than maxDownloadSize (100000 bytes");
    }

    @Test
    void anUndeclaredLengthIsCountedInATempFileWhichIsThenRemoved() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = leftovers(tmp, "camel-spark-");
        api.on("/big.mp4", mediaWithoutLength(BIG, "video/mp4"));
        Throwable e = failure(downloader.download(request(api.localhostUrl() + "/big.mp4", 100_000, 10_000, null, null,
                Set.of()), POLICY));
        assertThat(e).hasMessageContaining("larger than maxDownloadSize");
        assertThat(leftovers(tmp, "camel-spark-")).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void anUndeclaredLengthIsCountedInDownloadDirectoryAndNothingIsLeft() throws Exception {
        api.on("/big.png", mediaWithoutLength(BIG, "image/png"));
        Throwable e = failure(downloader.download(request(api.localhostUrl() + "/big.png", 100_000, 10_000, dir, "x.png",
                Set.of()), POLICY));
        assertThat(e).hasMessageContaining("larger than maxDownloadSize");
        assertThat(leftovers(dir, "")).as("neither the file nor its partial").isEmpty();
    }

    @Test
    void exactlyMaxDownloadSizeIsFine() throws Exception {
        api.on("/a.png", mediaWithoutLength(PNG, "image/png"));
        DownloadedMedia m = download(request(api.localhostUrl() + "/a.png", PNG.length, 1_000, null, null, Set.of()));
        assertThat(m.size()).isEqualTo(PNG.length);
        assertThat(m.file()).hasBinaryContent(PNG);
        m.discard();
    }

    // --- where the key goes -------------------------------------------------------------------------------------

    @Test
    void theKeyGoesToTheApisOwnOrigin() throws Exception {
        api.on("/uploads/a.png", media(PNG, "image/png"));
        download(request(api.localhostUrl() + "/uploads/a.png"));
        assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer sk-media-secret");
        assertThat(api.lastRequest().header("X-API-Key")).isEqualTo("np_secret");
    }

    @Test
    void aRedirectFromTheApiToAnotherHostDoesNotCarryTheKey() throws Exception {
        api.on("/uploads/a.png", status(302, "", "Location", cdn.url() + "/signed/a.png?sig=1"));
        cdn.on("/signed/a.png", media(PNG, "image/png"));
        DownloadedMedia m = download(request(api.localhostUrl() + "/uploads/a.png", 10_000_000,
                DownloadRequest.DEFAULT_IN_MEMORY_LIMIT, null, null, Set.of("127.0.0.1")));
        assertThat(m.bytes()).isEqualTo(PNG);
        assertThat(m.source()).isEqualTo(URI.create(cdn.url() + "/signed/a.png?sig=1"));
        assertThat(api.lastRequest().header("Authorization")).as("first hop: the API").isNotNull();
        HttpTestServer.Recorded hop = cdn.lastRequest();
        assertThat(hop.header("Authorization")).isNull();
        assertThat(hop.header("X-API-Key")).isNull();
        assertThat(hop.query()).isEqualTo("sig=1");
    }

    @Test
    void aRedirectToTheSameHostOnAnotherPortDoesNotCarryTheKey() throws Exception {
        // the API's host is allowed although it is loopback, but another port is another origin
        api.on("/uploads/a.png", status(301, "", "Location", cdn.localhostUrl() + "/a.png"));
        cdn.on("/a.png", media(PNG, "image/png"));
        assertThat(download(request(api.localhostUrl() + "/uploads/a.png")).bytes()).isEqualTo(PNG);
        assertThat(cdn.lastRequest().header("Authorization")).isNull();
        assertThat(cdn.lastRequest().header("X-API-Key")).isNull();
    }

    @Test
    void aRelativeRedirectStaysOnTheOriginAndKeepsTheKey() throws Exception {
        api.on("/uploads/old.png", status(307, "", "Location", "/uploads/new.png"));
        api.on("/uploads/new.png", media(PNG, "image/png"));
        assertThat(download(request(api.localhostUrl() + "/uploads/old.png")).bytes()).isEqualTo(PNG);
        assertThat(api.requests()).hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer sk-media-secret"));
    }

    @Test
    void mediaOnAnAllowedCdnIsFetchedWithoutTheKey() throws Exception {
        cdn.on("/a.png", media(PNG, "image/png"));
        DownloadedMedia m = download(request(cdn.url() + "/a.png", 10_000_000, DownloadRequest.DEFAULT_IN_MEMORY_LIMIT,
                null, null, Set.of("127.0.0.1:" + cdn.port())));
        assertThat(m.bytes()).isEqualTo(PNG);
        assertThat(cdn.lastRequest().header("Authorization")).isNull();
    }

    // --- where downloads may not go -----------------------------------------------------------------------------

    @Test
    void aPrivateHostThatIsNeitherTheApiNorAllowedIsRefusedWithoutAConnection() throws Exception {
        // 127.0.0.2 is loopback too, but not an address of the API's host (localhost)
        String elsewhere = "http://127.0.0.2:" + cdn.port() + "/a.png";
        Throwable e = failure(downloader.download(request(elsewhere), POLICY));
        assertThat(e).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("media URL").hasMessageContaining(elsewhere)
                .hasMessageContaining("allowedDownloadHosts").hasMessageContaining("127.0.0.2");
    }

    @Test
    void theApisOwnHostUnderAnotherNameIsNotPrivateButGetsNoKey() throws Exception {
        // the API answers as localhost and hands out 127.0.0.1 URLs: the same machine, so allowed, but another origin
        api.on("/uploads/a.png", status(302, "", "Location", cdn.url() + "/a.png"));
        cdn.on("/a.png", media(PNG, "image/png"));
        DownloadedMedia m = downloader.download(request(api.localhostUrl() + "/uploads/a.png"), POLICY).get(10, TimeUnit.SECONDS);
        assertThat(m.bytes()).isEqualTo(PNG);
        assertThat(cdn.lastRequest().header("X-API-Key")).isNull();
    }

    @Test
    void aRedirectToAPrivateHostIsRefusedAtThatHop() throws Exception {
        api.on("/uploads/a.png", status(302, "", "Location", "http://127.0.0.2:" + cdn.port() + "/a.png"));
        Throwable e = failure(downloader.download(request(api.localhostUrl() + "/uploads/a.png"), POLICY));
        assertThat(e).isInstanceOf(SparkValidationException.class).hasMessageContaining("127.0.0.2");
        assertThat(api.hits("/uploads/a.png")).isEqualTo(1);
    }

    @Test
    void nonHttpSchemesAreRefusedAlsoAfterARedirect() throws Exception {
        assertThat(failure(downloader.download(request("file:///etc/passwd"), POLICY)))
                .isInstanceOf(SparkValidationException.class).hasMessageContaining("only http and https");
        assertThat(failure(downloader.download(request("ftp://localhost/a.png"), POLICY)))
                .isInstanceOf(SparkValidationException.class);

        api.on("/uploads/a.png", status(302, "", "Location", "file:///etc/passwd"));
        assertThat(failure(downloader.download(request(api.localhostUrl() + "/uploads/a.png"), POLICY)))
                .isInstanceOf(SparkValidationException.class).hasMessageContaining("file:///etc/passwd");
    }

    @Test
    void tooManyRedirectsFail() throws Exception {
        api.on("/loop", status(302, "", "Location", "/loop"));
        Throwable e = failure(downloader.download(request(api.localhostUrl() + "/loop"), POLICY));
        assertThat(e).isInstanceOf(SparkApiException.class).hasMessageContaining("redirected too often");
        assertThat(api.hits("/loop")).isEqualTo(6);
    }

    @Test
    void aRedirectWithoutLocationFails() throws Exception {
        api.on("/nowhere", status(302, ""));
        assertThat(failure(downloader.download(request(api.localhostUrl() + "/nowhere"), POLICY)))
                .hasMessageContaining("without a Location");
    }

    @Test
    void anExpiredUrlFailsWithTheStatus() throws Exception {
        cdn.on("/gone.png", status(404, "expired"));
        Throwable e = failure(downloader.download(request(cdn.url() + "/gone.png", 10_000_000, 1_000, null, null,
                Set.of("127.0.0.1")), POLICY));
        assertThat(e).isInstanceOf(SparkApiException.class);
        assertThat(((SparkApiException) e).getHttpStatus()).isEqualTo(404);
    }

    @Test
    void theMediaFileIsAFileInDownloadDirectory() throws Exception {
        api.on("/a.png", media(PNG, "image/png"));
        DownloadedMedia m = download(request(api.localhostUrl() + "/a.png", 10_000_000, 1_000, dir, null, Set.of()));
        assertThat(m.toBody(null)).isEqualTo(new File(dir.toFile(), "a.png"));
    }
}
