package dev.camelspark.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.media.PictureRenderer;
import dev.camelspark.emulator.media.PngEncoder;

/**
 * "Was this request made?" by path, header, query, operation, prompt and body matchers, from Java, the JUnit
 * extension and the control API; and stubs given as JSON over the control API.
 */
class RequestFindTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR =
            new SparkEmulatorExtension(SparkEmulator.builder().tokenDelay(Duration.ZERO));

    private static String control(String path) {
        return EMULATOR.emulator().url() + "/_emulator" + path;
    }

    private static void someTraffic() {
        String dyna = EMULATOR.baseUrl(Provider.DYNASPARK);
        HttpAccess.get(dyna + "/generate_response?user_input=" + HttpAccess.q("Tell me about camels") + "&api_key=k1");
        HttpAccess.get(dyna + "/generate_image?user_input=" + HttpAccess.q("A camel at dusk") + "&width=64&height=64");
        HttpAccess.post(EMULATOR.baseUrl(Provider.SPARKSTREAM) + "/v1/chat", "{\"model\":\"spark-pro\",\"messages\":"
                + "[{\"role\":\"system\",\"content\":\"Be brief\"},{\"role\":\"user\",\"content\":\"Hello camel\"}],"
                + "\"max_tokens\":50}", "Authorization", "Bearer sk-stream");
        HttpAccess.post(EMULATOR.baseUrl(Provider.NEOSPARK) + "/video/generations",
                "{\"prompt\":\"A corgi on the beach\",\"duration\":5}", "X-API-Key", "np_k");
    }

    @Test
    void findsByOperationPromptPathHeaderQueryAndBody() {
        someTraffic();
        RequestLog log = EMULATOR.emulator().requests();

        assertThat(log.find(RequestPattern.on(Provider.DYNASPARK).operation("image"))).singleElement()
                .satisfies(r -> assertThat(r.prompt()).isEqualTo("A camel at dusk"));
        assertThat(log.count(RequestPattern.any().prompt(Match.contains("camel").ignoringCase()))).isEqualTo(3);
        assertThat(log.count(RequestPattern.on(Provider.NEOSPARK).method("POST").path("/video/generations")))
                .isEqualTo(1);
        assertThat(log.count(RequestPattern.on(Provider.NEOSPARK).path("/api/v1/video/*"))).isEqualTo(1);
        assertThat(log.count(RequestPattern.on(Provider.DYNASPARK).query("api_key", Match.equalTo("k1")))).isEqualTo(1);
        assertThat(log.count(RequestPattern.on(Provider.DYNASPARK).query("api_key", Match.absent()))).isEqualTo(1);
        assertThat(log.count(RequestPattern.any().header("authorization", Match.matches("Bearer sk-.*")))).isEqualTo(1);
        assertThat(log.count(RequestPattern.any().header("X-API-Key", Match.absent()))).isEqualTo(3);

        RequestPattern chat = RequestPattern.on(Provider.SPARKSTREAM).operation("chat");
        assertThat(log.count(new RequestPattern(chat).body(Match.at("/model", Match.equalTo("spark-pro"))))).isEqualTo(1);
        assertThat(log.count(new RequestPattern(chat).body(Match.at("/messages/0/content", Match.contains("brief")))))
                .isEqualTo(1);
        assertThat(log.count(new RequestPattern(chat).body(Match.present("/stream")))).isZero();
        assertThat(log.count(new RequestPattern(chat).body(Match.at("/max_tokens", Match.equalToJson("50.0")))))
                .as("numbers by value").isEqualTo(1);
        assertThat(log.count(new RequestPattern(chat)
                .body(Match.equalToJson("{\"model\":\"spark-pro\",\"max_tokens\":50}").ignoringExtraElements())))
                .isEqualTo(1);
        assertThat(log.count(new RequestPattern(chat).body(Match.equalToJson("{\"model\":\"spark-pro\"}"))))
                .as("without ignoreExtraElements the whole body must be equal").isZero();
        assertThat(log.count(new RequestPattern(chat).body(Match.contains("spark-pro"))
                .body(Match.contains("spark-1")))).as("every body pattern must hold").isZero();
    }

    @Test
    void theExtensionVerifiesAndSaysWhatCameInstead() {
        someTraffic();
        EMULATOR.verify(RequestPattern.on(Provider.SPARKSTREAM).operation("chat").prompt(Match.equalTo("Hello camel")));
        EMULATOR.verify(2, RequestPattern.on(Provider.DYNASPARK));
        assertThat(EMULATOR.find(RequestPattern.on(Provider.NEOSPARK).operation("video"))).hasSize(1);

        assertThatThrownBy(() -> EMULATOR.verify(RequestPattern.on(Provider.DYNASPARK).operation("audio")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("\"operation\":\"audio\"")
                .hasMessageContaining("dynaspark GET /api/generate_image").hasMessageContaining("[image]")
                .hasMessageContaining("prompt 'A camel at dusk'")
                .hasMessageNotContaining("k1"); // keys redacted
        assertThatThrownBy(() -> EMULATOR.verify(3, RequestPattern.on(Provider.DYNASPARK)))
                .hasMessageContaining("Expected 3 request(s)").hasMessageContaining("but 2 matched");
        assertThatThrownBy(() -> EMULATOR.verify(RequestPattern.on(Provider.SPARKGPT)))
                .hasMessageContaining("no request to sparkgpt was received at all");
    }

    @Test
    void theControlApiFindsAndCounts() {
        someTraffic();
        HttpResponse<String> found = HttpAccess.post(control("/requests/find"), "{\"provider\":\"sparkstream\","
                + "\"operation\":\"chat\",\"headers\":{\"Authorization\":{\"equalTo\":\"Bearer sk-stream\"}},"
                + "\"bodyPatterns\":[{\"jsonPointer\":\"/model\",\"equalTo\":\"spark-pro\"}]}");
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode requests = HttpAccess.json(found).get("requests");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("operation").asText()).isEqualTo("chat");
        assertThat(requests.get(0).get("prompt").asText()).isEqualTo("Hello camel");

        assertThat(HttpAccess.json(HttpAccess.post(control("/requests/count"),
                "{\"prompt\":{\"contains\":\"camel\",\"caseInsensitive\":true}}")).get("count").asInt()).isEqualTo(3);
        assertThat(HttpAccess.json(HttpAccess.post(control("/requests/count"), "")).get("count").asInt()).isEqualTo(4);
        assertThat(HttpAccess.json(HttpAccess.post(control("/requests/count"),
                "{\"queryParameters\":{\"width\":{\"equalTo\":\"64\"}}}")).get("count").asInt()).isEqualTo(1);

        HttpResponse<String> bad = HttpAccess.post(control("/requests/find"), "{\"prompt\":{\"matches\":\"(\"}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(HttpAccess.json(bad).get("error").asText()).contains("regular expression");
        assertThat(HttpAccess.post(control("/requests/find"), "{\"promt\":{}}").statusCode()).isEqualTo(400);
    }

    @Test
    void theControlApiAddsListsAndRemovesStubs() {
        byte[] png = PngEncoder.encode(8, 8, PictureRenderer.render(8, 8, 3, false));
        HttpResponse<String> added = HttpAccess.post(control("/stubs"), "[{\"request\":{\"provider\":\"dynaspark\","
                + "\"operation\":\"text\",\"prompt\":{\"contains\":\"camel\"}},\"reply\":{\"text\":\"Humps store fat.\"},"
                + "\"times\":1},{\"request\":{\"provider\":\"dynaspark\",\"operation\":\"image\"},\"reply\":{\"image\":\""
                + Base64.getEncoder().encodeToString(png) + "\",\"contentType\":\"image/png\"}}]");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        List<String> ids = List.of(HttpAccess.json(added).get("ids").get(0).asText(),
                HttpAccess.json(added).get("ids").get(1).asText());

        JsonNode listed = HttpAccess.json(HttpAccess.get(control("/stubs")));
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(ids.get(0));
        assertThat(listed.get(0).get("remaining").asInt()).isEqualTo(1);
        assertThat(listed.get(0).at("/reply/text").asText()).isEqualTo("Humps store fat.");

        String dyna = EMULATOR.baseUrl(Provider.DYNASPARK);
        assertThat(HttpAccess.json(HttpAccess.get(dyna + "/generate_response?user_input=camel+humps"))
                .get("response").asText()).isEqualTo("Humps store fat.");
        JsonNode image = HttpAccess.json(HttpAccess.get(dyna + "/generate_image?user_input=anything"));
        assertThat(HttpAccess.getBytes(image.get("image_url").asText()).body()).isEqualTo(png);

        assertThat(HttpAccess.json(HttpAccess.get(control("/stubs")))).hasSize(1);
        assertThat(HttpAccess.delete(control("/stubs/" + ids.get(1))).statusCode()).isEqualTo(204);
        assertThat(HttpAccess.delete(control("/stubs/" + ids.get(1))).statusCode()).isEqualTo(404);

        HttpAccess.post(control("/stubs"), "{\"request\":{\"provider\":\"neospark\",\"operation\":\"video\"},"
                + "\"reply\":{\"status\":402,\"message\":\"Insufficient credits. Available: 0, Required: 130\"}}");
        HttpResponse<String> refused = HttpAccess.post(EMULATOR.baseUrl(Provider.NEOSPARK) + "/video/generations",
                "{\"prompt\":\"A corgi\",\"duration\":5}", "X-API-Key", "np_k");
        assertThat(refused.statusCode()).isEqualTo(402);
        assertThat(HttpAccess.json(refused).get("code").asInt()).isEqualTo(402);
        assertThat(HttpAccess.json(refused).get("message").asText()).startsWith("Insufficient credits");

        assertThat(HttpAccess.delete(control("/stubs")).statusCode()).isEqualTo(204);
        assertThat(EMULATOR.emulator().stubs().list()).isEmpty();
    }

    @Test
    void theControlApiRefusesStubsThatCouldNeverAnswer() {
        assertThat(HttpAccess.post(control("/stubs"), "{\"request\":{\"provider\":\"dynaspark\"}}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> wrongKind = HttpAccess.post(control("/stubs"),
                "{\"request\":{\"provider\":\"neospark\",\"operation\":\"video\"},\"reply\":{\"text\":\"x\"}}");
        assertThat(wrongKind.statusCode()).isEqualTo(400);
        assertThat(HttpAccess.json(wrongKind).get("error").asText()).contains("cannot answer operation 'video'");
        assertThat(HttpAccess.post(control("/stubs"), "{\"reply\":{\"text\":\"x\",\"status\":500}}").statusCode())
                .isEqualTo(400);
        assertThat(HttpAccess.post(control("/stubs"), "{\"reply\":{\"fault\":{\"type\":\"explode\"}}}").statusCode())
                .isEqualTo(400);
        assertThat(EMULATOR.emulator().stubs().list()).isEmpty();
    }
}
