package dev.camelspark.sparkdream;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real restart between submit and completion: a Camel context is stopped while its task runs, a new one (new
 * component, same file task store, same emulator) takes over. The emulator's request log proves the task was
 * created once and its result delivered.
 */
class SparkDreamRestartTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    @TempDir
    Path dir;
    private Path inbox;
    private Path outbox;
    private Path store;
    private CamelContext context;

    @BeforeEach
    void setUp() throws Exception {
        inbox = Files.createDirectories(dir.resolve("inbox"));
        outbox = Files.createDirectories(dir.resolve("outbox"));
        store = dir.resolve("tasks");
        // tasks stand still until the test moves the emulator clock
        EMULATOR.emulator().clock().freeze();
        EMULATOR.emulator().settings(Provider.SPARKDREAM, SparkDreamSettings.class)
                .durations(Duration.ZERO, Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() {
        if (context != null) {
            context.stop();
        }
    }

    private CamelContext start(RouteBuilder routes) throws Exception {
        SparkDreamComponent component = new SparkDreamComponent();
        SparkDreamTestSupport.configure(component, EMULATOR.baseUrl(Provider.SPARKDREAM));
        component.getConfiguration().setTaskStore("file");
        component.getConfiguration().setTaskStoreDirectory(store.toString());
        CamelContext c = new DefaultCamelContext();
        c.addComponent("sparkdream", component);
        c.getShutdownStrategy().setTimeout(1); // do not wait for the task: the JVM is going down
        c.addRoutes(routes);
        c.start();
        return c;
    }

    private static List<RecordedRequest> creates() {
        return EMULATOR.emulator().requests(Provider.SPARKDREAM).stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/model/v1/generation")).toList();
    }

    private long files(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aFileRouteStoppedWhileItsTaskRunsEndsWithOneCreateAndTheImage() throws Exception {
        RouteBuilder routes = new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?initialDelay=0&delay=50")
                        .to("sparkdream:generate?width=512&height=512")
                        .to("file:" + outbox + "?fileName=${file:name.noext}.png");
            }
        };
        Files.writeString(inbox.resolve("lighthouse.txt"), "A lighthouse in a storm");

        context = start(routes);
        await().until(() -> creates().size() == 1);
        await().until(() -> files(store) == 1); // recorded before polling
        context.stop();
        context = null;
        assertThat(inbox.resolve("lighthouse.txt")).as("not consumed: it comes again after the restart").exists();
        assertThat(files(outbox)).isZero();

        EMULATOR.emulator().clock().advance(Duration.ofSeconds(30)); // the task completes while we are down
        context = start(routes);

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(outbox.resolve("lighthouse.png")));
        BufferedImage image = ImageIO.read(outbox.resolve("lighthouse.png").toFile());
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(creates()).as("one create call in all: the task was resumed, not paid for again").hasSize(1);
        await().until(() -> files(store) == 0);
    }

    @Test
    void aSubmittedTaskIsHandedOutByTheTasksConsumerAfterTheRestart() throws Exception {
        context = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?initialDelay=0&delay=50").to("sparkdream:submit");
            }
        });
        Files.writeString(inbox.resolve("fox.txt"), "A fox in the snow");
        await().until(() -> creates().size() == 1);
        await().until(() -> files(store) == 1 && !Files.exists(inbox.resolve("fox.txt")));
        context.stop();
        context = null;

        context = start(new RouteBuilder() {
            @Override
            public void configure() {
                from("sparkdream:tasks").to("file:" + outbox + "?fileName=${file:name.noext}.png");
            }
        });
        EMULATOR.emulator().clock().advance(Duration.ofSeconds(30)); // it completes after the restart

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(outbox.resolve("fox.png")));
        assertThat(creates()).hasSize(1);
        await().until(() -> files(store) == 0);
    }
}
