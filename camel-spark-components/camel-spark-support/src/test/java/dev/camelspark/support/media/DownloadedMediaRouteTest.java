package dev.camelspark.support.media;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.camelspark.support.http.CallPolicy;
import dev.camelspark.support.testing.ClientFixture;
import dev.camelspark.support.testing.HttpTestServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Downloaded media as a message body: bytes when small, a temp-file stream when large, deleted with the exchange. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DownloadedMediaRouteTest {

    private static final byte[] SMALL = bytes(2_000);
    private static final byte[] LARGE = bytes(300_000);

    private final HttpTestServer api = new HttpTestServer();
    private final ClientFixture fx = ClientFixture.create();
    private final MediaDownloader downloader = new MediaDownloader(fx.client);
    private final AtomicReference<DownloadedMedia> downloaded = new AtomicReference<>();
    private final AtomicReference<Object> bodyInRoute = new AtomicReference<>();
    private final AtomicReference<Boolean> tappedFileExisted = new AtomicReference<>();
    private final CompletableFuture<byte[]> tapped = new CompletableFuture<>();
    private CamelContext context;
    private ProducerTemplate template;

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @BeforeEach
    void setUp() throws Exception {
        api.on("/small.png", e -> HttpTestServer.respond(e, 200, SMALL, "Content-Type", "image/png"));
        api.on("/large.mp4", e -> HttpTestServer.respond(e, 200, LARGE, "Content-Type", "video/mp4"));
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download").process(download()).convertBodyTo(byte[].class);
                from("direct:fail").process(download()).throwException(new IllegalStateException("after the download"));
                from("direct:tap").process(download()).wireTap("direct:late").convertBodyTo(byte[].class);
                from("direct:late").delay(300).convertBodyTo(byte[].class).process(e -> {
                    tappedFileExisted.set(Files.exists(downloaded.get().file()));
                    tapped.complete(e.getMessage().getBody(byte[].class));
                });
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void tearDown() {
        context.stop();
        fx.close();
        api.close();
    }

    private Processor download() {
        return exchange -> {
            String url = api.localhostUrl() + exchange.getMessage().getBody(String.class);
            DownloadRequest request = new DownloadRequest(URI.create(url), URI.create(api.localhostUrl()), Map.of(),
                    10_000_000, 100_000, null, null, Set.of(), Duration.ofSeconds(5), Duration.ofSeconds(10), null);
            DownloadedMedia media = downloader.download(request, CallPolicy.noRetries("k")).get(10, TimeUnit.SECONDS);
            downloaded.set(media);
            Object body = media.toBody(exchange);
            bodyInRoute.set(body);
            exchange.getMessage().setBody(body);
        };
    }

    @Test
    void smallMediaIsAByteArrayBody() {
        byte[] result = template.requestBody("direct:download", "/small.png", byte[].class);
        assertThat(bodyInRoute.get()).isInstanceOf(byte[].class);
        assertThat(result).isEqualTo(SMALL);
    }

    @Test
    void largeMediaIsAFileBackedStreamCacheDeletedWhenTheExchangeCompletes() {
        Exchange exchange = template.send("direct:download", e -> e.getMessage().setBody("/large.mp4"));
        assertThat(exchange.getException()).isNull();
        assertThat(bodyInRoute.get()).isInstanceOf(SpooledMedia.class).isInstanceOf(StreamCache.class);
        assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(LARGE);
        Path file = downloaded.get().file();
        assertThat(file).isNotNull().doesNotExist();
    }

    @Test
    void theTempFileIsDeletedWhenTheExchangeFails() {
        Exchange exchange = template.send("direct:fail", e -> e.getMessage().setBody("/large.mp4"));
        assertThat(exchange.getException()).hasMessage("after the download");
        assertThat(downloaded.get().file()).isNotNull().doesNotExist();
    }

    @Test
    void aWireTapReadingAfterTheExchangeCompletedStillFindsTheFileThenItIsDeleted() throws Exception {
        Exchange exchange = template.send("direct:tap", e -> e.getMessage().setBody("/large.mp4"));
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(LARGE);

        assertThat(tapped.get(10, TimeUnit.SECONDS)).isEqualTo(LARGE);
        assertThat(tappedFileExisted.get()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(downloaded.get().file()));
    }
}
