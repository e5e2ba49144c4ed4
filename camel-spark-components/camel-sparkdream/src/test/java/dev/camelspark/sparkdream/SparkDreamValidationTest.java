package dev.camelspark.sparkdream;

import java.math.BigDecimal;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkAuthenticationException;
import dev.camelspark.support.error.SparkErrorProperties;
import dev.camelspark.support.error.SparkInsufficientCreditsException;
import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is refused before any call, with Spark Dream's own codes; the provider's refusals in all their shapes. */
class SparkDreamValidationTest extends SparkDreamTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sparkdream:generate?download=false");
                from("direct:submit").to("sparkdream:submit");
            }
        };
    }

    private Exchange generate(String prompt, Object... headers) {
        return template.send("direct:generate", e -> {
            e.getMessage().setBody(prompt);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                e.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL | | | 003019001 | body (prompt)",
            "''   | | | 003019002 | body (prompt)",
            "a    | CamelSparkDreamSeed   | 0    | 003019004 | seed (set by header CamelSparkDreamSeed)",
            "a    | CamelSparkDreamSeed   | -7   | 003019004 | seed",
            "a    | CamelSparkDreamScale  | 10.5 | 003019005 | scale",
            "a    | CamelSparkDreamWidth  | 1024 | 003019006 | height",
            "a    | CamelSparkDreamHeight | 4000 | 003019006 | width",
    })
    void badInputIsRefusedWithTheVendorsCodeBeforeAnyCall(String prompt, String header, String value, String code,
                                                           String named) {
        Exchange out = header == null ? generate(prompt) : generate(prompt, header, value);

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining(named).hasMessageContaining("[code " + code + "]");
        assertThat(((SparkValidationException) out.getException()).getProviderCode()).isEqualTo(code);
        assertThat(out.getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("VALIDATION");
        assertThat(emulator().requests(Provider.SPARKDREAM)).as("no call was made").isEmpty();
    }

    @Test
    void longPromptsAndBadAspectRatiosAreRefusedToo() {
        Exchange tooLong = generate("x".repeat(801));
        assertThat(((SparkApiException) tooLong.getException()).getProviderCode()).isEqualTo("003019002");
        assertThat(tooLong.getException()).hasMessageContaining("801 characters").hasMessageContaining("1 to 800");

        Exchange wide = generate("a", SparkDreamConstants.OVERRIDE_WIDTH, 2048, SparkDreamConstants.OVERRIDE_HEIGHT, 600);
        assertThat(((SparkApiException) wide.getException()).getProviderCode()).isEqualTo("003019007");
        assertThat(wide.getException()).hasMessageContaining("2048x600").hasMessageContaining("1:3 and 3:1");
        assertThat(emulator().requests(Provider.SPARKDREAM)).isEmpty();

        assertThat(generate("x".repeat(800)).getException()).isNull();
    }

    @Test
    void aCreateAnsweredWithATaskAlreadyFailedIsAValidationFailureWithItsCode() {
        // what the service answers when it refuses the parameters itself: 200 and a failed task
        emulator().faults().add(Fault.respond(200, "{\"id\":\"task-x\",\"status\":\"failed\",\"model\":\"spark_dream_3_0\","
                + "\"error\":{\"code\":\"003019003\",\"error_message\":\"Invalid use_pre_llm parameter\"}}")
                .on(Provider.SPARKDREAM).method("POST").times(1));
        Exchange out = generate("a");

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("Invalid use_pre_llm parameter");
        assertThat(((SparkApiException) out.getException()).getProviderCode()).isEqualTo("003019003");
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo("task-x");
        assertThat(emulator().requests(Provider.SPARKDREAM)).as("nothing polled").hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"error\":{\"code\":\"003019006\",\"error_message\":\"Invalid width/height\"}} | 003019006 | Invalid width/height",
            "{\"error\":{\"code\":\"003019006\",\"message\":\"Invalid width/height\"}}       | 003019006 | Invalid width/height",
            "{\"error\":\"Invalid width/height\"}                                           |           | Invalid width/height",
            "{\"message\":\"Invalid width/height\"}                                         |           | Invalid width/height" })
    void a400InEveryErrorShapeIsAValidationFailure(String body, String code, String message) {
        emulator().faults().add(Fault.respond(400, body).on(Provider.SPARKDREAM).method("POST").times(1));
        Exchange out = generate("a");

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class).hasMessageContaining(message);
        assertThat(((SparkApiException) out.getException()).getProviderCode()).isEqualTo(code);
        assertThat(((SparkApiException) out.getException()).getHttpStatus()).isEqualTo(400);
    }

    @Test
    void anInsufficientBalanceIsACreditsFailureNotAnAuthFailure() {
        settings().balance(KEY, new BigDecimal("0.01"));
        Exchange out = generate("a");

        assertThat(out.getException()).isInstanceOf(SparkInsufficientCreditsException.class)
                .hasMessageContaining("Insufficient balance");
        assertThat(((SparkApiException) out.getException()).getHttpStatus()).isEqualTo(403);
        assertThat(creates()).as("a 403 is not resent").hasSize(1);
    }

    @Test
    void aDeniedKeyIsAnAuthFailureAndA403WithoutBalanceToo() {
        settings().deniedKeys(java.util.List.of(KEY));
        Exchange denied = generate("a");
        assertThat(denied.getException()).isInstanceOf(SparkAuthenticationException.class);
        assertThat(denied.getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("AUTH");

        settings().deniedKeys(java.util.List.of());
        emulator().faults().add(Fault.respond(403, "{\"message\":\"No permission for model spark_dream_3_0\"}")
                .on(Provider.SPARKDREAM).times(1));
        assertThat(generate("a").getException()).isInstanceOf(SparkAuthenticationException.class)
                .hasMessageContaining("No permission");
    }

    @Test
    void aCreateWhoseOutcomeIsUnknownIsNotResent() {
        emulator().faults().add(Fault.respond(500).on(Provider.SPARKDREAM).method("POST").times(1));
        Exchange out = generate("a");

        assertThat(out.getException()).isInstanceOf(SparkApiException.class);
        assertThat(creates()).hasSize(1);
        // a 429 provably was not taken: resent, and the task then runs
        emulator().faults().add(Fault.respond(429).header("Retry-After", "1").on(Provider.SPARKDREAM).method("POST")
                .times(1));
        Exchange again = generate("b");
        assertThat(again.getException()).isNull();
        assertThat(creates()).hasSize(3);
    }
}
