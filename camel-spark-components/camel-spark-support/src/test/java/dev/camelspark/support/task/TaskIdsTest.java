package dev.camelspark.support.task;

import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskIdsTest {

    @ParameterizedTest
    @ValueSource(strings = { "task-0123abcd", "dm_42", "video_9f.x", " task-1 " })
    void idsOfTheServicesPass(String id) {
        assertThat(TaskIds.check("p", "task id", id)).isEqualTo(id.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = { "..", ".", "../balance", "a/b", "a?x=1", "a#f", "%2e%2e", "a b", "" })
    void idsThatCouldLeaveTheirPathSegmentAreRefusedNamingWhatAndValue(String id) {
        assertThatThrownBy(() -> TaskIds.check("p", "task id", id)).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("task id").hasMessageContaining("\"" + id + "\"");
    }

    @Test
    void anIdLongerThan200IsRefused() {
        assertThat(TaskIds.isSafe("a".repeat(200))).isTrue();
        assertThat(TaskIds.isSafe("a".repeat(201))).isFalse();
    }

    @Test
    void theBodyComesFirstThenTheHeader() {
        Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();
        message.setHeader(SparkConstants.TASK_ID, "from-header");
        assertThat(TaskIds.fromMessage(message, "p", "task id")).isEqualTo("from-header");
        message.setBody("from-body");
        assertThat(TaskIds.fromMessage(message, "p", "task id")).isEqualTo("from-body");
        message.setBody("../x");
        assertThatThrownBy(() -> TaskIds.fromMessage(message, "p", "task id"))
                .isInstanceOf(SparkValidationException.class).hasMessageContaining("body (task id)");
    }
}
