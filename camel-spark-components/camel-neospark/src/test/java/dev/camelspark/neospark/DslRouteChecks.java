package dev.camelspark.neospark;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks every DSL's copy of the routes must pass; {@code prefix} is "yaml" or "xml". */
final class DslRouteChecks {

    private DslRouteChecks() {
    }

    static void upload(ProducerTemplate template, SparkEmulator emulator, String prefix) {
        Exchange out = template.send("direct:" + prefix + "-upload", e -> e.getMessage().setBody(NeoSparkTestSupport.PNG));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).startsWith("up_");
        assertThat(out.getMessage().getHeader(NeoSparkConstants.UPLOAD_URL, String.class))
                .startsWith(emulator.url() + "/neospark/uploads/");
        assertThat(emulator.requests(Provider.NEOSPARK).get(0).header("X-API-Key")).isEqualTo(DslKeys.KEY);
    }

    static void models(ProducerTemplate template, String prefix) {
        Exchange out = template.send("direct:" + prefix + "-models", e -> {
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Map.class)).containsKey("gpt-image-2");
    }

    static void status(ProducerTemplate template, SparkEmulator emulator, String prefix) {
        emulator.clock().freeze();
        String id = NeoSparkTestSupport.videoTaskOnTheEmulator("a corgi", DslKeys.KEY);
        emulator.clock().advance(Duration.ofMinutes(1));

        Exchange out = template.send("direct:" + prefix + "-status", e -> e.getMessage().setBody(id));

        assertThat(out.getException()).isNull();
        NeoSparkTask task = out.getMessage().getBody(NeoSparkTask.class);
        assertThat(task.isCompleted()).isTrue();
        assertThat(task.mediaUrls()).containsExactly(emulator.url() + "/neospark/uploads/videos/1/" + id + ".mp4");
    }

    static void billing(ProducerTemplate template, SparkEmulator emulator, String prefix) {
        NeoSparkTestSupport.videoTaskOnTheEmulator("a corgi", DslKeys.KEY);

        Exchange out = template.send("direct:" + prefix + "-billing", e -> {
        });

        @SuppressWarnings("unchecked")
        List<NeoSparkTransaction> list = out.getMessage().getBody(List.class);
        assertThat(list).singleElement().satisfies(t -> assertThat(t.amount()).isEqualByComparingTo("-130"));
        assertThat(emulator.requests(Provider.NEOSPARK).get(1).queryParam("limit")).isEqualTo("5");
    }

    static void image(ProducerTemplate template, SparkEmulator emulator, String prefix) throws Exception {
        emulator.neospark().taskTimes(Duration.ZERO, Duration.ZERO);

        Exchange out = template.send("direct:" + prefix + "-image", e -> e.getMessage().setBody("A lighthouse"));

        assertThat(out.getException()).isNull();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(
                new java.io.ByteArrayInputStream(out.getMessage().getBody(byte[].class)));
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(288);
        assertThat(out.getMessage().getHeader(NeoSparkConstants.SESSION_ID, String.class)).startsWith("ds_");
    }

    static void videoSubmitAndTasksConsumer(ProducerTemplate template, SparkEmulator emulator, String prefix)
            throws Exception {
        emulator.clock().freeze();
        MockEndpoint done = template.getCamelContext().getEndpoint("mock:" + prefix + "-tasks", MockEndpoint.class);
        done.reset();

        String id = template.requestBody("direct:" + prefix + "-video-submit", "A corgi", String.class);
        assertThat(id).startsWith("video_");
        emulator.clock().advance(Duration.ofMinutes(1));

        done.expectedBodiesReceived(emulator.url() + "/neospark/uploads/videos/1/" + id + ".mp4");
        done.assertIsSatisfied(10_000);
        assertThat(done.getReceivedExchanges().get(0).getMessage().getHeader("CamelSparkTaskId")).isEqualTo(id);
    }

    static void errors(ProducerTemplate template, String prefix) {
        Exchange out = template.send("direct:" + prefix + "-errors", e -> e.getMessage().setBody("video_unknown"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("failed: 404");
    }

    /** The key the DSL tests configure through properties. */
    static final class DslKeys {
        static final String KEY = "np_dsl_key";

        private DslKeys() {
        }
    }
}
