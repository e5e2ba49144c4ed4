package dev.camelspark.emulator.sparkdream;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.HttpAccess;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.SparkEmulator;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.emulator.TaskRule;

class SparkDreamTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    private static final String KEY = "vtrix-key";

    @BeforeEach
    void freezeTime() {
        EMULATOR.emulator().clock().freeze();
    }

    private static SparkEmulator emu() {
        return EMULATOR.emulator();
    }

    private static SparkDreamSettings settings() {
        return emu().sparkdream();
    }

    private static HttpResponse<String> create(String body) {
        return create(emu(), body);
    }

    private static HttpResponse<String> create(SparkEmulator emulator, String body) {
        return HttpAccess.post(emulator.baseUrl(Provider.SPARKDREAM) + "/model/v1/generation", body,
                "Authorization", "Bearer " + KEY);
    }

    private static String nested(String params) {
        return "{\"model\":\"spark_dream_3_0\",\"input\":[{\"params\":{" + params + "}}]}";
    }

    private static JsonNode created(String params) {
        HttpResponse<String> r = create(nested(params));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return HttpAccess.json(r);
    }

    private static JsonNode task(String id) {
        HttpResponse<String> r = HttpAccess.get(EMULATOR.baseUrl(Provider.SPARKDREAM) + "/model/v1/generation/task/" + id,
                "Authorization", "Bearer " + KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return HttpAccess.json(r);
    }

    @Test
    void aTaskGoesPendingProcessingCompletedOnTheEmulatorClock() throws IOException {
        JsonNode t = created("\"prompt\":\"A lighthouse\",\"width\":640,\"height\":512,\"seed\":42");
        String id = t.get("id").asText();
        assertThat(id).startsWith("task-");
        assertThat(t.get("status").asText()).isEqualTo("pending");
        assertThat(t.get("model").asText()).isEqualTo("spark_dream_3_0");
        assertThat(t.get("created_at").isIntegralNumber()).isTrue();

        emu().clock().advance(Duration.ofMillis(1_000 + 2_000)); // 1 s pending, then half of 4 s processing
        JsonNode running = task(id);
        assertThat(running.get("status").asText()).isEqualTo("processing");
        assertThat(running.get("progress").asDouble()).isEqualTo(0.5);
        assertThat(running.has("output")).isFalse();

        emu().clock().advance(Duration.ofSeconds(2));
        JsonNode done = task(id);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("usage").get("cost").asText()).isEqualTo("0.0300");
        assertThat(done.get("metadata").get("seed").asLong()).isEqualTo(42);
        JsonNode image = done.get("output").get(0).get("content").get(0);
        assertThat(image.get("type").asText()).isEqualTo("image");
        assertThat(image.get("jobId").asText()).isNotBlank();

        // the CDN is the other loopback name: not the API's origin
        String url = image.get("url").asText();
        assertThat(URI.create(url).getHost()).isEqualTo("127.0.0.1");
        HttpResponse<byte[]> png = HttpAccess.getBytes(url);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(decoded.getWidth()).isEqualTo(640);
        assertThat(decoded.getHeight()).isEqualTo(512);
        RecordedRequest cdn = emu().requests(Provider.SPARKDREAM).stream()
                .filter(r -> r.path().startsWith("/cdn/")).findFirst().orElseThrow();
        assertThat(cdn.header("Authorization")).isNull();
    }

    @Test
    void flatParametersAreAcceptedAndDefaultsApply() throws IOException {
        HttpResponse<String> r = create("{\"model\":\"spark_dream_3_0\",\"prompt\":\"A fox\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        emu().clock().advance(Duration.ofSeconds(5));
        JsonNode done = task(HttpAccess.json(r).get("id").asText());
        assertThat(done.get("metadata").get("width").asInt()).isEqualTo(1328);
        assertThat(done.get("metadata").get("height").asInt()).isEqualTo(1328);
        assertThat(done.get("metadata").get("scale").asDouble()).isEqualTo(2.5);
        assertThat(done.get("metadata").get("seed").asLong()).isPositive();
    }

    @Test
    void theInProgressSwitchRenamesProcessing() {
        settings().inProgressStatus(true);
        String id = created("\"prompt\":\"x\"").get("id").asText();
        emu().clock().advance(Duration.ofSeconds(2));
        assertThat(task(id).get("status").asText()).isEqualTo("in_progress");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"width\":1024                               | 003019006",
            "\"prompt\":\"\"                              | 003019002",
            "\"use_pre_llm\":\"yes\"                      | 003019003",
            "\"seed\":0                                   | 003019004",
            "\"seed\":-2                                  | 003019004",
            "\"scale\":11                                 | 003019005",
            "\"width\":500,\"height\":600                 | 003019006",
            "\"width\":2048,\"height\":600                | 003019007" })
    void invalidParametersGiveAFailedTaskWithTheVendorsCode(String params, String code) {
        String body = params.contains("prompt") ? params : "\"prompt\":\"x\"," + params;
        JsonNode t = created(body);
        assertThat(t.get("status").asText()).isEqualTo("failed");
        assertThat(t.get("error").get("code").asText()).isEqualTo(code);
        assertThat(t.get("error").get("error_message").asText()).isNotBlank();
        // reading it later says the same
        assertThat(task(t.get("id").asText()).get("error").get("code").asText()).isEqualTo(code);
    }

    @Test
    void aMissingPromptIs001AndTheSwitchAnswersValidationWith400() {
        assertThat(created("\"seed\":5").get("error").get("code").asText()).isEqualTo("003019001");

        settings().validationAsHttp400(true);
        HttpResponse<String> r = create(nested("\"seed\":5"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(HttpAccess.json(r).get("error").get("code").asText()).isEqualTo("003019001");
    }

    @Test
    void taskRulesFailOrHoldTasksAndTheErrorShapeIsASetting() {
        emu().tasks().add(TaskRule.fail("003019095", "Internal generation error").whenPromptContains("storm").times(1));
        emu().tasks().add(TaskRule.stuck().whenPromptContains("forever"));
        String failing = created("\"prompt\":\"A Storm at sea\"").get("id").asText();
        String stuck = created("\"prompt\":\"wait forever\"").get("id").asText();
        String fine = created("\"prompt\":\"another storm\"").get("id").asText(); // the rule was used up

        emu().clock().advance(Duration.ofHours(1));
        JsonNode failed = task(failing);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").get("code").asText()).isEqualTo("003019095");
        assertThat(failed.get("error").get("error_message").asText()).isEqualTo("Internal generation error");
        assertThat(task(stuck).get("status").asText()).isEqualTo("processing");
        assertThat(task(fine).get("status").asText()).isEqualTo("completed");

        settings().errorShape(SparkDreamSettings.ErrorShape.MESSAGE);
        assertThat(task(failing).get("error").get("message").asText()).isEqualTo("Internal generation error");
        settings().errorShape(SparkDreamSettings.ErrorShape.STRING);
        assertThat(task(failing).get("error").asText()).isEqualTo("Internal generation error");
    }

    @Test
    void minimalTasksCarryOnlyWhatTheContractPromises() {
        settings().minimalTasks(true);
        emu().tasks().add(TaskRule.fail("003019095", "upstream generation failed").whenPromptContains("storm"));
        JsonNode created = created("\"prompt\":\"A lighthouse\"");
        assertThat(fieldNames(created)).containsExactly("id", "status");
        String failing = created("\"prompt\":\"A storm\"").get("id").asText();

        emu().clock().advance(Duration.ofHours(1));

        JsonNode done = task(created.get("id").asText());
        assertThat(fieldNames(done)).containsExactly("id", "status", "output");
        assertThat(fieldNames(done.get("output").get(0).get("content").get(0))).containsExactly("url");
        settings().errorShape(SparkDreamSettings.ErrorShape.STRING);
        JsonNode failed = task(failing);
        assertThat(fieldNames(failed)).containsExactly("id", "status", "error");
        assertThat(failed.get("error").asText()).isEqualTo("upstream generation failed");
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theBuilderAndTheEmulatorHaveTypedSparkDreamSettings() {
        try (SparkEmulator emulator = SparkEmulator.builder()
                .sparkdream(s -> s.durations(Duration.ZERO, Duration.ZERO)).build().start()) {
            assertThat(emulator.sparkdream()).isSameAs(emulator.settings(Provider.SPARKDREAM));
            assertThat(emulator.sparkdream().processing()).isZero();
            // the builder's durations are the ones the API runs tasks with
            assertThat(HttpAccess.json(create(emulator, nested("\"prompt\":\"at once\""))).get("status").asText())
                    .isEqualTo("completed");
            emulator.sparkdream().durations(Duration.ofHours(1), Duration.ZERO);
            assertThat(HttpAccess.json(create(emulator, nested("\"prompt\":\"later\""))).get("status").asText())
                    .isEqualTo("pending");
            emulator.reset();
            assertThat(emulator.sparkdream().pending()).isZero();
        }
    }

    @Test
    void aRuleCanSetTheTimeToCompletion() {
        emu().tasks().add(TaskRule.complete().after(Duration.ZERO).times(1));
        assertThat(created("\"prompt\":\"now\"").get("status").asText()).isEqualTo("completed");
    }

    @Test
    void aBalanceThatDoesNotCoverTheTaskGets403AndNoTask() {
        settings().balance(KEY, new BigDecimal("0.05"));
        assertThat(create(nested("\"prompt\":\"one\"")).statusCode()).isEqualTo(200);
        HttpResponse<String> second = create(nested("\"prompt\":\"two\""));
        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(HttpAccess.json(second).get("message").asText()).containsIgnoringCase("insufficient balance");
    }

    @Test
    void keysAreRequiredAndTasksBelongToTheirKey() {
        String url = EMULATOR.baseUrl(Provider.SPARKDREAM) + "/model/v1/generation";
        assertThat(HttpAccess.post(url, nested("\"prompt\":\"x\"")).statusCode()).isEqualTo(401);
        assertThat(HttpAccess.post(url, nested("\"prompt\":\"x\""), "Authorization", "Bearer invalid-key").statusCode())
                .isEqualTo(401);
        String id = created("\"prompt\":\"x\"").get("id").asText();
        assertThat(HttpAccess.get(EMULATOR.baseUrl(Provider.SPARKDREAM) + "/model/v1/generation/task/" + id,
                "Authorization", "Bearer someone-else").statusCode()).isEqualTo(404);
        assertThat(HttpAccess.post(url, "{\"model\":\"other\",\"prompt\":\"x\"}", "Authorization", "Bearer k")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void taskRulesOverTheControlApi() {
        String rules = EMULATOR.emulator().url() + "/_emulator/task-rules";
        HttpResponse<String> added = HttpAccess.post(rules,
                "{\"outcome\":\"fail\",\"provider\":\"sparkdream\",\"code\":\"003019096\",\"message\":\"bad\",\"times\":1}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(HttpAccess.json(HttpAccess.get(rules)).get(0).get("code").asText()).isEqualTo("003019096");
        assertThat(HttpAccess.post(rules, "{\"outcome\":\"explode\"}").statusCode()).isEqualTo(400);

        String id = created("\"prompt\":\"x\"").get("id").asText();
        emu().clock().advance(Duration.ofMinutes(1));
        assertThat(task(id).get("error").get("code").asText()).isEqualTo("003019096");
        assertThat(HttpAccess.json(HttpAccess.get(rules))).isEmpty();
    }
}
