package dev.camelspark.samples.jbang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.RequestPattern;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.emulator.neospark.NeoSparkSettings;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's {@code camel run spark.camel.yaml} as Camel JBang runs it: Camel Main with the route file from the
 * folder ({@code file:spark.camel.yaml}) and the {@code application.properties} beside it, the five components on
 * the classpath as the {@code --dep}s put them there. Only what a JBang user would set on the command line is added
 * (the emulator's base URLs and keys, {@code --prop}, and quick polling of its quick tasks); prompts dropped into the
 * inbox folders come out as results in the outbox.
 */
@CamelMainTest(
        propertyPlaceholderLocations = "file:application.properties",
        // stopping waits for the components' thread pools to end (10 s at most); no exchange is in flight by then
        shutdownTimeout = 2,
        properties = {
            "camel.main.routes-include-pattern=file:spark.camel.yaml",
            "spark.inbox=target/jbang/inbox",
            "spark.outbox=target/jbang/outbox",
            "camel.component.sparkdream.task-store-directory=target/jbang/tasks/sparkdream",
            "camel.component.neospark.task-store-directory=target/jbang/tasks/neospark",
            "camel.component.dynaspark.base-url={{spark.emulator.dynaspark.url}}",
            "camel.component.sparkgpt.base-url={{spark.emulator.sparkgpt.url}}",
            "camel.component.sparkgpt.api-key=jbang-key",
            "camel.component.sparkstream.base-url={{spark.emulator.sparkstream.url}}",
            "camel.component.sparkstream.api-key=jbang-key",
            "camel.component.sparkdream.base-url={{spark.emulator.sparkdream.url}}",
            "camel.component.sparkdream.api-key=jbang-key",
            "camel.component.sparkdream.poll-interval=50",
            "camel.component.neospark.base-url={{spark.emulator.neospark.url}}",
            "camel.component.neospark.api-key=np_jbang_key",
            "camel.component.neospark.poll-interval=50",
        })
class JBangRouteTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    private static final Path INBOX = Path.of("target/jbang/inbox");
    private static final Path OUTBOX = Path.of("target/jbang/outbox");
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };

    @BeforeAll
    static void freshFolders() throws IOException {
        Path root = Path.of("target/jbang");
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void quickTasks() {
        EMULATOR.emulator().settings(Provider.SPARKDREAM, SparkDreamSettings.class)
                .durations(Duration.ZERO, Duration.ofMillis(200));
        EMULATOR.emulator().settings(Provider.NEOSPARK, NeoSparkSettings.class)
                .taskTimes(Duration.ZERO, Duration.ofMillis(200));
    }

    private static void drop(String folder, String name, String prompt) throws IOException {
        Path dir = Files.createDirectories(INBOX.resolve(folder));
        Path part = dir.resolve(name + ".part");
        Files.writeString(part, prompt, StandardCharsets.UTF_8);
        Files.move(part, dir.resolve(name)); // whole, so the file consumer never reads half a prompt
    }

    private static Path result(String path) {
        Path file = OUTBOX.resolve(path);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isRegularFile(file) && Files.size(file) > 0);
        return file;
    }

    /** The last call the emulator received on a path (below the vendor's base URL; * matches anything). */
    private static RecordedRequest last(Provider provider, String path) {
        List<RecordedRequest> calls = EMULATOR.find(RequestPattern.on(provider).path(path));
        assertThat(calls).as("calls to " + path).isNotEmpty();
        return calls.get(calls.size() - 1);
    }

    @BeanInject
    CamelContext context;

    @Test
    void everyRouteOfTheFileRunsFromInboxToOutbox() throws IOException {
        assertThat(context.getRoutes()).extracting(r -> r.getRouteId()).containsExactlyInAnyOrder(
                "dynaspark-text", "dynaspark-image", "sparkgpt-chat", "sparkstream-chat", "sparkdream-poster",
                "neospark-video");
        drop("text", "humps.txt", "Why do camels have humps?");
        drop("image", "lighthouse.txt", "A lighthouse in a storm, oil painting");
        drop("ask", "question.txt", "What do you know?");
        drop("chat", "desert.txt", "Name a desert animal.");
        drop("poster", "festival.txt", "A poster for a camel festival");
        drop("video", "corgi.txt", "A corgi running on the beach");

        assertThat(Files.readString(result("text/humps.md"))).isNotBlank();
        assertThat(Files.readAllBytes(result("image/lighthouse.png"))).startsWith(PNG);
        assertThat(Files.readString(result("ask/question.md"))).isNotBlank();
        assertThat(Files.readString(result("chat/desert.md"))).isNotBlank();
        assertThat(Files.readAllBytes(result("poster/festival.png"))).startsWith(PNG);
        assertThat(Files.size(result("video/corgi.mp4"))).isPositive();

        // the route file's options and application.properties reached the services
        RecordedRequest image = last(Provider.DYNASPARK, "/generate_image");
        assertThat(image.queryParam("width")).isEqualTo("1024");
        assertThat(image.queryParam("height")).isEqualTo("768");
        assertThat(last(Provider.SPARKGPT, "/api/askoutside").bodyJson().path("model_id").asInt()).isEqualTo(1);
        assertThat(last(Provider.SPARKSTREAM, "/v1/chat").bodyJson().path("model").asText()).isEqualTo("spark-turbo");
        assertThat(last(Provider.NEOSPARK, "/video/generations").bodyJson().path("model").asText()).isEqualTo("AiVideoMin");
    }
}
