package dev.camelspark.emulator.neospark;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.HttpAccess;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.TaskRule;

class NeoSparkImageTest extends NeoSparkTestSupport {

    NeoSparkImageTest() {
        super(true);
    }

    @Test
    void modelsConfigListsTheVendorsModelsWithResolutionsAndPrices() {
        JsonNode models = NeoSparkCalls.data(neo.get("/drawing/models/config"));

        assertThat(models.fieldNames()).toIterable().containsExactly("gemini-3-pro-image-preview",
                "gemini-3.1-flash-image-preview", "gemini-2.5-flash-image", "gpt-image-2");
        JsonNode flash = models.get("gemini-3.1-flash-image-preview");
        assertThat(flash.get("provider").asText()).isEqualTo("gemini");
        assertThat(flash.get("supported_resolutions").findValuesAsText("value")).containsExactly("512", "1K", "2K", "4K");
        assertThat(flash.get("supported_resolutions").findValues("price")).extracting(JsonNode::asInt)
                .containsExactly(4, 7, 7, 13);
        assertThat(flash.get("supported_aspect_ratios").findValuesAsText("value")).contains("1:1", "16:9", "9:16",
                "4:3", "3:4");
        assertThat(flash.get("supports_image_to_image").asBoolean()).isTrue();
        JsonNode gpt = models.get("gpt-image-2");
        assertThat(gpt.get("provider").asText()).isEqualTo("openai");
        assertThat(gpt.get("supported_resolutions").get(1).get("price").asInt()).isEqualTo(4);
        assertThat(gpt.get("supported_resolutions").get(1).get("price_high").asInt()).isEqualTo(7);
        assertThat(models.get("gemini-3-pro-image-preview").get("supported_resolutions").findValuesAsText("value"))
                .containsExactly("1K", "2K", "4K");
    }

    @Test
    void anImageGoesPendingThenGeneratingThenCompletedOnTheEmulatorClock() throws Exception {
        String session = neo.newSession();
        HttpResponse<String> created = neo.post("/drawing/sessions/" + session + "/generate",
                "{\"prompt\":\"A cute cat on a windowsill\",\"model\":\"gemini-3.1-flash-image-preview\","
                        + "\"resolution\":\"1K\",\"aspect_ratio\":\"16:9\",\"num_images\":2,\"provider\":\"gemini\","
                        + "\"optimize_prompt\":true}");

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode task = NeoSparkCalls.data(created);
        String id = task.get("message_id").asText();
        assertThat(id).matches("dm_[0-9a-f]+");
        assertThat(task.get("status").asText()).isEqualTo("pending");
        assertThat(task.get("estimated_cost").asInt()).isEqualTo(14);
        assertThat(status(id).get("status").asText()).isEqualTo("pending");

        emu().clock().advance(Duration.ofSeconds(1));
        assertThat(status(id).get("status").asText()).isEqualTo("generating");
        assertThat(status(id).get("images")).isEmpty();

        emu().clock().advance(Duration.ofSeconds(4));
        JsonNode done = status(id);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("actual_cost").asInt()).isEqualTo(14);
        assertThat(done.get("generation_time").asDouble()).isEqualTo(4.0);
        assertThat(done.get("completed_at").asText()).isNotBlank();
        assertThat(done.get("images")).hasSize(2);
        String url = done.get("images").get(0).get("url").asText();
        assertThat(url).matches("/uploads/1/images/\\d{4}/\\d{2}/\\d{2}/" + id + "_0\\.png");

