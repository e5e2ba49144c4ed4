package dev.camelspark.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.core.Json;
import dev.camelspark.emulator.media.PictureRenderer;
import dev.camelspark.emulator.media.PngEncoder;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;

/** Stubs answer given prompts and bodies with a given text, image, error, fault or task outcome, over real HTTP. */
class StubsTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension(SparkEmulator.builder()
            .tokenDelay(Duration.ZERO)
            .stub(Stub.on(Provider.SPARKGPT, "chat").prompt(Match.equalTo("ping")).replyText("pong")));

    /** A small real PNG, not the emulator's own picture. */
    private static final byte[] PNG = PngEncoder.encode(16, 8, PictureRenderer.render(16, 8, 7, false));

    private static SparkEmulator emu() {
        return EMULATOR.emulator();
    }

    private static String dynaText(String prompt) {
        return EMULATOR.baseUrl(Provider.DYNASPARK) + "/generate_response?user_input=" + HttpAccess.q(prompt);
    }

    private static HttpResponse<String> sparkstream(String body, String key) {
        return HttpAccess.post(EMULATOR.baseUrl(Provider.SPARKSTREAM) + "/v1/chat", body, "Authorization", "Bearer " + key);
    }

    private static HttpResponse<String> sparkgpt(String body) {
        return HttpAccess.post(EMULATOR.baseUrl(Provider.SPARKGPT) + "/api/askoutside", body, "Authorization", "Bearer k");
    }

    @Test
    void aTextStubAnswersTheMatchingPromptOnlyAndIsUsedUp() {
        emu().stubs().add(Stub.on(Provider.DYNASPARK, "text").prompt(Match.contains("camel").ignoringCase())
                .replyText("Camels store fat, not water, in their humps.").times(1));

        HttpResponse<String> stubbed = HttpAccess.get(dynaText("Why do Camels have humps?"));
        assertThat(HttpAccess.json(stubbed).get("response").asText())
                .isEqualTo("Camels store fat, not water, in their humps.");
        assertThat(HttpAccess.json(stubbed).get("usage").get("completion_tokens").asInt()).isPositive();
        assertThat(HttpAccess.json(HttpAccess.get(dynaText("Why do camels have humps?"))).get("response").asText())
                .as("used up: generated again").isNotEqualTo("Camels store fat, not water, in their humps.");
        assertThat(emu().stubs().list()).hasSize(1); // only the builder's
    }

    @Test
    void aStreamedCallStreamsTheStubbedText() {
        emu().stubs().add(Stub.on(Provider.DYNASPARK, "text").replyText("one two three"));
        String body = HttpAccess.get(dynaText("anything") + "&stream=true").body();
        StringBuilder joined = new StringBuilder();
        for (String data : HttpAccess.sseData(body)) {
            if (!data.equals("[DONE]")) {
                joined.append(Json.parseOrNull(data).at("/choices/0/delta/content").asText(""));
            }
        }
        assertThat(joined.toString()).isEqualTo("one two three");
    }

    @Test
    void anImageStubIsServedAtTheImageUrl() {
        emu().stubs().add(Stub.on(Provider.DYNASPARK, "image").prompt(Match.matches(".*sunset.*")).replyImage(PNG));

        JsonNode answer = HttpAccess.json(HttpAccess.get(EMULATOR.baseUrl(Provider.DYNASPARK)
                + "/generate_image?user_input=" + HttpAccess.q("A sunset over the sea") + "&seed=1"));
        HttpResponse<byte[]> image = HttpAccess.getBytes(answer.get("image_url").asText());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(PNG);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");

        JsonNode plain = HttpAccess.json(HttpAccess.get(EMULATOR.baseUrl(Provider.DYNASPARK)
                + "/generate_image?user_input=" + HttpAccess.q("A sunset over the sea") + "&seed=1&width=64&height=64"));
        assertThat(plain.get("image_url").asText()).isNotEqualTo(answer.get("image_url").asText());
    }

    @Test
    void aBodyMatcherPicksTheStub() {
        emu().stubs().add(Stub.on(Provider.SPARKGPT, "chat").body(Match.at("/model_id", Match.equalTo("2")))
                .replyText("Helpdesk here."));
        assertThat(HttpAccess.json(sparkgpt("{\"model_id\": 2, \"user\": \"hi\"}")).at("/message/content").asText())
                .isEqualTo("Helpdesk here.");
        assertThat(HttpAccess.json(sparkgpt("{\"model_id\": 1, \"user\": \"hi\"}")).at("/message/content").asText())
                .isNotEqualTo("Helpdesk here.");
        assertThat(HttpAccess.json(sparkgpt("{\"model_id\": 1, \"user\": \"ping\"}")).at("/message/content").asText())
                .as("the builder's stub").isEqualTo("pong");
    }

    @Test
    void aChatPromptIsItsLastUserMessageAndUsageFollowsTheStubbedText() {
        emu().stubs().add(Stub.on(Provider.SPARKSTREAM, "chat").prompt(Match.equalTo("And in French?"))
                .replyText("Bonjour !"));
        JsonNode out = HttpAccess.json(sparkstream("{\"model\":\"spark-1\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Say hello\"},{\"role\":\"assistant\",\"content\":\"Hello!\"},{\"role\":\"user\","
                + "\"content\":\"And in French?\"}]}", "k"));
        assertThat(out.at("/choices/0/message/content").asText()).isEqualTo("Bonjour !");
        assertThat(out.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(out.at("/usage/completion_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void anErrorReplyAnswersInTheProvidersFormatBeforeAnyCheck() {
        emu().stubs().add(Stub.on(Provider.SPARKSTREAM, "chat").prompt(Match.contains("forbidden topic"))
                .replyError(400, "Content policy violation"));
        HttpResponse<String> r = sparkstream("{\"model\":\"spark-1\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"a forbidden topic\"}]}", "invalid-key");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(HttpAccess.json(r).at("/error/message").asText()).isEqualTo("Content policy violation");
        assertThat(HttpAccess.json(r).at("/error/type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void contentStubsWaitForACallThatPassesTheProvidersChecks() {
        emu().stubs().add(Stub.on(Provider.SPARKSTREAM, "chat").replyText("stubbed").times(1));
        assertThat(sparkstream("{\"model\":\"spark-1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "invalid-key").statusCode()).isEqualTo(401);
        assertThat(sparkstream("{\"model\":\"nope\",\"messages\":[]}", "k").statusCode()).isEqualTo(400);
        assertThat(HttpAccess.json(sparkstream("{\"model\":\"spark-1\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]}", "k")).at("/choices/0/message/content").asText()).isEqualTo("stubbed");
    }

    @Test
    void aFaultReplyResetsAndAStreamFaultWaitsForAStream() {
        // every time: java.net.http quietly resends a GET whose connection closed before an answer
        String reset = emu().stubs().add(Stub.on(Provider.DYNASPARK, "text").prompt(Match.equalTo("reset me"))
                .replyFault(Fault.resetConnection()));
        assertThatThrownBy(() -> HttpAccess.get(dynaText("reset me"))).isInstanceOf(UncheckedIOException.class);
        assertThat(emu().stubs().remove(reset)).isTrue();
        assertThat(HttpAccess.get(dynaText("reset me")).statusCode()).isEqualTo(200);

        emu().stubs().add(Stub.on(Provider.DYNASPARK, "text").replyFault(Fault.cutStreamAfter(1)).times(1));
        assertThat(HttpAccess.get(dynaText("plain call")).statusCode()).isEqualTo(200);
        String cut = HttpAccess.get(dynaText("a long answer please") + "&stream=true").body();
        assertThat(HttpAccess.sseData(cut)).hasSize(1).doesNotContain("[DONE]");
    }

    @Test
    void aTextStubWithoutOperationNeverAnswersAnImageCall() {
        emu().stubs().add(Stub.when(RequestPattern.on(Provider.DYNASPARK)).replyText("words").times(1));
        JsonNode image = HttpAccess.json(HttpAccess.get(EMULATOR.baseUrl(Provider.DYNASPARK)
                + "/generate_image?user_input=x&width=64&height=64"));
        assertThat(image.has("image_url")).isTrue();
        assertThat(emu().stubs().list()).hasSize(2);
        assertThat(HttpAccess.json(HttpAccess.get(dynaText("x"))).get("response").asText()).isEqualTo("words");
    }

    @Test
    void aSparkDreamTaskCompletesWithTheStubbedImageOrFailsAsTheStubSays() {
        emu().settings(Provider.SPARKDREAM, SparkDreamSettings.class).durations(Duration.ZERO, Duration.ZERO);
        emu().stubs().add(Stub.on(Provider.SPARKDREAM, "generate").prompt(Match.contains("lighthouse")).replyImage(PNG));
        emu().stubs().add(Stub.on(Provider.SPARKDREAM, "generate").prompt(Match.contains("storm"))
                .replyTask(TaskRule.fail("003019095", "Internal generation error")));

        JsonNode done = sparkDreamTask("A lighthouse at dawn");
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(HttpAccess.getBytes(done.at("/output/0/content/0/url").asText()).body()).isEqualTo(PNG);

        JsonNode failed = sparkDreamTask("A storm at sea");
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.at("/error/code").asText()).isEqualTo("003019095");
    }

    private static JsonNode sparkDreamTask(String prompt) {
        String base = EMULATOR.baseUrl(Provider.SPARKDREAM);
        JsonNode created = HttpAccess.json(HttpAccess.post(base + "/model/v1/generation", "{\"model\":\"spark_dream_3_0\","
                + "\"input\":[{\"params\":{\"prompt\":\"" + prompt + "\"}}]}", "Authorization", "Bearer vtrix"));
        return HttpAccess.json(HttpAccess.get(base + "/model/v1/generation/task/" + created.get("id").asText(),
                "Authorization", "Bearer vtrix"));
    }

    @Test
    void aNeoSparkVideoTaskFailsAsTheStubSays() {
        emu().neospark().taskTimes(Duration.ZERO, Duration.ZERO);
        emu().stubs().add(Stub.on(Provider.NEOSPARK, "video").prompt(Match.contains("corgi"))
                .replyTask(TaskRule.fail("CONTENT_POLICY", "Prompt rejected")));
        String base = EMULATOR.baseUrl(Provider.NEOSPARK);
        JsonNode created = HttpAccess.json(HttpAccess.post(base + "/video/generations",
                "{\"prompt\":\"A corgi on the beach\",\"duration\":5}", "X-API-Key", "np_k"));
        JsonNode task = HttpAccess.json(HttpAccess.get(base + "/video/generations/"
                + created.at("/data/task_id").asText(), "X-API-Key", "np_k"));
        assertThat(task.at("/data/status").asText()).isEqualTo("failed");
        assertThat(task.at("/data/error_code").asText()).isEqualTo("CONTENT_POLICY");
        assertThat(task.at("/data/error_msg").asText()).isEqualTo("Prompt rejected");
    }

    @Test
    void stubsThatCouldNeverAnswerAreRefusedWhenAdded() {
        assertThatThrownBy(() -> emu().stubs().add(Stub.on(Provider.DYNASPARK, "paint").replyText("x")))
                .hasMessageContaining("unknown operation 'paint' of dynaspark").hasMessageContaining("image, text");
        assertThatThrownBy(() -> emu().stubs().add(Stub.on(Provider.DYNASPARK, "image").replyText("x")))
                .hasMessageContaining("a text reply cannot answer operation 'image'").hasMessageContaining("image, ");
        assertThatThrownBy(() -> emu().stubs().add(Stub.on(Provider.NEOSPARK, "video").replyImage(PNG)))
                .hasMessageContaining("takes task, error or fault");
        assertThatThrownBy(() -> emu().stubs().add(Stub.on(Provider.DYNASPARK, "text")))
                .hasMessageContaining("needs a reply");
        assertThatThrownBy(() -> emu().stubs().add(Stub.on(Provider.DYNASPARK, "text")
                .prompt(Match.matches("(unclosed")).replyText("x"))).hasMessageContaining("regular expression");
        assertThatThrownBy(() -> emu().stubs().add(Stub.on(Provider.DYNASPARK, "text")
                .replyFault(Fault.respond(503).path("/x")))).hasMessageContaining("the stub says which requests");
    }

    @Test
    void theBuildersStubsSurviveAReset() {
        emu().stubs().add(Stub.on(Provider.DYNASPARK, "text").replyText("mine"));
        emu().reset();
        assertThat(emu().stubs().list()).hasSize(1)
                .allSatisfy(a -> assertThat(a.rule().reply().text()).isEqualTo("pong"));
    }

}
