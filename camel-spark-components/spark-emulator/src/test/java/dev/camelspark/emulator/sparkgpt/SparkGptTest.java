package dev.camelspark.emulator.sparkgpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.HttpAccess;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.SparkEmulatorExtension;

class SparkGptTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR =
            new SparkEmulatorExtension(SparkEmulator.builder().tokenDelay(Duration.ofMillis(1)));

    private static final String KEY = "sg-key";

    private static HttpResponse<String> post(String path, String body, String key) {
        String url = EMULATOR.baseUrl(Provider.SPARKGPT) + path;
        return key == null ? HttpAccess.post(url, body) : HttpAccess.post(url, body, "Authorization", "Bearer " + key);
    }

    private static HttpResponse<String> ask(String body) {
        return post("/api/askoutside", body, KEY);
    }

    @Test
    void answersWithTheTrainedAnswerForATrainedQuestion() {
        HttpResponse<String> r = ask("{\"model_id\": 5, \"user\": \"What is your favorite tea?\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode message = HttpAccess.json(r).get("message");
        assertThat(message.get("role").asText()).isEqualTo("assistant");
        assertThat(message.get("content").asText()).isEqualTo("I love green tea");
        assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue("1000");
        assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue("999");
    }

    @Test
    void answersWithTheTrainedAnswerForASimilarQuestion() {
        String content = HttpAccess.json(ask("{\"model_id\": 5, \"user\": \"what's your favorite tea\"}"))
                .get("message").get("content").asText();
        assertThat(content).isEqualTo("I love green tea");
    }

    @Test
    void answersOtherQuestionsDeterministicallyMentioningTheModel() {
        String body = "{\"model_id\": 2, \"user\": \"How do I deploy to Kubernetes?\"}";
        String first = HttpAccess.json(ask(body)).get("message").get("content").asText();

        assertThat(first).contains("Camel Helpdesk").contains("model 2").containsIgnoringCase("kubernetes");
        assertThat(HttpAccess.json(ask(body)).get("message").get("content").asText()).isEqualTo(first);
    }

    @Test
    void streamsDeltasThenDoneWithoutIdModelOrFinishReason() {
        HttpResponse<String> r = post("/api/askoutsideStream",
                "{\"model_id\": 1, \"user\": \"Hello, how are you?\", \"stream\": true}", KEY);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        List<JsonNode> events = HttpAccess.sseJsonThenDone(r.body());
        StringBuilder joined = new StringBuilder();
        for (JsonNode event : events) {
            assertThat(event.fieldNames()).toIterable().containsExactly("choices");
            JsonNode choice = event.get("choices").get(0);
            assertThat(choice.fieldNames()).toIterable().containsExactly("delta");
            joined.append(choice.get("delta").get("content").asText());
        }
        assertThat(joined.toString()).isEqualTo("Hello! I'm doing well, thank you for asking. How can I help you today?");
    }

    @Test
    void streamWithoutStreamFieldStillStreamsAndArrivesIncrementally() throws Exception {
        SparkEmulator emu = EMULATOR.emulator();
        emu.sparkgpt().tokenDelay(Duration.ofMillis(25));
        HttpResponse<InputStream> r = HttpAccess.stream(HttpAccess.request(
                EMULATOR.baseUrl(Provider.SPARKGPT) + "/api/askoutsideStream", "Authorization", "Bearer " + KEY,
                "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model_id\": 2, \"user\": \"What is Apache Camel?\"}"))
                .build());
        RecordedRequest recorded = emu.requests(Provider.SPARKGPT).get(0);
        try (BufferedReader reader = HttpAccess.reader(r.body())) {
            assertThat(HttpAccess.nextData(reader)).contains("Apache");
            assertThat(recorded.completed()).isFalse();
            String last = null;
            String d;
            while ((d = HttpAccess.nextData(reader)) != null) {
                last = d;
            }
            assertThat(last).isEqualTo("[DONE]");
        }
    }

    @Test
    void streamFalseOnTheStreamEndpointAnswersJson() {
        HttpResponse<String> r = post("/api/askoutsideStream", "{\"model_id\": 5, \"user\": \"hi\", \"stream\": false}", KEY);
        assertThat(HttpAccess.json(r).get("message").get("content").asText()).isNotBlank();
    }

    @Test
    void cutStreamFaultAppliesToSparkGpt() {
        EMULATOR.emulator().faults().add(Fault.cutStreamAfter(2).on(Provider.SPARKGPT).times(1));
        HttpResponse<String> r = post("/api/askoutsideStream", "{\"model_id\": 1, \"user\": \"Hello, how are you?\"}", KEY);
        assertThat(HttpAccess.sseData(r.body())).hasSize(2).doesNotContain("[DONE]");
    }

    @Test
    void returnsTrainingData() {
        HttpResponse<String> r = post("/api/getModelTrain", "{\"model_id\": 5}", KEY);

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = HttpAccess.json(r);
        assertThat(list.isArray()).isTrue();
        JsonNode first = list.get(0);
        assertThat(first.get("id").asLong()).isEqualTo(1);
        assertThat(first.get("model_id").asInt()).isEqualTo(5);
        assertThat(first.get("question").asText()).isEqualTo("What is your favorite tea?");
        assertThat(first.get("answer").asText()).isEqualTo("I love green tea");
        assertThat(first.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void trainingDataAndAnswersAreSettable() {
        EMULATOR.emulator().sparkgpt().model(42, new TrainedModel("Bike Shop", List.of(
                new TrainingEntry(100, "Do you repair e-bikes?", "Yes, every weekday.", "2025-03-04 05:06:07"))));

        assertThat(HttpAccess.json(post("/api/getModelTrain", "{\"model_id\": 42}", KEY)).get(0).get("answer").asText())
                .isEqualTo("Yes, every weekday.");
        assertThat(HttpAccess.json(ask("{\"model_id\": 42, \"user\": \"Do you repair e-bikes?\"}"))
                .get("message").get("content").asText()).isEqualTo("Yes, every weekday.");

        HttpResponse<String> put = HttpAccess.put(EMULATOR.emulator().url() + "/_emulator/settings/sparkgpt",
                "{\"models\": {\"7\": {\"name\": \"Seven\", \"training\": [{\"id\": 1, \"question\": \"q?\", "
                        + "\"answer\": \"a!\", \"created_at\": \"2024-05-05 05:05:05\"}]}}}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(HttpAccess.json(ask("{\"model_id\": 7, \"user\": \"q?\"}")).get("message").get("content").asText())
                .isEqualTo("a!");
        assertThat(ask("{\"model_id\": 5, \"user\": \"q?\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void keyIsRequired() {
        HttpResponse<String> none = post("/api/askoutside", "{\"model_id\": 1, \"user\": \"hi\"}", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(HttpAccess.json(none).get("error").asText()).isNotBlank();
        assertThat(HttpAccess.post(EMULATOR.baseUrl(Provider.SPARKGPT) + "/api/askoutside",
                "{\"model_id\": 1, \"user\": \"hi\"}", "Authorization", "Basic abc").statusCode()).isEqualTo(401);
        assertThat(post("/api/askoutside", "{\"model_id\": 1, \"user\": \"hi\"}", "invalid-key").statusCode())
                .isEqualTo(401);

        EMULATOR.emulator().sparkgpt().deniedKeys(Set.of("revoked"));
        assertThat(post("/api/getModelTrain", "{\"model_id\": 1}", "revoked").statusCode()).isEqualTo(401);
    }

    @Test
    void modelsNotOwnedByTheKeyAre403() {
        EMULATOR.emulator().sparkgpt().ownership("key-a", Set.of(1));

        assertThat(post("/api/askoutside", "{\"model_id\": 1, \"user\": \"hi\"}", "key-a").statusCode()).isEqualTo(200);
        HttpResponse<String> other = post("/api/askoutside", "{\"model_id\": 5, \"user\": \"hi\"}", "key-a");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(HttpAccess.json(other).get("error").asText()).contains("model 5");
        assertThat(post("/api/getModelTrain", "{\"model_id\": 5}", "key-a").statusCode()).isEqualTo(403);
        assertThat(post("/api/askoutside", "{\"model_id\": 999, \"user\": \"hi\"}", KEY).statusCode()).isEqualTo(403);
        assertThat(post("/api/askoutside", "{\"model_id\": 5, \"user\": \"hi\"}", "key-b").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/api/askoutside|{\"user\": \"hi\"}|Missing required field 'model_id'",
        "/api/askoutside|{\"model_id\": \"5\", \"user\": \"hi\"}|'model_id' must be an integer, not a string",
        "/api/askoutside|{\"model_id\": 1.5, \"user\": \"hi\"}|'model_id' must be an integer",
        "/api/askoutside|{\"model_id\": 5}|Missing required field 'user'",
        "/api/askoutside|{\"model_id\": 5, \"user\": \"\"}|Missing required field 'user'",
        "/api/askoutside|{\"model_id\": 5, \"user\": 3}|Missing required field 'user'",
        "/api/askoutsideStream|{\"model_id\": 5, \"user\": \"hi\", \"stream\": \"yes\"}|'stream' must be a boolean",
        "/api/getModelTrain|{}|Missing required field 'model_id'",
        "/api/getModelTrain|[1]|must be a JSON object",
        "/api/askoutside|not json|must be a JSON object",
    })
    void badBodiesAre400(String path, String body, String message) {
        HttpResponse<String> r = post(path, body, KEY);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(HttpAccess.json(r).get("error").asText()).contains(message);
    }

    @Test
    void dailyLimitPerKeyThen429UntilTheNextDay() {
        SparkEmulator emu = EMULATOR.emulator();
        emu.clock().freeze();
        emu.sparkgpt().requestsPerDay(2);
        assertThat(post("/api/getModelTrain", "{\"model_id\": 1}", "daily").headers().firstValue("X-RateLimit-Remaining"))
                .hasValue("1");
        assertThat(post("/api/getModelTrain", "{\"model_id\": 1}", "daily").statusCode()).isEqualTo(200);

        HttpResponse<String> limited = post("/api/getModelTrain", "{\"model_id\": 1}", "daily");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(limited.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
        assertThat(HttpAccess.json(limited).get("error").asText()).contains("Rate limit");
        assertThat(post("/api/getModelTrain", "{\"model_id\": 1}", "another").statusCode()).isEqualTo(200);

        emu.clock().advance(Duration.ofDays(1));
        assertThat(post("/api/getModelTrain", "{\"model_id\": 1}", "daily").statusCode()).isEqualTo(200);
    }

    @Test
    void requestLogShowsTheBearerKeyWasSent() {
        ask("{\"model_id\": 5, \"user\": \"hi\"}");
        RecordedRequest r = EMULATOR.emulator().requests(Provider.SPARKGPT).get(0);
        assertThat(r.path()).isEqualTo("/api/askoutside");
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(r.bodyJson().get("model_id").asInt()).isEqualTo(5);
        assertThat(r.toString()).doesNotContain(KEY);
    }
}
