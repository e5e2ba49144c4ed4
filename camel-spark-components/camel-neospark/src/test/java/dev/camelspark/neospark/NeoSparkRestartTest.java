package dev.camelspark.neospark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.SparkEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Camel application stopped between submitting a task and its end, then started again on the same file task
 * store: the task is finished and delivered, and the emulator saw exactly one create call.
 */
class NeoSparkRestartTest {

    @org.junit.jupiter.api.extension.RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @TempDir
    Path dir;

    private CamelContext context;

    @BeforeEach
    void freeze() {
        emulator().clock().freeze();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    private static SparkEmulator emulator() {
        return EMULATOR.emulator();
    }

    private static long creates() {
        return emulator().requests(Provider.NEOSPARK).stream().filter(NeoSparkRestartTest::isCreate).count();
    }

    private static boolean isCreate(RecordedRequest r) {
        return r.method().equals("POST") && (r.path().endsWith("/generate") || r.path().equals("/api/v1/video/generations"));
    }

    /** A component on {@code emulator}, polling fast, its tasks in a file store in {@code tasks}. */
    static NeoSparkComponent fileStoreComponent(SparkEmulatorExtension emulator, Path tasks) {
        NeoSparkComponent neospark = new NeoSparkComponent();
        NeoSparkConfiguration config = neospark.getConfiguration();
        config.setBaseUrl(emulator.baseUrl(Provider.NEOSPARK));
        config.setApiKey(NeoSparkTestSupport.KEY);
        config.setPollInterval(50);
        config.setMaxPollInterval(200);
        config.setTaskStore("file");
        config.setTaskStoreDirectory(tasks.toString());
        return neospark;
    }

    /** A new application: the same routes and the same task store directory as the one before. */
    private CamelContext start(RouteBuilder routes) throws Exception {
        CamelContext c = new DefaultCamelContext();
        c.addComponent("neospark", fileStoreComponent(EMULATOR, dir.resolve("tasks")));
        c.getShutdownStrategy().setTimeout(1); // an exchange waiting for its task is abandoned, not waited for
        c.addRoutes(routes);
        c.start();
        context = c;
        return c;
    }

    @Test
    void aSubmittedVideoIsDeliveredAfterARestartWithOneCreateCall() throws Exception {
        RouteBuilder routes = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("neospark:video-submit?videoResolution=480p");
                from("neospark:tasks?download=false").setBody(simple("${body}\n"))
                        .to("file:" + dir.resolve("out") + "?fileName=${file:name.noext}.url");
            }
        };
        CamelContext first = start(routes);
        ProducerTemplate template = first.createProducerTemplate();
        String id = template.requestBodyAndHeader("direct:submit", "A corgi on the beach", "CamelFileName",
                "corgi.txt", String.class);
        assertThat(creates()).isEqualTo(1);
        first.stop();

        start(routes);
        emulator().clock().advance(Duration.ofMinutes(1));

        Path delivered = dir.resolve("out/corgi.url");
        await().until(() -> Files.exists(delivered));
        assertThat(Files.readString(delivered).strip())
                .isEqualTo(EMULATOR.emulator().url() + "/neospark/uploads/videos/1/" + id + ".mp4");
        assertThat(creates()).isEqualTo(1);
    }

    @Test
    void anImageAwaitedWhenTheApplicationStoppedIsResumedNotPaidAgain() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/fox.txt"), "A fox in the snow");
        RouteBuilder routes = new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir.resolve("in") + "?include=.*\\.txt")
                        .to("neospark:image?resolution=512")
                        .to("file:" + dir.resolve("out") + "?fileName=${file:name.noext}.png");
            }
        };
        CamelContext first = start(routes);
        await().until(() -> creates() == 1);
        first.stop(); // the exchange gives up waiting; the file stays in the inbox, the task in the store

        start(routes);
        emulator().clock().advance(Duration.ofMinutes(1));

        Path image = dir.resolve("out/fox.png");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(image) && Files.size(image) > 0);
        assertThat(Files.readAllBytes(image)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(creates()).isEqualTo(1);
        // the file consumer removes the input once the exchange completes, just after the image is written
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.notExists(dir.resolve("in/fox.txt")));
    }
}
