package dev.camelspark.support;

import java.util.List;
import java.util.Map;

import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkOperationOptionsTest {

    private static final SparkOperationOptions OPTIONS = SparkOperationOptions.of("p")
            .only(List.of("image"), List.of("resolution", "sessionId"))
            .only(List.of("video"), List.of("videoResolution"))
            .only(List.of("tasks"), SparkOperationOptions.SCHEDULED_POLL)
            .instead("resolution", List.of("video"), "videoResolution")
            .alsoResults("sessionId")
            .build();
    private static final Map<String, String> HEADERS = Map.of("PResolution", "resolution", "PVideoResolution",
            "videoResolution", "PSessionId", "sessionId");

    @Test
    void unlistedOptionsApplyEverywhereListedOnesOnlyWhereDeclared() {
        assertThat(OPTIONS.applies("video", "apiKey")).isTrue();
        assertThat(OPTIONS.applies("image", "resolution")).isTrue();
        assertThat(OPTIONS.applies("video", "resolution")).isFalse();
        assertThat(OPTIONS.applies("video", "RESOLUTION")).as("URI options bind ignoring case").isFalse();
        assertThat(OPTIONS.applies("image", "scheduler.cron")).as("the scheduler's own properties").isFalse();
        assertThat(OPTIONS.applies("tasks", "scheduler.cron")).isTrue();
    }

    @Test
    void endpointOptionsAreRefusedWithTheOneToUseOrWhereTheyApply() {
        assertThatThrownBy(() -> OPTIONS.checkEndpoint("video", List.of("apiKey", "resolution")))
                .isInstanceOf(SparkValidationException.class)
                .hasMessage("p: option 'resolution' does nothing for operation 'video'; use 'videoResolution'");
        assertThatThrownBy(() -> OPTIONS.checkEndpoint("image", List.of("delay")))
                .hasMessage("p: option 'delay' does nothing for operation 'image'; it applies to p:tasks");
        assertThatCode(() -> OPTIONS.checkEndpoint("image", List.of("resolution", "apiKey"))).doesNotThrowAnyException();
        assertThatCode(() -> SparkOperationOptions.NONE.checkEndpoint("x", List.of("delay"))).doesNotThrowAnyException();
    }

    @Test
    void headersAreRefusedByNameExceptThoseThatAreAlsoResults() {
        Message message = new DefaultMessage(new DefaultCamelContext());
        message.setHeader("PSessionId", "s-1");
        assertThatCode(() -> OPTIONS.checkHeaders("video", message, HEADERS)).doesNotThrowAnyException();

        message.setHeader("PResolution", "2K");
        assertThatThrownBy(() -> OPTIONS.checkHeaders("video", message, HEADERS))
                .hasMessage("p: header PResolution (option 'resolution') does nothing for operation 'video'; use"
                            + " header PVideoResolution");
        assertThatCode(() -> OPTIONS.checkHeaders("image", message, HEADERS)).doesNotThrowAnyException();
    }
}
