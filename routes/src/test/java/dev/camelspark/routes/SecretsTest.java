package dev.camelspark.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No API key reaches the output, even with the root logger at DEBUG (Camel's properties parser, its route and
 * endpoint logs) and the routes dumped at start ({@code camel.main.dump-routes}): the keys come from the
 * environment, as in the live profile, and each is still sent to its service.
 */
class SecretsTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    private static final Map<String, String> KEYS = Map.of(
            "DYNASPARK_API_KEY", "dk-secret-dyna-1a2b3c",
            "SPARKGPT_API_KEY", "sk-secret-gpt-4d5e6f",
            "SPARKSTREAM_API_KEY", "sk-secret-stream-7a8b9c",
            "SPARKDREAM_API_KEY", "sk-secret-dream-0d1e2f",
            "NEOSPARK_API_KEY", "np_secret_neo_3a4b5c");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} routes")
    @ValueSource(strings = { "yaml", "xml", "java" })
    void noKeyIsLoggedAtDebugNorDumpedWithTheRoutes(String dsl) throws Exception {
        EMULATOR.emulator().settings(Provider.SPARKDREAM, SparkDreamSettings.class).durations(Duration.ZERO, Duration.ofMillis(200));
        EMULATOR.emulator().neospark().taskTimes(Duration.ZERO, Duration.ofMillis(200));
        Path log4j = Files.writeString(dir.resolve("log4j2-debug.properties"), """
                rootLogger.level = DEBUG
                rootLogger.appenderRef.out.ref = out
                appender.out.type = Console
                appender.out.name = out
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = %-5level %c %msg%n
                # the wire log of Apache HttpClient prints every header it sends, by design: kept at INFO
                logger.hc.name = org.apache.hc
                logger.hc.level = INFO
                """);
        for (Map.Entry<String, String> drop : Map.of("text/hello.txt", "Say hello", "sparkgpt/chat/tea.txt",
                "Which tea?", "chat/humps.txt", "Why humps?", "dream/oasis.txt", "An oasis",
                "neospark/image/poster.txt", "A poster").entrySet()) {
            Path target = dir.resolve("inbox").resolve(drop.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, drop.getValue());
        }

        List<String> output;
        try (BatchProcess app = BatchProcess.start(dir, EMULATOR.emulator(), Map.of("spark.batch.dsl", dsl,
                "camel.main.dump-routes", "xml", "log4j2.configurationFile", log4j.toString()), KEYS)) {
            await().atMost(BatchProcess.patience()).until(() -> outboxHas("text/hello.txt.json",
                    "sparkgpt/chat/tea.md.json", "chat/humps.md.json", "dream/oasis.png.json",
                    "neospark/image/poster.png.json"));
            output = app.output();
        }

        assertThat(output).as("the DEBUG log ran and the routes were dumped")
                .anyMatch(l -> l.startsWith("DEBUG"))
                .anyMatch(l -> l.contains("<route id=\"run-job\""));
        for (Map.Entry<String, String> key : KEYS.entrySet()) {
            assertThat(output).as(key.getKey() + " in the output").noneMatch(l -> l.contains(key.getValue()));
        }
        // and each key was what its service got
        assertThat(sentKey(Provider.DYNASPARK, KEYS.get("DYNASPARK_API_KEY"))).isTrue();
        assertThat(sentKey(Provider.SPARKGPT, KEYS.get("SPARKGPT_API_KEY"))).isTrue();
        assertThat(sentKey(Provider.SPARKSTREAM, KEYS.get("SPARKSTREAM_API_KEY"))).isTrue();
        assertThat(sentKey(Provider.SPARKDREAM, KEYS.get("SPARKDREAM_API_KEY"))).isTrue();
        assertThat(sentKey(Provider.NEOSPARK, KEYS.get("NEOSPARK_API_KEY"))).isTrue();
    }

    private boolean outboxHas(String... files) {
        for (String file : files) {
            if (!Files.exists(dir.resolve("outbox").resolve(file))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sentKey(Provider provider, String key) {
        return EMULATOR.emulator().requests(provider).stream()
                .anyMatch(r -> r.headers().values().stream().flatMap(List::stream).anyMatch(v -> v.contains(key))
                               || key.equals(r.queryParam("key")) || key.equals(r.queryParam("api_key")));
    }
}
