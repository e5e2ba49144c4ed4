package dev.camelspark.sparkdream;

import java.util.function.Consumer;

import dev.camelspark.support.testing.RouteStarts;
import org.apache.camel.CamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An option that does nothing for the operation fails when the route starts, naming it and where it applies. */
class SparkDreamOperationOptionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "to   | sparkdream:submit?download=false  | option 'download' does nothing for operation 'submit'; it applies to sparkdream:generate, sparkdream:tasks",
        "to   | sparkdream:status?pollTimeout=5s  | option 'pollTimeout' does nothing for operation 'status'; it applies to sparkdream:generate, sparkdream:submit, sparkdream:tasks",
        "to   | sparkdream:generate?delay=300     | option 'delay' does nothing for operation 'generate'; it applies to sparkdream:tasks",
        "from | sparkdream:tasks?width=512        | option 'width' does nothing for operation 'tasks'; it applies to sparkdream:generate, sparkdream:submit",
        "from | sparkdream:tasks?correlationHeaders=x | option 'correlationHeaders' does nothing for operation 'tasks'; it applies to sparkdream:generate, sparkdream:submit" })
    void anOptionThatDoesNothingFailsAtStart(String role, String uri, String message) {
        assertThatThrownBy(() -> start(role, uri)).hasStackTraceContaining("sparkdream: " + message);
    }

    @ParameterizedTest
    @ValueSource(strings = { "sparkdream:tasks?delay=300&initialDelay=0&greedy=true&download=false&pollInterval=1s",
        "sparkdream:tasks?backoffMultiplier=2&backoffIdleThreshold=3&backoffErrorThreshold=2&bridgeErrorHandler=true" })
    void theTasksConsumerTakesTheScheduledPollOptions(String uri) throws Exception {
        assertThatCode(() -> start("from", uri)).doesNotThrowAnyException();
    }

    private static void start(String role, String uri) throws Exception {
        Consumer<CamelContext> key = c -> c.getComponent("sparkdream", SparkDreamComponent.class).getConfiguration()
                .setApiKey("sd-key");
        if (role.equals("from")) {
            RouteStarts.from(uri, key);
        } else {
            RouteStarts.to(uri, key);
        }
    }
}
