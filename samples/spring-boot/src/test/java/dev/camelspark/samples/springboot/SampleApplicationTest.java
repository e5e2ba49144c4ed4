package dev.camelspark.samples.springboot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.dynaspark.DynaSparkComponent;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import dev.camelspark.sparkdream.SparkDreamComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The sample as it ships (application.yml, the YAML route, the Java route) on spark-emulator: the options set in
 * application.yml reach both components and show on the wire, a prompt file becomes a poster and a tagline, and a
 * bad setting stops the start with the component's message naming the option.
 */
@CamelSpringBootTest
@SpringBootTest(properties = { "camel.main.run-controller=false", "sample.read-lock-min-age=0" })
@DirtiesContext // the emulator's port is this class's: no later class may reuse the context
class SampleApplicationTest {

    /** Its URLs are the spark.emulator.<provider>.url that application.yml names; tasks end in 300 ms. */
    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension(SparkEmulator.builder()
            .configure(Provider.SPARKDREAM, s -> ((SparkDreamSettings) s).durations(Duration.ZERO, Duration.ofMillis(300))));

    static final Path WORK = tempDirectory();

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("sample.inbox", () -> WORK.resolve("inbox").toString());
        registry.add("sample.outbox", () -> WORK.resolve("outbox").toString());
        registry.add("sample.work", () -> WORK.resolve("work").toString());
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;

    @Test
    void aPromptFileBecomesAPosterAndATagline() throws Exception {
        Path staging = Files.createTempFile(WORK, "prompt", ".tmp");
        Files.writeString(staging, "A lighthouse in a storm, oil painting\n");
        Files.createDirectories(WORK.resolve("inbox"));
        Files.move(staging, WORK.resolve("inbox/lighthouse.txt"));

        Path poster = WORK.resolve("outbox/lighthouse.png");
        Path tagline = WORK.resolve("outbox/lighthouse.tagline.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(tagline));
        BufferedImage image = ImageIO.read(poster.toFile());
        assertThat(image.getWidth()).isEqualTo(1024);    // camel.component.sparkdream.width
        assertThat(image.getHeight()).isEqualTo(768);
        assertThat(Files.readString(tagline)).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(WORK.resolve("inbox/.done/lighthouse.txt")));

        RecordedRequest create = EMULATOR.emulator().requests(Provider.SPARKDREAM).stream()
                .filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        JsonNode params = create.bodyJson().get("input").get(0).get("params");
        assertThat(params.get("prompt").asText()).isEqualTo("A lighthouse in a storm, oil painting");
        assertThat(params.get("width").asInt()).isEqualTo(1024);
        assertThat(create.header("Authorization")).isEqualTo("Bearer emulator-key");
        // task-store=file: the store opened in ${sample.work}/tasks (the record is gone once the task is handed out)
        assertThat(WORK.resolve("work/tasks")).isDirectory();
    }

    @Test
    void theJavaRouteAnswersWithTheOptionsOfApplicationYml() {
        String tagline = template.requestBody("direct:tagline", "a red fox asleep in fresh snow", String.class);

        assertThat(tagline).isNotBlank();
        RecordedRequest text = EMULATOR.emulator().requests(Provider.DYNASPARK).get(0);
        assertThat(text.path()).isEqualTo("/api/generate_response");
        assertThat(text.queryParam("user_input")).contains("a red fox asleep in fresh snow");
        assertThat(text.queryParam("temperature")).isEqualTo("0.4");
        assertThat(text.queryParam("system")).startsWith("You write one-line poster taglines");
    }

    @Test
    void durationsAreWrittenAsSpringBootWritesThem() {
        // 30s, 500ms, 5s and 3m in application.yml; the components count milliseconds
        assertThat(camelContext.getComponent("dynaspark", DynaSparkComponent.class).getConfiguration().getRequestTimeout())
                .isEqualTo(30_000);
        var dream = camelContext.getComponent("sparkdream", SparkDreamComponent.class).getConfiguration();
        assertThat(dream.getPollInterval()).isEqualTo(500);
        assertThat(dream.getMaxPollInterval()).isEqualTo(5_000);
        assertThat(dream.getPollTimeout()).isEqualTo(180_000);
    }

    @Test
    void aBadSettingStopsTheStartWithTheOptionNamed() {
        Path other = WORK.resolve("bad");
        String[] args = { // command-line arguments, as a user would override application.yml
                "--camel.main.run-controller=false",
                "--sample.inbox=" + other.resolve("inbox"), "--sample.outbox=" + other.resolve("outbox"),
                "--sample.work=" + other.resolve("work"),
                "--camel.component.sparkdream.max-poll-interval=100ms" }; // below poll-interval's 500ms

        assertThatThrownBy(() -> new SpringApplicationBuilder(SampleApplication.class).run(args).close())
                .hasStackTraceContaining("sparkdream: invalid maxPollInterval '100': allowed 500 or more");
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("spring-boot-sample-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
