package dev.camelspark.support.sse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What one event's data yields, per api-contracts.md. */
class SseChunkTest {

    @Test
    void deltaContent() {
        SseChunk chunk = SseChunk.parse("{\"id\":\"chat-1\",\"model\":\"spark-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}");
        assertThat(chunk.content()).isEqualTo("Hel");
        assertThat(chunk.id()).isEqualTo("chat-1");
        assertThat(chunk.model()).isEqualTo("spark-1");
        assertThat(chunk.error()).isNull();
    }

    @Test
    void messageContentWhenThereIsNoDelta() {
        assertThat(SseChunk.parse("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"whole\"}}]}").content())
                .isEqualTo("whole");
    }

    @Test
    void deltaWinsOverMessage() {
        assertThat(SseChunk.parse("{\"choices\":[{\"delta\":{\"content\":\"d\"},\"message\":{\"content\":\"m\"}}]}").content())
                .isEqualTo("d");
    }

    @Test
    void onlyTheFirstChoiceCounts() {
        assertThat(SseChunk.parse("{\"choices\":[{\"delta\":{\"content\":\"0\"}},{\"delta\":{\"content\":\"1\"}}]}").content())
                .isEqualTo("0");
    }

    @Test
    void plainTextIsTheContentItself() {
        assertThat(SseChunk.parse("just words").content()).isEqualTo("just words");
        assertThat(SseChunk.parse("{not json").content()).isEqualTo("{not json");
    }

    @Test
    void plainTextThatHappensToParseAsAJsonScalarIsStillText() {
        // a plain-text stream may send a token such as 42 or "quoted": it is content, not a document to dig into
        assertThat(SseChunk.parse("42").content()).isEqualTo("42");
        assertThat(SseChunk.parse("\"quoted\"").content()).isEqualTo("quoted");
    }

    @Test
    void roleOnlyChunkHasNoContent() {
        assertThat(SseChunk.parse("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}").content()).isNull();
    }

    @Test
    void finishReasonOnlyChunkHasNoContentButKeepsTheReasonAndUsage() {
        SseChunk chunk = SseChunk.parse("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                                        + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5,\"total_tokens\":8}}");
        assertThat(chunk.content()).isNull();
        assertThat(chunk.finishReason()).isEqualTo("stop");
        assertThat(chunk.usage().get("total_tokens").asInt()).isEqualTo(8);
    }

    @Test
    void emptyOrNullContentCountsAsNone() {
        assertThat(SseChunk.parse("{\"choices\":[{\"delta\":{\"content\":\"\"}}]}").content()).isNull();
        assertThat(SseChunk.parse("{\"choices\":[{\"delta\":{\"content\":null}}]}").content()).isNull();
        assertThat(SseChunk.parse("").content()).isNull();
    }

    @Test
    void jsonWithoutChoicesHasNoContent() {
        assertThat(SseChunk.parse("{\"id\":\"task-1\",\"status\":\"processing\"}").content()).isNull();
    }

    @Test
    void errorObjectOrStringIsReported() {
        assertThat(SseChunk.parse("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}").error())
                .isEqualTo("overloaded");
        assertThat(SseChunk.parse("{\"error\":\"quota gone\"}").error()).isEqualTo("quota gone");
        assertThat(SseChunk.parse("{\"error\":{\"code\":\"E1\"}}").error()).contains("E1");
        assertThat(SseChunk.parse("{\"error\":null,\"choices\":[{\"delta\":{\"content\":\"x\"}}]}").error()).isNull();
    }
}
