package dev.camelspark.emulator.neospark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.HttpAccess;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.media.PictureRenderer;
import dev.camelspark.emulator.media.PngEncoder;

/** Keys, the envelope on every answer, uploads and the user's images. */
class NeoSparkAccountTest extends NeoSparkTestSupport {

    private static final byte[] PNG = PngEncoder.encode(8, 8, PictureRenderer.render(8, 8, 1, false));

    NeoSparkAccountTest() {
        super(false);
    }

    private String url(String path) {
        return emu().baseUrl(Provider.NEOSPARK) + path;
    }

    @Test
    void theKeyIsAcceptedInAnyOfTheThreeWays() {
        String path = url("/drawing/models/config");

        assertThat(HttpAccess.get(path, "X-API-Key", "np_a").statusCode()).isEqualTo(200);
        assertThat(HttpAccess.get(path, "Authorization", "ApiKey np_a").statusCode()).isEqualTo(200);
        assertThat(HttpAccess.get(path, "Authorization", "Bearer eyJhbGciOi.temporary").statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingMalformedOrDeniedKeyIs401InTheEnvelope() {
        emu().neospark().deniedKeys(Set.of("np_revoked"));
        String path = url("/drawing/models/config");

        for (HttpResponse<String> r : java.util.List.of(HttpAccess.get(path),
                HttpAccess.get(path, "X-API-Key", "sk-not-neospark"),
                HttpAccess.get(path, "Authorization", "Basic dXNlcjpwYXNz"),
                HttpAccess.get(path, "X-API-Key", "np_revoked"))) {
            assertThat(r.statusCode()).isEqualTo(401);
            JsonNode body = HttpAccess.json(r);
            assertThat(body.get("code").asInt()).isEqualTo(401);
            assertThat(body.get("message").asText()).isEqualTo("Invalid or expired API Key");
            assertThat(body.get("data").isNull()).isTrue();
        }
    }

    @Test
    void unknownPathsAndInjectedFaultsAnswerInTheEnvelope() {
        emu().faults().add(Fault.respond(500).on(Provider.NEOSPARK).path("/api/v1/video/models").times(1));

        HttpResponse<String> fault = neo.get("/video/models");
        HttpResponse<String> unknown = neo.get("/nothing/here");

        assertThat(fault.statusCode()).isEqualTo(500);
        assertThat(HttpAccess.json(fault).get("code").asInt()).isEqualTo(500);
        assertThat(HttpAccess.json(fault).has("data")).isTrue();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(HttpAccess.json(unknown).get("code").asInt()).isEqualTo(404);
        assertThat(neo.get("/video/models").statusCode()).isEqualTo(200);
    }

    @Test
    void anUploadedImageGetsAnIdAndIsServedAtItsRelativeUrl() {
        HttpResponse<String> r = neo.upload("cat.png", PNG, "image");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode data = NeoSparkCalls.data(r);
        String id = data.get("upload_id").asText();
        assertThat(id).startsWith("up_");
        assertThat(data.get("url").asText()).isEqualTo("/uploads/1/refs/" + id + ".png");
        assertThat(data.get("filename").asText()).isEqualTo("cat.png");
        assertThat(data.get("size").asInt()).isEqualTo(PNG.length);
        assertThat(data.get("content_type").asText()).isEqualTo("image/png");

        HttpResponse<byte[]> served = HttpAccess.getBytes(neo.root() + data.get("url").asText());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(PNG);
        // the multipart body is in the request log like any other
        RecordedRequest logged = emu().requests(Provider.NEOSPARK).stream()
                .filter(q -> q.path().equals("/api/v1/storage/upload")).findFirst().orElseThrow();
        assertThat(logged.body()).contains("name=\"file_type\"").contains("filename=\"cat.png\"");
    }

    @Test
    void anUploadCanBeAReferenceOfItsOwnersGenerationsOnly() {
        String id = NeoSparkCalls.data(neo.upload("ref.png", PNG, null)).get("upload_id").asText();
        String body = "{\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"resolution\":\"1K\","
                + "\"aspect_ratio\":\"1:1\",\"ref_upload_id\":\"" + id + "\",\"strength\":0.4}";

        HttpResponse<String> mine = neo.post("/drawing/sessions/" + neo.newSession() + "/generate", body);
        NeoSparkCalls other = neo.as("np_other");
        HttpResponse<String> theirs = other.post("/drawing/sessions/" + other.newSession() + "/generate", body);

        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(theirs.statusCode()).isEqualTo(400);
        assertThat(NeoSparkCalls.message(theirs)).contains(id);
    }

    @Test
    void uploadsThatAreNotImagesOrHaveNoFileAreRefused() {
        HttpResponse<String> text = neo.upload("notes.txt", "hello".getBytes(), "image");
        HttpResponse<String> video = neo.upload("a.png", PNG, "video");
        HttpResponse<String> json = neo.post("/storage/upload", "{\"file\":\"a.png\"}");
        emu().neospark().maxUploadBytes(10);
        HttpResponse<String> big = neo.upload("a.png", PNG, "image");

        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(NeoSparkCalls.message(text)).contains("PNG, JPEG, WebP or GIF");
        assertThat(video.statusCode()).isEqualTo(400);
        assertThat(NeoSparkCalls.message(video)).contains("file_type");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(NeoSparkCalls.message(json)).contains("multipart/form-data");
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(NeoSparkCalls.message(big)).contains("too large");
    }

    @Test
    void userImagesListUploadsAndGeneratedImagesNewestFirst() {
        emu().clock().freeze();
        String upload = NeoSparkCalls.data(neo.upload("ref.png", PNG, "image")).get("upload_id").asText();
        emu().clock().advance(Duration.ofSeconds(1));
        String message = neo.generate("a generated one");
        neo.as("np_other").generate("not mine");
        emu().clock().advance(Duration.ofSeconds(5));

        JsonNode page = NeoSparkCalls.data(neo.get("/storage/user-images?limit=20&offset=0"));

        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("items").findValuesAsText("type")).containsExactly("generated", "upload");
        assertThat(page.get("items").get(0).get("message_id").asText()).isEqualTo(message);
        assertThat(page.get("items").get(1).get("id").asText()).isEqualTo(upload);
        assertThat(NeoSparkCalls.data(neo.get("/storage/user-images?limit=1&offset=1")).get("items"))
                .hasSize(1);
    }

    @Test
    void resetForgetsTasksSessionsUploadsAndBalances() {
        neo.generate("x");
        neo.upload("a.png", PNG, "image");

        emu().reset();

        assertThat(neo.balance()).isEqualTo(10_000);
        assertThat(NeoSparkCalls.data(neo.get("/drawing/sessions"))).isEmpty();
        assertThat(NeoSparkCalls.data(neo.get("/storage/user-images")).get("total").asInt()).isZero();
        assertThat(NeoSparkCalls.data(neo.get("/drawing/billing/history")).get("total").asInt()).isZero();
    }
}
