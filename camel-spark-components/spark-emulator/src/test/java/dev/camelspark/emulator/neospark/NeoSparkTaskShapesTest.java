package dev.camelspark.emulator.neospark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.TaskRule;

/** The switches minimalTasks and errorShape, over real HTTP. */
class NeoSparkTaskShapesTest extends NeoSparkTestSupport {

    NeoSparkTaskShapesTest() {
        super(true);
    }

    @BeforeEach
    void setUp() {
        emu().neospark().minimalTasks(true);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void minimalImageTasksCarryOnlyIdStatusImagesAndFailure() {
        emu().tasks().add(TaskRule.fail("GEN_500", "The model refused").on(Provider.NEOSPARK).whenPromptContains("no"));
        JsonNode created = NeoSparkCalls.data(neo.post("/drawing/sessions/" + neo.newSession() + "/generate",
                "{\"prompt\":\"a cat\",\"model\":\"gemini-3.1-flash-image-preview\",\"resolution\":\"1K\","
                        + "\"aspect_ratio\":\"1:1\"}"));
        assertThat(fields(created)).containsExactly("message_id", "status");
        String id = created.get("message_id").asText();
        String failing = neo.generate("no cats");
        assertThat(fields(NeoSparkCalls.data(neo.get("/drawing/messages/" + id)))).containsExactly("message_id", "status");

        emu().clock().advance(Duration.ofSeconds(10));

        JsonNode done = NeoSparkCalls.data(neo.get("/drawing/messages/" + id));
        assertThat(fields(done)).containsExactly("message_id", "status", "images");
        assertThat(fields(done.get("images").get(0))).containsExactly("url");
        JsonNode failed = NeoSparkCalls.data(neo.get("/drawing/messages/" + failing));
        assertThat(fields(failed)).containsExactly("message_id", "status", "error_msg");
        assertThat(failed.get("error_msg").asText()).isEqualTo("The model refused");
    }

    @Test
    void minimalVideoTasksCarryOnlyIdStatusUrlAndFailure() {
        emu().tasks().add(TaskRule.fail(null, "Upstream failed").on(Provider.NEOSPARK).whenPromptContains("no"));
        JsonNode created = NeoSparkCalls.data(neo.post("/video/generations", "{\"prompt\":\"a corgi\"}"));
        assertThat(fields(created)).containsExactly("task_id", "status");
        String id = created.get("task_id").asText();
        String failing = NeoSparkCalls.data(neo.post("/video/generations", "{\"prompt\":\"no corgi\"}"))
                .get("task_id").asText();

        emu().clock().advance(Duration.ofMinutes(5));

        assertThat(fields(NeoSparkCalls.data(neo.get("/video/generations/" + id))))
                .containsExactly("task_id", "status", "video_url");
        assertThat(fields(NeoSparkCalls.data(neo.get("/video/generations/" + failing))))
                .containsExactly("task_id", "status", "error_msg");
    }

    @Test
    void theFailureComesInTheShapeOfErrorShape() {
        emu().neospark().minimalTasks(false);
        emu().tasks().add(TaskRule.fail("GEN_500", "The model refused").on(Provider.NEOSPARK));
        String id = NeoSparkCalls.data(neo.post("/video/generations", "{\"prompt\":\"a corgi\"}")).get("task_id").asText();
        emu().clock().advance(Duration.ofMinutes(5));

        JsonNode contract = NeoSparkCalls.data(neo.get("/video/generations/" + id));
        assertThat(contract.get("error_msg").asText()).isEqualTo("The model refused");
        assertThat(contract.get("error_code").asText()).isEqualTo("GEN_500");
        assertThat(contract.has("error")).isFalse();

        emu().neospark().errorShape(NeoSparkSettings.ErrorShape.ERROR_MESSAGE);
        JsonNode errorMessage = NeoSparkCalls.data(neo.get("/video/generations/" + id)).get("error");
        assertThat(errorMessage.get("code").asText()).isEqualTo("GEN_500");
        assertThat(errorMessage.get("error_message").asText()).isEqualTo("The model refused");

        emu().neospark().errorShape(NeoSparkSettings.ErrorShape.MESSAGE);
        assertThat(NeoSparkCalls.data(neo.get("/video/generations/" + id)).get("error").get("message").asText())
                .isEqualTo("The model refused");

        emu().neospark().errorShape(NeoSparkSettings.ErrorShape.STRING);
        JsonNode string = NeoSparkCalls.data(neo.get("/video/generations/" + id));
        assertThat(string.get("error").asText()).isEqualTo("The model refused");
        assertThat(string.has("error_msg")).isFalse();
    }
}
