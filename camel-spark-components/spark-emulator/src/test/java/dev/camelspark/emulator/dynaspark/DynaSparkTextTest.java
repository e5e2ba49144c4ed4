package dev.camelspark.emulator.dynaspark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.HttpAccess;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.emulator.core.Json;

class DynaSparkTextTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR =
            new SparkEmulatorExtension(SparkEmulator.builder().tokenDelay(Duration.ofMillis(2)));

    private String url(String query) {
        return EMULATOR.baseUrl(Provider.DYNASPARK) + "/generate_response?" + query;
    }

    @Test
    void answersTextWithModelAndUsageThatAddUp() {
        HttpResponse<String> r = HttpAccess.get(url("user_input=" + HttpAccess.q("What is artificial intelligence?")));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = HttpAccess.json(r);
        assertThat(body.get("response").asText()).containsIgnoringCase("artificial intelligence");
        assertThat(body.get("model").asText()).isEqualTo("default");
        JsonNode usage = body.get("usage");
        assertThat(usage.get("prompt_tokens").asInt()).isPositive();
        assertThat(usage.get("completion_tokens").asInt()).isPositive();
        assertThat(usage.get("total_tokens").asInt())
                .isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
    }

    @Test
    void sameInputsGiveTheSameAnswerAndSeedOrSystemChangeIt() {
        String q = "user_input=" + HttpAccess.q("Tell me about camels") + "&model=mistral&seed=7";
        String first = HttpAccess.json(HttpAccess.get(url(q))).get("response").asText();
        String again = HttpAccess.json(HttpAccess.get(url(q))).get("response").asText();
        String otherSeeds = "";
        for (int seed = 8; seed < 14; seed++) {
            otherSeeds += HttpAccess.json(HttpAccess.get(url(q.replace("seed=7", "seed=" + seed)))).get("response").asText();
        }

        assertThat(again).isEqualTo(first);
        assertThat(otherSeeds).doesNotContain(first);
        assertThat(HttpAccess.json(HttpAccess.get(url(q))).get("model").asText()).isEqualTo("mistral");
    }

    @Test
    void jsonTrueReturnsAJsonDocumentAsAString() {
        JsonNode body = HttpAccess.json(HttpAccess.get(url("user_input=" + HttpAccess.q("List 3 colors") + "&json=True")));

        assertThat(body.get("response").isTextual()).isTrue();
        JsonNode doc = Json.parseOrNull(body.get("response").asText());
        assertThat(doc).isNotNull();
        assertThat(doc.get("keywords").toString()).contains("colors");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", "TRUE", "1", "false", "False", "0"})
    void booleansAreCaseInsensitive(String value) {
        HttpResponse<String> r = HttpAccess.get(url("user_input=hi&private=" + value + "&json=" + value));
        assertThat(r.statusCode()).isEqualTo(200);
        boolean json = value.equalsIgnoreCase("true") || value.equals("1");
        assertThat(Json.parseOrNull(HttpAccess.json(r).get("response").asText()) != null).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "temperature, 3.5, 'temperature': must be a number between 0.0 and 3.0",
        "temperature, hot, 'temperature': must be a number between 0.0 and 3.0",
        "temperature, NaN, 'temperature': must be a number between 0.0 and 3.0",
        "top_p, 1.1, 'top_p': must be a number between 0.0 and 1.0",
        "top_p, -0.1, 'top_p': must be a number between 0.0 and 1.0",
        "presence_penalty, 2.5, 'presence_penalty': must be a number between -2.0 and 2.0",
        "frequency_penalty, -3, 'frequency_penalty': must be a number between -2.0 and 2.0",
        "seed, 1.5, 'seed': must be an integer",
        "json, yes, 'json': must be a boolean",
        "stream, maybe, 'stream': must be a boolean",
        "private, 2, 'private': must be a boolean",
        "voice, robot, 'voice': must be one of alloy, echo, fable, onyx, nova, shimmer",
    })
    void badParametersAre400NamingTheParameterAndRange(String name, String value, String message) {
        HttpResponse<String> r = HttpAccess.get(url("user_input=hi&" + name + "=" + HttpAccess.q(value)));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(HttpAccess.json(r).get("error").asText()).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "user_input=", "user_input=%20%20"})
    void userInputIsRequired(String query) {
        HttpResponse<String> r = HttpAccess.get(url(query));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(HttpAccess.json(r).get("error").asText()).isEqualTo("Missing required parameter 'user_input'");
    }

    @Test
    void acceptsParametersAtTheEdgesOfTheirRanges() {
        HttpResponse<String> r = HttpAccess.get(url("user_input=hi&temperature=3.0&top_p=0&presence_penalty=-2"
                + "&frequency_penalty=2.0&seed=-5&system=" + HttpAccess.q("Be brief") + "&referrer=test&voice=Nova"));
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void streamsOpenAiChunksThenDone() {
        HttpResponse<String> r = HttpAccess.get(url("user_input=" + HttpAccess.q("Explain streams") + "&stream=True&seed=3"));
        String whole = HttpAccess.json(HttpAccess.get(url("user_input=" + HttpAccess.q("Explain streams") + "&seed=3")))
                .get("response").asText();

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        List<JsonNode> events = HttpAccess.sseJsonThenDone(r.body());
        StringBuilder joined = new StringBuilder();
        String finish = null;
        for (JsonNode chunk : events) {
            assertThat(chunk.get("object").asText()).isEqualTo("chat.completion.chunk");
            JsonNode choice = chunk.get("choices").get(0);
            if (choice.get("delta").has("content")) {
                joined.append(choice.get("delta").get("content").asText());
            }
            if (!choice.get("finish_reason").isNull()) {
                finish = choice.get("finish_reason").asText();
            }
        }
        assertThat(joined.toString()).isEqualTo(whole);
        assertThat(finish).isEqualTo("stop");
    }

    @Test
    void streamArrivesIncrementally() throws Exception {
        SparkEmulator emu = EMULATOR.emulator();
        emu.dynaspark().tokenDelay(Duration.ofMillis(25));
        HttpResponse<InputStream> r = HttpAccess.stream(
                HttpAccess.request(url("user_input=" + HttpAccess.q("Write about rivers and mountains") + "&stream=true")).build());
        RecordedRequest recorded = emu.requests(Provider.DYNASPARK).get(0);
        List<String> events = new ArrayList<>();
        try (BufferedReader reader = HttpAccess.reader(r.body())) {
            events.add(HttpAccess.nextData(reader));
            // the first event is in our hands while the server is still writing the rest
            assertThat(recorded.completed()).isFalse();
            String d;
            while ((d = HttpAccess.nextData(reader)) != null) {
                events.add(d);
            }
        }
        assertThat(events.size()).isGreaterThan(10);
        assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
        HttpAccess.await(recorded::completed);
    }

    @Test
    void openAiAudioAnswersAValidMp3WhoseLengthFollowsTheText() {
        HttpResponse<byte[]> shortOne = HttpAccess.getBytes(url("user_input=hi&model=openai-audio&voice=nova"));
        HttpResponse<byte[]> longOne = HttpAccess.getBytes(url("user_input=" + HttpAccess.q(
                "Please explain in detail how the water cycle works, from evaporation to rain") + "&model=openai-audio"));

        assertThat(shortOne.statusCode()).isEqualTo(200);
        assertThat(shortOne.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        int shortFrames = dev.camelspark.emulator.Mp3Frames.count(shortOne.body());
        int longFrames = dev.camelspark.emulator.Mp3Frames.count(longOne.body());
        assertThat(shortFrames).isPositive();
        assertThat(longFrames).isGreaterThan(shortFrames);
    }

    @Test
    void audioRejectsUnknownVoice() {
        HttpResponse<String> r = HttpAccess.get(url("user_input=hi&model=openai-audio&voice=robot"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(HttpAccess.json(r).get("error").asText()).contains("voice");
    }

    @Test
    void anyKeyOrNoneIsAcceptedButDeniedKeysGet401() {
        assertThat(HttpAccess.get(url("user_input=hi")).statusCode()).isEqualTo(200);
        assertThat(HttpAccess.get(url("user_input=hi&api_key=anything")).statusCode()).isEqualTo(200);
        HttpResponse<String> denied = HttpAccess.get(url("user_input=hi&api_key=invalid-key"));
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(HttpAccess.json(denied).get("error").asText()).isNotBlank();

        EMULATOR.emulator().dynaspark().deniedKeys(List.of("revoked"));
        assertThat(HttpAccess.get(url("user_input=hi&api_key=revoked")).statusCode()).isEqualTo(401);
        assertThat(HttpAccess.get(url("user_input=hi&api_key=invalid-key")).statusCode()).isEqualTo(200);
    }

    @Test
    void statusPageLivesOutsideApi() {
        HttpResponse<String> r = HttpAccess.get(EMULATOR.emulator().url() + "/dynaspark/status");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(HttpAccess.json(r).get("status").asText()).isEqualTo("online");
    }
}
