package dev.camelspark.neospark;

import java.io.File;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dev.camelspark.emulator.Provider;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkServerException;
import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.builder.RouteBuilder;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class NeoSparkVideoTest extends NeoSparkTestSupport {

    /** Large enough that reading it into a byte[] (and the copies a growing buffer makes) would not fit the heap. */
    private static final long LARGE = 64L * 1024 * 1024 + 17;

    @TempDir
    static Path out;

    private final AtomicReference<Object> bodyInRoute = new AtomicReference<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:video").to("neospark:video?videoResolution=480p&ratio=9:16&duration=4")
                        .process(e -> bodyInRoute.set(e.getMessage().getBody()))
                        .to("file:" + out + "?fileName=${header.CamelSparkTaskId}.mp4");
                from("direct:toDisk").to("neospark:video?videoResolution=480p&downloadDirectory=" + out.resolve("disk"));
                from("direct:url").to("neospark:video?download=false&videoModel=AiVideoMin&duration=10"
                                      + "&generateAudio=true&referenceImageUrls=https://cdn.example.com/a.png,/uploads/1/refs/b.png");
                from("direct:capped").to("neospark:video?maxCostPerTask=100");
                from("direct:firstFrame").to("neospark:video?firstFrameUrl=https://frames.example.invalid/first.png");
            }
        };
    }

    @Test
    void aLargeVideoIsStreamedToATempFileNeverIntoMemory() throws Exception {
        emulator().neospark().videoFileSize(LARGE);

        Exchange exchange = send("direct:video", "A corgi on the beach");

        assertThat(exchange.getException()).isNull();
        assertThat(bodyInRoute.get()).isInstanceOf(StreamCache.class).isInstanceOf(InputStream.class)
                .isNotInstanceOf(byte[].class);
        String id = exchange.getMessage().getHeader(SparkConstants.TASK_ID, String.class);
        Path file = out.resolve(id + ".mp4");
        assertThat(Files.size(file)).isEqualTo(LARGE);
        DemuxerTrackMeta meta = videoMeta(file);
        assertThat(meta.getTotalDuration()).isEqualTo(4.0);
        assertThat(meta.getVideoCodecMeta().getSize().getWidth()).isEqualTo(480);
        assertThat(meta.getVideoCodecMeta().getSize().getHeight()).isEqualTo(854);
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("video/mp4");
        assertThat(exchange.getMessage().getHeader(SparkConstants.COST, BigDecimal.class)).isEqualByComparingTo("104");
        assertThat(exchange.getMessage().getHeader(SparkConstants.MEDIA_URL, String.class))
                .isEqualTo(root() + "/uploads/videos/1/" + id + ".mp4");
        // the temp file behind the body is gone with the exchange
        try (Stream<Path> temps = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(temps.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("camel-spark-"));
        }
    }

    @Test
    void aSmallVideoIsStillAFileBackedStream() {
        Exchange exchange = send("direct:video", "short");

        assertThat(exchange.getException()).isNull();
        assertThat(bodyInRoute.get()).isInstanceOf(StreamCache.class).isNotInstanceOf(byte[].class);
    }

    @Test
    void downloadDirectoryGetsTheFile() throws Exception {
        Exchange exchange = send("direct:toDisk", "to disk");

        assertThat(exchange.getException()).isNull();
        File file = exchange.getMessage().getBody(File.class);
        assertThat(file.toPath().getParent()).isEqualTo(out.resolve("disk"));
        assertThat(file.getName()).startsWith("video_").endsWith(".mp4");
        assertThat(videoMeta(file.toPath()).getTotalDuration()).isEqualTo(5.0);
    }

    @Test
    void everyVideoParameterIsSentInTheApisNames() {
        Exchange exchange = send("direct:url", "A city at night");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).startsWith(root() + "/uploads/videos/").endsWith(".mp4");
        var body = creates().get(0).bodyJson();
        assertThat(body.get("prompt").asText()).isEqualTo("A city at night");
        assertThat(body.get("model").asText()).isEqualTo("AiVideoMin");
        assertThat(body.get("duration").asInt()).isEqualTo(10);
        assertThat(body.get("generate_audio").asBoolean()).isTrue();
        assertThat(body.get("reference_image_urls")).extracting(n -> n.asText())
                .containsExactly("https://cdn.example.com/a.png", "/uploads/1/refs/b.png");
        assertThat(body.has("ratio")).isFalse();
        assertThat(exchange.getMessage().getHeader(NeoSparkConstants.ESTIMATED_COST, BigDecimal.class))
                .isEqualByComparingTo("210");
    }

    @Test
    void maxCostPerTaskRefusesAVideoPricedAboveItBeforeAnyCall() {
        Exchange exchange = send("direct:capped", "5 s of AiVideoMax");

        assertThat(exchange.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("130 credits").hasMessageContaining("26 credits per second of AiVideoMax x 5 s")
                .hasMessageContaining("at most 100 credits (maxCostPerTask)");
        assertThat(emulator().requests(Provider.NEOSPARK)).isEmpty();
    }

    @Test
    void aReferenceTheServiceCannotFetchIsA502ThatIsNotResent() {
        Exchange exchange = send("direct:firstFrame", "from a frame");

        assertThat(exchange.getException()).isInstanceOf(SparkServerException.class)
                .hasMessageContaining("HTTP 502").hasMessageContaining("first_frame_url");
        assertThat(((SparkServerException) exchange.getException()).getAttempts()).isEqualTo(1);
        assertThat(creates()).hasSize(1);
    }

    @Test
    void aPromptOverTwoThousandCharactersIsRefusedBeforeAnyCall() {
        Exchange exchange = send("direct:url", "a".repeat(2001));

        assertThat(exchange.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("prompt").hasMessageContaining("at most 2000 characters");
        assertThat(emulator().requests(Provider.NEOSPARK)).isEmpty();
    }

    static DemuxerTrackMeta videoMeta(Path file) throws Exception {
        try (var channel = NIOUtils.readableChannel(file.toFile())) {
            MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(channel);
            assertThat(demuxer.getVideoTracks()).hasSize(1);
            return demuxer.getVideoTrack().getMeta();
        }
    }
}
