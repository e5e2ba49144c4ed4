package dev.camelspark.sparkdream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.task.TaskSnapshot;
import dev.camelspark.support.task.TaskState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How Spark Dream's task object is read, for the shapes the emulator does not produce by default. */
class SparkDreamTasksTest {

    private static TaskSnapshot read(String json) {
        JsonNode node = SparkJson.tryParse(json);
        return SparkDreamTasks.read(node);
    }

    @Test
    void onlyCompletedAndFailedAreFinalAndProgressIsAPercentage() {
        assertThat(read("{\"id\":\"t\",\"status\":\"queued_somewhere\",\"progress\":0.4}").state()).isEqualTo(TaskState.RUNNING);
        assertThat(read("{\"id\":\"t\",\"status\":\"in_progress\",\"progress\":0.456}").progress()).isEqualTo(46);
        assertThat(read("{\"id\":\"t\"}").state()).isEqualTo(TaskState.RUNNING);
        assertThat(read("{\"id\":\"t\",\"status\":\"cancelled\"}").state()).as("not a Spark Dream status: keep polling")
                .isEqualTo(TaskState.RUNNING);
        assertThat(read("{\"id\":\"t\",\"status\":\"completed\"}").state()).isEqualTo(TaskState.COMPLETED);
        assertThat(read("{\"id\":\"t\",\"status\":\"failed\"}").state()).isEqualTo(TaskState.FAILED);
    }

    @Test
    void aCompletedTaskGivesItsUrlsCostModelAndSeed() {
        TaskSnapshot s = read("{\"id\":\"t\",\"status\":\"completed\",\"model\":\"spark_dream_3_0\","
                + "\"output\":[{\"content\":[{\"type\":\"image\",\"url\":\"https://cdn.example/a.png\"},"
                + "{\"type\":\"image\",\"url\":\"https://cdn.example/b.png\"}]}],"
                + "\"usage\":{\"cost\":\"0.0300\",\"discount\":0},\"metadata\":{\"seed\":99}}");
        assertThat(s.mediaUrls()).containsExactly("https://cdn.example/a.png", "https://cdn.example/b.png");
        assertThat(s.cost()).isEqualByComparingTo("0.03");
        assertThat(s.resultHeaders()).containsEntry(SparkConstants.MODEL, "spark_dream_3_0")
                .containsEntry(SparkConstants.SEED, 99L);
        assertThat(read("{\"id\":\"t\",\"status\":\"completed\",\"usage\":{\"cost\":0.05}}").cost())
                .isEqualByComparingTo("0.05");
        assertThat(read("{\"id\":\"t\",\"status\":\"completed\",\"usage\":{\"cost\":\"n/a\"}}").cost()).isNull();
    }

    @Test
    void theThreeErrorShapes() {
        TaskSnapshot a = read("{\"id\":\"t\",\"status\":\"failed\",\"error\":{\"code\":\"003019095\",\"error_message\":\"Internal\"}}");
        TaskSnapshot b = read("{\"id\":\"t\",\"status\":\"failed\",\"error\":{\"code\":\"003019096\",\"message\":\"Parsing\"}}");
        TaskSnapshot c = read("{\"id\":\"t\",\"status\":\"failed\",\"error\":\"HTTP error response (003019097)\"}");
        TaskSnapshot d = read("{\"id\":\"t\",\"status\":\"failed\",\"error\":\"something broke\"}");
        assertThat(new String[] { a.errorCode(), a.errorMessage() }).containsExactly("003019095", "Internal");
        assertThat(new String[] { b.errorCode(), b.errorMessage() }).containsExactly("003019096", "Parsing");
        assertThat(new String[] { c.errorCode(), c.errorMessage() }).containsExactly("003019097", "HTTP error response (003019097)");
        assertThat(new String[] { d.errorCode(), d.errorMessage() }).containsExactly(null, "something broke");
    }
}
