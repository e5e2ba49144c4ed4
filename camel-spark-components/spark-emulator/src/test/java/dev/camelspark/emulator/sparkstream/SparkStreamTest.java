package dev.camelspark.emulator.sparkstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

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
import dev.camelspark.emulator.core.Json;

class SparkStreamTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR =
            new SparkEmulatorExtension(SparkEmulator.builder().tokenDelay(Duration.ofMillis(1)));

    private static final String KEY = "ss-key";
    private static final String HELLO = "{\"model\": \"spark-1\", \"messages\": [{\"role\": \"user\", \"content\": "
            + "\"Tell me about solar panels\"}]";

    private static HttpResponse<String> chat(String body, String key) {
        String url = EMULATOR.baseUrl(Provider.SPARKSTREAM) + "/v1/chat";
        return key == null ? HttpAccess.post(url, body) : HttpAccess.post(url, body, "Authorization", "Bearer " + key);
    }

    private static HttpResponse<String> chat(String body) {
        return chat(body, KEY);
    }

    private static JsonNode error(HttpResponse<String> r) {
        JsonNode error = HttpAccess.json(r).get("error");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isNotBlank();
        assertThat(error.get("code").asText()).isNotBlank();
        return error;
    }

    @Test
    void answersAChatCompletion() {
        HttpResponse<String> r = chat(HELLO + "}");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = HttpAccess.json(r);
        assertThat(body.get("id").asText()).startsWith("chat-");
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.get("created").asLong()).isCloseTo(EMULATOR.emulator().clock().epochSecond(),
                org.assertj.core.data.Offset.offset(5L));
        assertThat(body.get("model").asText()).isEqualTo("spark-1");
        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("index").asInt()).isZero();
        assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(choice.get("message").get("content").asText()).containsIgnoringCase("solar panels");
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = body.get("usage");
        assertThat(usage.get("total_tokens").asInt())
                .isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
        assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue("30");
        assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue("29");

        String again = HttpAccess.json(chat(HELLO + "}")).get("choices").get(0).get("message").get("content").asText();
        assertThat(again).isEqualTo(choice.get("message").get("content").asText());
    }

    @Test
    void maxTokensCutsTheAnswerWithFinishReasonLength() {
        JsonNode body = HttpAccess.json(chat(HELLO + ", \"max_tokens\": 5}"));
        assertThat(body.get("choices").get(0).get("finish_reason").asText()).isEqualTo("length");
        assertThat(body.get("usage").get("completion_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void streamsChunksWithTheFinishReasonLastThenDone() {
        HttpResponse<String> r = chat(HELLO + ", \"stream\": true, \"max_tokens\": 8}");
        String whole = HttpAccess.json(chat(HELLO + ", \"max_tokens\": 8}")).get("choices").get(0)
                .get("message").get("content").asText();

        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        List<JsonNode> events = HttpAccess.sseJsonThenDone(r.body());
        StringBuilder joined = new StringBuilder();
        for (JsonNode chunk : events) {
            assertThat(chunk.get("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.get("id").asText()).startsWith("chat-");
            JsonNode content = chunk.get("choices").get(0).get("delta").get("content");
            if (content != null) {
                joined.append(content.asText());
            }
        }
        JsonNode last = events.get(events.size() - 1).get("choices").get(0);
        assertThat(last.get("finish_reason").asText()).isEqualTo("length");
        assertThat(joined.toString().strip()).isEqualTo(whole);
    }

    @Test
    void theLastChunkOfAStreamCarriesTheSameUsageAsTheWholeAnswer() {
        JsonNode whole = HttpAccess.json(chat(HELLO + ", \"max_tokens\": 8}")).get("usage");
        List<String> data = HttpAccess.sseData(chat(HELLO + ", \"stream\": true, \"max_tokens\": 8}").body());

        JsonNode last = Json.parseOrNull(data.get(data.size() - 2));
        assertThat(last.get("usage")).isEqualTo(whole);
        assertThat(whole.get("total_tokens").asInt())
                .isEqualTo(whole.get("prompt_tokens").asInt() + whole.get("completion_tokens").asInt());
        for (String d : data.subList(0, data.size() - 2)) {
            assertThat(Json.parseOrNull(d).has("usage")).isFalse();
        }
    }

    @Test
    void streamArrivesIncrementally() throws Exception {
        SparkEmulator emu = EMULATOR.emulator();
        emu.sparkstream().tokenDelay(Duration.ofMillis(25));
        HttpResponse<InputStream> r = HttpAccess.stream(HttpAccess.request(
                EMULATOR.baseUrl(Provider.SPARKSTREAM) + "/v1/chat", "Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString(HELLO + ", \"stream\": true}")).build());
        RecordedRequest recorded = emu.requests(Provider.SPARKSTREAM).get(0);
        try (BufferedReader reader = HttpAccess.reader(r.body())) {
            assertThat(HttpAccess.nextData(reader)).contains("chat.completion.chunk");
            assertThat(recorded.completed()).isFalse();
            while (HttpAccess.nextData(reader) != null) {
                // drain
            }
        }
        HttpAccess.await(recorded::completed);
    }

    @Test
    void stallFaultAppliesToSparkStream() throws Exception {
        EMULATOR.emulator().settings().stallCap(Duration.ofSeconds(1));
        EMULATOR.emulator().faults().add(Fault.stallStreamAfter(1).on(Provider.SPARKSTREAM).times(1));
        HttpResponse<InputStream> r = HttpAccess.stream(HttpAccess.request(
                EMULATOR.baseUrl(Provider.SPARKSTREAM) + "/v1/chat", "Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString(HELLO + ", \"stream\": true}")).build());
        int events = 0;
        try (BufferedReader reader = HttpAccess.reader(r.body())) {
            while (HttpAccess.nextData(reader) != null) {
                events++;
            }
        } catch (java.io.IOException closedByServer) {
            // the cap closed the connection
        }
        assertThat(events).isEqualTo(1);
    }

    @Test
    void keyIsRequired() {
        HttpResponse<String> none = chat(HELLO + "}", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(error(none).get("type").asText()).isEqualTo("authentication_error");
        assertThat(chat(HELLO + "}", "invalid-key").statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}|Missing required parameter 'model'",
        "{\"model\": \"spark-2\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}|must be one of spark-1, spark-pro, spark-turbo",
        "{\"model\": \"spark-1\"}|Missing required parameter 'messages'",
        "{\"model\": \"spark-1\", \"messages\": []}|'messages' must be a non-empty array",
        "{\"model\": \"spark-1\", \"messages\": \"hi\"}|'messages' must be a non-empty array",
        "{\"model\": \"spark-1\", \"messages\": [{\"role\": \"bot\", \"content\": \"hi\"}]}|Invalid role \"bot\" in messages[0]",
        "{\"model\": \"spark-1\", \"messages\": [{\"role\": \"user\"}]}|messages[0].content must be a string",
        "{\"model\": \"spark-1\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 0}|'max_tokens': must be an integer between 1 and 4096 for spark-1",
        "{\"model\": \"spark-turbo\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"max_tokens\": 4097}|between 1 and 4096 for spark-turbo",
        "{\"model\": \"spark-1\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"temperature\": 2.1}|'temperature': must be a number between 0 and 2",
        "{\"model\": \"spark-1\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"stream\": \"true\"}|'stream': must be a boolean",
        "nonsense|Request body must be a JSON object",
    })
    void badRequestsAre400WithTheErrorObject(String body, String message) {
        HttpResponse<String> r = chat(body);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = error(r);
        assertThat(error.get("message").asText()).contains(message);
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void sparkProAllowsUpTo8192Tokens() {
        assertThat(chat("{\"model\": \"spark-pro\", \"messages\": [{\"role\": \"system\", \"content\": \"Be kind\"}, "
                + "{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"assistant\", \"content\": \"hello\"}, "
                + "{\"role\": \"user\", \"content\": \"more\"}], \"max_tokens\": 8192, \"temperature\": 0}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void starterPlanAllows30RequestsPerMinuteThen429WithRetryAfter() {
        SparkEmulator emu = EMULATOR.emulator();
        emu.clock().freeze();
        for (int i = 0; i < 30; i++) {
            assertThat(chat(HELLO + ", \"max_tokens\": 1}", "busy").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = chat(HELLO + ", \"max_tokens\": 1}", "busy");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(error(limited).get("type").asText()).isEqualTo("rate_limit_error");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);

        emu.sparkstream().keyPlan("busy", "pro");
        HttpResponse<String> pro = chat(HELLO + ", \"max_tokens\": 1}", "busy");
        assertThat(pro.statusCode()).isEqualTo(200);
        assertThat(pro.headers().firstValue("X-RateLimit-Limit")).hasValue("90");

        emu.clock().advance(Duration.ofSeconds(retryAfter));
        assertThat(chat(HELLO + ", \"max_tokens\": 1}", "busy").headers().firstValue("X-RateLimit-Remaining"))
                .hasValue("89");
    }

    @Test
    void aRequestOverTheTokenBudgetIs429() {
        SparkEmulator emu = EMULATOR.emulator();
        emu.clock().freeze();
        emu.sparkstream().plan("starter", new Plan(30, 40));

        HttpResponse<String> small = chat(HELLO + ", \"max_tokens\": 10}");
        assertThat(small.statusCode()).isEqualTo(200);
        int used = HttpAccess.json(small).get("usage").get("total_tokens").asInt();
        assertThat(small.headers().firstValue("X-RateLimit-Remaining-Tokens")).hasValue(String.valueOf(40 - used));

        HttpResponse<String> big = chat(HELLO + ", \"max_tokens\": 100}");
        assertThat(big.statusCode()).isEqualTo(429);
        assertThat(error(big).get("code").asText()).isEqualTo("tokens_limit_exceeded");
        assertThat(big.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void faultsWithoutBodyUseTheErrorObject() {
        EMULATOR.emulator().faults().add(Fault.respond(500).on(Provider.SPARKSTREAM).times(1));
        HttpResponse<String> r = chat(HELLO + "}");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(error(r).get("type").asText()).isEqualTo("server_error");
    }

    @Test
    void plansAreSettableOverTheControlApi() {
        HttpResponse<String> put = HttpAccess.put(EMULATOR.emulator().url() + "/_emulator/settings/sparkstream",
                "{\"keyPlans\": {\"vip\": \"pro\"}}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(chat(HELLO + "}", "vip").headers().firstValue("X-RateLimit-Limit")).hasValue("90");
        assertThat(HttpAccess.json(HttpAccess.get(EMULATOR.emulator().url() + "/_emulator/settings/sparkstream"))
                .get("plans").get("starter").get("tokensPerMinute").asInt()).isEqualTo(15000);
    }
}