        HttpResponse<byte[]> png = HttpAccess.getBytes(neo.root() + url);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(image.getHeight()).isEqualTo(576);
        assertThat(HttpAccess.getBytes(neo.root() + url.replace("_0.png", "_2.png")).statusCode()).isEqualTo(404);
    }

    @Test
    void imagesAreNotServedBeforeTheTaskCompletes() {
        String id = neo.generate("a lighthouse");
        String url = "/uploads/1/images/" + java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd")
                .withZone(java.time.ZoneOffset.UTC).format(emu().clock().now()) + "/" + id + "_0.png";

        HttpResponse<byte[]> early = HttpAccess.getBytes(neo.root() + url);
        emu().clock().advance(Duration.ofSeconds(5));
        HttpResponse<byte[]> late = HttpAccess.getBytes(neo.root() + url);

        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(late.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gemini-3-pro-image-preview|4K|3|                           |54",
            "gemini-3.1-flash-image-preview|512|4|                      |16",
            "gemini-2.5-flash-image|1K|1|                               |6",
            "gpt-image-2|1K|2|,\"quality\":\"high\",\"provider\":\"openai\"|14",
            "gpt-image-2|4K|1|,\"provider\":\"tengda\"                  |13" })
    void estimatedCostIsTheUnitPriceTimesTheNumberOfImages(String model, String resolution, int n, String extra,
            int cost) {
        HttpResponse<String> r = neo.post("/drawing/sessions/" + neo.newSession() + "/generate",
                "{\"prompt\":\"x\",\"model\":\"" + model + "\",\"resolution\":\"" + resolution
                        + "\",\"aspect_ratio\":\"1:1\",\"num_images\":" + n + (extra == null ? "" : extra.trim()) + "}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(NeoSparkCalls.data(r).get("estimated_cost").asInt()).isEqualTo(cost);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"model\":\"gemini-3.1-flash-image-preview\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\"|prompt",
            "\"prompt\":\"x\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\"|model",
            "\"prompt\":\"x\",\"model\":\"dall-e-3\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\"|gemini-3-pro-image-preview, gemini-3.1-flash",
            "\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"resolution\":\"512\",\"aspect_ratio\":\"1:1\"|supports 1K, 2K, 4K",
            "\"prompt\":\"x\",\"model\":\"gemini-2.5-flash-image\",\"resolution\":\"3K\",\"aspect_ratio\":\"1:1\"|supports 1K",
            "\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"aspect_ratio\":\"1:1\"|resolution",
            "\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"resolution\":\"1K\"|aspect_ratio",
            "\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"resolution\":\"1K\",\"aspect_ratio\":\"5:1\"|aspect_ratio",
            "\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\",\"num_images\":5|between 1 and 4",
            "\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\",\"num_images\":0|num_images",
            "\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\",\"strength\":1.5|strength",
            "\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\",\"provider\":\"dalle\"|gemini, openai, tengda",
            "\"prompt\":\"x\",\"model\":\"gpt-image-2\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\",\"provider\":\"gemini\"|served by openai",
            "\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\",\"quality\":\"high\"|only supported by gpt-image-2",
            "\"prompt\":\"x\",\"model\":\"gpt-image-2\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\",\"quality\":\"ultra\"|standard, high",
            "\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\",\"optimize_prompt\":\"maybe\"|optimize_prompt",
            "\"prompt\":\"x\",\"model\":\"gemini-2.5-flash-image\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\",\"ref_image_paths\":[\"/uploads/1/a.png\",\"/uploads/1/b.png\"]|at most 1" })
    void everyParameterIsChecked(String fields, String expected) {
        HttpResponse<String> r = neo.post("/drawing/sessions/" + neo.newSession() + "/generate", "{" + fields + "}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(NeoSparkCalls.data(r).isNull()).isTrue();
        assertThat(NeoSparkCalls.message(r)).contains(expected);
        assertThat(neo.balance()).isEqualTo(10_000);
    }

    @Test
    void atMostFourteenReferenceUploads() {
        String ids = String.join(",", Collections.nCopies(15, "\"up_x\""));
        HttpResponse<String> r = neo.post("/drawing/sessions/" + neo.newSession() + "/generate",
                "{\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"resolution\":\"1K\","
                        + "\"aspect_ratio\":\"1:1\",\"ref_upload_ids\":[" + ids + "]}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(NeoSparkCalls.message(r)).contains("ref_upload_ids").contains("at most 14");
    }

    @Test
    void unknownSessionOrMessageIs404InTheEnvelope() {
        HttpResponse<String> generate = neo.post("/drawing/sessions/ds_nope/generate",
                "{\"prompt\":\"x\",\"model\":\"gemini-2.5-flash-image\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\"}");
        HttpResponse<String> status = neo.get("/drawing/messages/dm_0000000000_assistant");

        assertThat(generate.statusCode()).isEqualTo(404);
        assertThat(NeoSparkCalls.message(generate)).contains("Session not found");
        assertThat(status.statusCode()).isEqualTo(404);
        assertThat(NeoSparkCalls.data(status).isNull()).isTrue();
    }

    @Test
    void anotherKeyCannotSeeTheMessage() {
        String id = neo.generate("mine");

        assertThat(neo.as("np_someone_else").get("/drawing/messages/" + id).statusCode()).isEqualTo(404);
        assertThat(neo.get("/drawing/messages/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void aFailureRuleFailsTheTaskWithItsCodeAndMessageAndRefundsIt() {
        emu().tasks().add(TaskRule.fail("GEN_500", "The model refused").on(Provider.NEOSPARK).times(1));
        String failed = neo.generate("first");
        String fine = neo.generate("second");

        emu().clock().advance(Duration.ofSeconds(5));

        JsonNode f = status(failed);
        assertThat(f.get("status").asText()).isEqualTo("failed");
        assertThat(f.get("error_msg").asText()).isEqualTo("The model refused");
        assertThat(f.get("error_code").asText()).isEqualTo("GEN_500");
        assertThat(f.get("actual_cost").asInt()).isZero();
        assertThat(status(fine).get("status").asText()).isEqualTo("completed");

        JsonNode billing = NeoSparkCalls.data(neo.get("/drawing/billing/history"));
        assertThat(billing.get("total").asInt()).isEqualTo(3);
        JsonNode refund = billing.get("transactions").get(0);
        assertThat(refund.get("type").asText()).isEqualTo("refund");
        assertThat(refund.get("amount").asInt()).isEqualTo(4);
        assertThat(refund.get("reference_id").asText()).isEqualTo(failed);
        assertThat(billing.get("balance").asLong()).isEqualTo(10_000 - 4);
    }

    @Test
    void aStuckTaskNeverEnds() {
        emu().tasks().add(TaskRule.stuck().on(Provider.NEOSPARK).whenPromptContains("forever"));
        String id = neo.generate("forever");

        emu().clock().advance(Duration.ofHours(6));

        JsonNode stuck = status(id);
        assertThat(stuck.get("status").asText()).isEqualTo("generating");
        assertThat(stuck.get("images")).isEmpty();
    }

    @Test
    void aShortBalanceIs402WithTheVendorsMessageAndCreatesNothing() {
        emu().neospark().balance(NeoSparkCalls.KEY, 5);

        HttpResponse<String> r = neo.post("/drawing/sessions/" + neo.newSession() + "/generate",
                "{\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\"}");

        assertThat(r.statusCode()).isEqualTo(402);
        assertThat(NeoSparkCalls.message(r)).isEqualTo("Insufficient credits. Available: 5, Required: 13");
        assertThat(NeoSparkCalls.data(r).isNull()).isTrue();
        assertThat(neo.balance()).isEqualTo(5);
        assertThat(NeoSparkCalls.data(neo.get("/drawing/billing/history")).get("total").asInt()).isZero();
    }

    @Test
    void everyChargeIsATransactionWithBalancesBeforeAndAfter() {
        neo.generate("one");
        neo.generate("two");

        JsonNode billing = NeoSparkCalls.data(neo.get("/drawing/billing/history?limit=1&type=consume"));

        assertThat(billing.get("total").asInt()).isEqualTo(2);
        assertThat(billing.get("limit").asInt()).isEqualTo(1);
        JsonNode latest = billing.get("transactions").get(0);
        assertThat(billing.get("transactions")).hasSize(1);
        assertThat(latest.get("amount").asInt()).isEqualTo(-4);
        assertThat(latest.get("balance_before").asInt()).isEqualTo(9_996);
        assertThat(latest.get("balance_after").asInt()).isEqualTo(9_992);
        assertThat(latest.get("description").asText()).contains("gemini-3.1-flash-image-preview");
        assertThat(NeoSparkCalls.data(neo.get("/drawing/billing/history?type=refund")).get("total").asInt()).isZero();
    }

    @Test
    void sessionsAreCreatedListedAndDeleted() {
        JsonNode created = NeoSparkCalls.data(neo.post("/drawing/sessions", "{\"title\":\"My Creation\"}"));
        String id = created.get("session_id").asText();
        assertThat(created.get("title").asText()).isEqualTo("My Creation");
        assertThat(created.get("created_at").asText()).isNotBlank();
        neo.newSession();
        assertThat(NeoSparkCalls.data(neo.post("/drawing/sessions", "")).get("session_id").asText()).isNotBlank();

        JsonNode list = NeoSparkCalls.data(neo.get("/drawing/sessions?limit=2&offset=1"));
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(2);
        assertThat(list.get(1).get("session_id").asText()).isEqualTo(id);
        assertThat(NeoSparkCalls.data(neo.as("np_other").get("/drawing/sessions"))).isEmpty();

        assertThat(neo.delete("/drawing/sessions/" + id).statusCode()).isEqualTo(200);
        assertThat(neo.delete("/drawing/sessions/" + id).statusCode()).isEqualTo(404);
        assertThat(NeoSparkCalls.data(neo.get("/drawing/sessions"))).hasSize(2);
        assertThat(neo.get("/drawing/sessions?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void aReferencePathOnAnUnreachableHostIs502AndCostsNothing() {
        HttpResponse<String> r = neo.post("/drawing/sessions/" + neo.newSession() + "/generate",
                "{\"prompt\":\"x\",\"model\":\"gemini-3-pro-image-preview\",\"resolution\":\"1K\",\"aspect_ratio\":\"1:1\","
                        + "\"ref_image_paths\":[\"https://cdn.unreachable.invalid/a.png\"]}");

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(NeoSparkCalls.message(r)).contains("ref_image_paths").contains("cdn.unreachable.invalid");
        assertThat(neo.balance()).isEqualTo(10_000);
    }

    private JsonNode status(String id) {
        HttpResponse<String> r = neo.get("/drawing/messages/" + id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return NeoSparkCalls.data(r);
    }
}
