package dev.camelspark.dynaspark;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkTransportException;
import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DynaSparkImageTest extends DynaSparkTestSupport {

    @TempDir
    static Path downloads;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:image").to("dynaspark:image?width=320&height=200&seed=1234&model=turbo&nologo=true&wm=camel");
                from("direct:url").to("dynaspark:image?download=false");
                from("direct:toDisk").to("dynaspark:image?width=64&height=64&downloadDirectory=" + downloads);
                from("direct:keyed").to("dynaspark:image?width=64&height=64&apiKey=RAW(secret-dyna-key)");
                from("direct:tiny").to("dynaspark:image?width=64&height=64&maxDownloadSize=10");
                from("direct:capped").to("dynaspark:image?width=64&height=64&maxDownloadSize=1000&downloadDirectory="
                                         + downloads.resolve("capped"));
                from("direct:slow").to("dynaspark:image?width=64&height=64&downloadTimeout=1500&downloadDirectory="
                                       + downloads.resolve("slow"));
            }
        };
    }

    @Test
    void promptBecomesAPngOfTheAskedSize() throws Exception {
        Exchange out = send("direct:image", "A camel at sunset");

        assertThat(out.getException()).isNull();
        byte[] png = out.getMessage().getBody(byte[].class);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(200);
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class)).isEqualTo("image/png");
        assertThat(out.getMessage().getHeader(SparkConstants.SEED, Long.class)).isEqualTo(1234L);
        assertThat(out.getMessage().getHeader(SparkConstants.MODEL, String.class)).isEqualTo("turbo");
        assertThat(out.getMessage().getHeader(SparkConstants.MEDIA_URL, String.class)).startsWith("http");

        RecordedRequest call = calls("/generate_image").get(0);
        assertThat(call.queryParam("user_input")).isEqualTo("A camel at sunset");
        assertThat(call.queryParam("width")).isEqualTo("320");
        assertThat(call.queryParam("height")).isEqualTo("200");
        assertThat(call.queryParam("model")).isEqualTo("turbo");
        assertThat(call.queryParam("nologo")).isEqualTo("true");
        assertThat(call.queryParam("wm")).isEqualTo("camel");
    }

    @Test
    void theSameSeedGivesTheSameImage() {
        byte[] first = send("direct:image", "A camel at sunset").getMessage().getBody(byte[].class);
        byte[] second = send("direct:image", "A camel at sunset").getMessage().getBody(byte[].class);

        assertThat(first).isEqualTo(second);
    }

    @Test
    void withoutDownloadTheBodyIsTheUrl() {
        Exchange out = send("direct:url", "A camel at sunset");

        assertThat(out.getException()).isNull();
        String url = out.getMessage().getBody(String.class);
        assertThat(url).startsWith(emulator().url()).endsWith(".png");
        assertThat(out.getMessage().getHeader(SparkConstants.MEDIA_URL)).isEqualTo(url);
        assertThat(calls("/generate_image")).hasSize(1);
        // nothing else was fetched
        assertThat(emulator().requests(Provider.DYNASPARK)).hasSize(1);
    }

    @Test
    void downloadDirectoryGetsTheFile() throws Exception {
        Exchange out = send("direct:toDisk", "A camel at sunset");

        assertThat(out.getException()).isNull();
        File file = out.getMessage().getBody(File.class);
        assertThat(file.toPath().getParent()).isEqualTo(downloads);
        assertThat(ImageIO.read(file).getWidth()).isEqualTo(64);
        try (var listing = Files.list(downloads)) {
            assertThat(listing.filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void theImageDownloadNeverCarriesTheKey() {
        Exchange out = send("direct:keyed", "A camel at sunset");

        assertThat(out.getException()).isNull();
        assertThat(calls("/generate_image").get(0).queryParam("api_key")).isEqualTo("secret-dyna-key");
        RecordedRequest download = emulator().requests(Provider.DYNASPARK).stream()
                .filter(r -> r.path().endsWith(".png")).findFirst().orElseThrow();
        assertThat(download.query()).doesNotContainKey("api_key");
        assertThat(download.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("Authorization"));
    }

    @Test
    void mediaLargerThanMaxDownloadSizeFails() {
        Exchange out = send("direct:tiny", "A camel at sunset");

        assertThat(out.getException()).hasMessageContaining("maxDownloadSize");
    }

    @Test
    @Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aDownloadIsAbortedAsSoonAsItPassesMaxDownloadSize() throws Exception {
        // 20 KB in ten pieces, one every 3 s: the first piece is already over the limit. Before, closing the body
        // read the other nine first (27 s); the download is aborted instead
        trickleTheNextImage(20_000, Duration.ofSeconds(3));

        Exchange out = send("direct:capped", "A camel at sunset");

        assertThat(out.getException()).hasMessageContaining("maxDownloadSize (1000 bytes");
        assertThat(filesIn(downloads.resolve("capped"))).as("no partial file left").isEmpty();
    }

    @Test
    @Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aDownloadTricklingForLongerThanDownloadTimeoutFailsAndLeavesNothing() throws Exception {
        // one piece a second never trips streamIdleTimeout; the whole download (9 s) is longer than downloadTimeout
        trickleTheNextImage(5_000, Duration.ofSeconds(1));

        Exchange out = send("direct:slow", "A camel at sunset");

        assertThat(out.getException()).isInstanceOf(SparkTransportException.class)
                .hasMessageContaining("downloadTimeout (1500 ms)");
        assertThat(filesIn(downloads.resolve("slow"))).as("neither a partial nor a final file").isEmpty();

        // the next download on the same endpoint is not slow, and arrives whole
        Exchange next = send("direct:slow", "A camel at sunset");
        assertThat(next.getException()).isNull();
        assertThat(ImageIO.read(next.getMessage().getBody(File.class)).getWidth()).isEqualTo(64);
    }

    /** The next image download gets {@code bytes} bytes in ten pieces, one every {@code every}. */
    private static void trickleTheNextImage(int bytes, Duration every) {
        emulator().faults().add(Fault.trickle(200, "x".repeat(bytes), every)
                .on(Provider.DYNASPARK).path("*.png").header("Content-Type", "image/png").times(1));
    }

    private static List<Path> filesIn(Path directory) throws Exception {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var listing = Files.list(directory)) {
            return listing.toList();
        }
    }

    @Test
    void anImageModelOutsideTheListFailsBeforeAnyCall() {
        Exchange out = template.send("direct:url", e -> {
            e.getMessage().setBody("A camel");
            e.getMessage().setHeader(DynaSparkConstants.OVERRIDE_MODEL, "dall-e");
        });

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("model").hasMessageContaining("dall-e").hasMessageContaining("flux, turbo, gptimage");
        assertThat(emulator().requests(Provider.DYNASPARK)).isEmpty();
    }
}
