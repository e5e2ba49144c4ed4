package dev.camelspark.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.Produce;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The status page's JSON and Camel Main's health endpoint, over real HTTP, while the application runs its jobs against
 * the emulator. (The page itself, in a browser: {@link StatusPageBrowserTest}.)
 */
@CamelMainTest(properties = { "spark.emulator.port=0", "spark.batch.read-lock-min-age=1", "spark.batch.max-in-flight=1",
                              "spark.batch.progress-period=300",
                              "camel.component.neospark.poll-interval=100", "camel.component.neospark.max-poll-interval=200" })
class StatusPageTest {

    static final Path DIR = BatchApplicationTestSupport.newDir("status");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Produce
    ProducerTemplate template;

    static void drop(String relative, String content) throws Exception {
        BatchApplicationTestSupport.drop(DIR, relative, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    }

    static JsonNode sidecar(String relative) throws Exception {
        Path file = DIR.resolve("outbox").resolve(relative);
        BatchApplicationTestSupport.awaitFile(file);
        return JSON.readTree(file.toFile());
    }

    CamelContext context() {
        return template.getCamelContext();
    }

    SparkEmulator emulator() {
        return context().getRegistry().lookupByNameAndType("sparkEmulator", SparkEmulator.class);
    }

    static HttpResponse<String> get(CamelContext context, String path) throws Exception {
        URI uri = URI.create("http://localhost:" + StatusPage.port(context) + path);
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode status() throws Exception {
        HttpResponse<String> answer = get(context(), "/status.json");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(answer.body());
    }

    @Test
    void theJsonShowsJobsPerProviderTasksInFlightCostAndErrors() throws Exception {
        emulator().settings(Provider.SPARKDREAM, SparkDreamSettings.class).durations(Duration.ZERO, Duration.ofMillis(200));
        emulator().neospark().videoTimes(Duration.ofMillis(100), Duration.ofSeconds(4));
        try (LogCapture log = LogCapture.capture()) {
            drop("video/waves.txt", "Waves rolling onto a beach at dusk");

            // the video holds the only permit: the image waits in the queue, the video's task reports its progress
            await().atMost(Duration.ofSeconds(30)).until(() -> status().path("inFlight").findValuesAsText("taskId").size() == 1);
            drop("image/dune.txt", "A dune under a full moon");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode status = status();
                assertThat(status.at("/providers/dynaspark/queued").asInt()).isEqualTo(1);
                assertThat(status.at("/providers/neospark/running").asInt()).isEqualTo(1);
                JsonNode video = status.path("inFlight").findParent("taskId");
                assertThat(video.path("source").asText()).isEqualTo("video/waves.txt");
                assertThat(video.path("state").asText()).isEqualTo("running");
                assertThat(video.path("progress").asInt()).isBetween(1, 99);
            });
            // not on a terminal: the progress as a log line every spark.batch.progress-period
            await().atMost(Duration.ofSeconds(10)).until(() -> log.batchLines().contains("progress: 0/2 (0%), 1 running, 1 queued"));
        }

        drop("jobs/typo.json", "{\"provider\": \"dynaspark\", \"operation\": \"imaeg\", \"prompt\": \"x\"}");
        drop("dream/oasis.txt", "An oasis at night");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = status();
            assertThat(status.at("/providers/neospark/done").asInt()).isEqualTo(1);
            assertThat(status.at("/providers/dynaspark/done").asInt()).isEqualTo(1);
            assertThat(status.at("/providers/sparkdream/done").asInt()).isEqualTo(1);
            assertThat(status.path("inFlight")).isEmpty();
        });
        JsonNode status = status();
        // what the sidecars say it cost, added up per unit
        assertThat(status.at("/cost/credits").decimalValue())
                .isEqualByComparingTo(sidecar("video/waves.mp4.json").path("cost").decimalValue());
        assertThat(status.at("/cost/USD").decimalValue())
                .isEqualByComparingTo(sidecar("dream/oasis.png.json").path("cost").decimalValue());
        assertThat(status.at("/providers/neospark/cost/credits").decimalValue()).isPositive();
        JsonNode error = status.path("errors").get(0);
        assertThat(error.path("source").asText()).isEqualTo("jobs/typo.json");
        assertThat(error.path("reason").asText()).contains("unknown operation 'imaeg'").contains("allowed: audio, image, text");
        assertThat(status.at("/providers/unread/failed").asInt()).isEqualTo(1);
        assertThat(status.path("uptime").asLong()).isPositive();
    }

    @Test
    void aBatchShowsItsLinesAndItsFailedLineWithTheReason() throws Exception {
        drop("batches/image/skies.csv", "prompt,name,width\nA red sky,red,512\nA blue sky,blue,wide\nA grey sky,grey,512\n");

        JsonNode result = sidecar("batches/image/skies.batch.json");
        JsonNode status = status();
        JsonNode error = status.path("errors").get(0);
        assertThat(error.path("source").asText()).isEqualTo("batches/image/skies.csv#2");
        assertThat(error.path("provider").asText()).isEqualTo("dynaspark");
        // the reason the batch result gives, on its first line
        assertThat(error.path("reason").asText()).isEqualTo(result.at("/lines/1/reason").asText().lines().findFirst().orElseThrow());
        assertThat(status.at("/providers/dynaspark/done").asInt()).isGreaterThanOrEqualTo(2);
        // done: no longer under way
        assertThat(status.path("batches")).isEmpty();
    }

    @Test
    void healthIsUpOnCamelMainsHealthEndpoint() throws Exception {
        // DOWN for the first second: the file consumers' checks are DOWN until their first poll ("has not yet polled")
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> answer = get(context(), "/observe/health");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).path("status").asText()).isEqualTo("UP");
        });
        // readiness and liveness apart, as a container platform probes them
        assertThat(get(context(), "/observe/health/ready").statusCode()).isEqualTo(200);
        assertThat(get(context(), "/observe/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void theProducersHealthChecksAreListedUpOnTheHealthEndpoint() throws Exception {
        // the application reaches the components through dynamic endpoints: a producer (and its check) exists once used
        drop("text/hello.txt", "Hello camel");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode health = JSON.readTree(get(context(), "/observe/health").body());
            JsonNode dyna = null;
            for (JsonNode check : health.path("checks")) {
                if (check.path("name").asText().startsWith("producer:dynaspark-")) {
                    dyna = check;
                }
            }
            assertThat(dyna).as(health.toString()).isNotNull();
            assertThat(dyna.path("status").asText()).isEqualTo("UP");
        });
    }

    @Test
    void theGenAiMetricsAreOnCamelMainsMetricsEndpoint() throws Exception {
        drop("chat/humps.txt", "How many humps has a dromedary?");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> metrics = get(context(), "/observe/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("gen_ai_client_operation_duration_seconds_count{")
                    .contains("gen_ai_provider_name=\"sparkstream\"").contains("gen_ai_token_type=\"output\"");
        });
    }

    @Test
    void thePageIsServedFromTheApplicationWithNothingFromOutside() throws Exception {
        HttpResponse<String> answer = get(context(), "/status");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(answer.body()).contains("fetch(\"status.json\"").doesNotContain("http://").doesNotContain("https://");
    }
}
