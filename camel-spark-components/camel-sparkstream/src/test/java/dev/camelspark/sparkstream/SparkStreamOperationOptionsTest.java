package dev.camelspark.sparkstream;

import dev.camelspark.support.testing.RouteStarts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** sparkstream has one operation, chat, which takes every option; consumer options do nothing and are refused. */
class SparkStreamOperationOptionsTest {

    @Test
    void aScheduledPollOptionFailsAtStart() {
        assertThatThrownBy(() -> RouteStarts.to("sparkstream:chat?apiKey=k&greedy=true"))
                .hasStackTraceContaining("sparkstream: option 'greedy' does nothing for operation 'chat'; no sparkstream"
                                         + " operation uses it");
    }
}
