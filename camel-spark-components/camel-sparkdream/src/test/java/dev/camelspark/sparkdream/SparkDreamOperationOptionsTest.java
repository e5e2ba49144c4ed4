package dev.camelspark.sparkdream;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
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
        try (CamelContext c = start("from", uri)) {
            assertThat(c.getRoutes()).hasSize(1);
        }
    }

    private static CamelContext start(String role, String uri) throws Exception {
        CamelContext c = new DefaultCamelContext();
        c.getComponent("sparkdream", SparkDreamComponent.class).getConfiguration().setApiKey("sd-key");
        try {
            c.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    if (role.equals("from")) {
                        from(uri).to("mock:out");
                    } else {
                        from("direct:a").to(uri);
                    }
                }
            });
            c.start();
            return c;
        } catch (Exception e) {
            c.close();
            throw e;
        }
    }
}
