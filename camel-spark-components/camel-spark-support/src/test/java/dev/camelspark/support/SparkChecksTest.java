package dev.camelspark.support;

import java.util.List;

import dev.camelspark.support.error.SparkValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Client-side checks: each refusal names the option, the value and what is allowed. */
class SparkChecksTest {

    private final SparkChecks checks = SparkChecks.of("dynaspark");

    @Test
    void range() {
        assertThatCode(() -> checks.range("temperature", 0.0, 0, 3).range("temperature", 3, 0, 3).range("temperature", null, 0, 3))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> checks.range("temperature", 3.5, 0, 3))
                .isInstanceOf(SparkValidationException.class)
                .hasMessage("dynaspark: invalid temperature '3.5': allowed from 0 to 3");
        assertThatThrownBy(() -> checks.range("top_p", Double.NaN, 0, 1)).hasMessageContaining("'NaN'");
        assertThatThrownBy(() -> checks.range("presencePenalty", -2.5, -2.0, 2.0))
                .hasMessage("dynaspark: invalid presencePenalty '-2.5': allowed from -2 to 2");
        assertThatThrownBy(() -> checks.range("strength", 1.2, 0, 0.5)).hasMessageContaining("from 0 to 0.5");
    }

    @Test
    void atLeast() {
        assertThatCode(() -> checks.atLeast("maxRetryAfter", 0L, 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> checks.atLeast("requestTimeout", 0L, 1))
                .hasMessage("dynaspark: invalid requestTimeout '0': allowed 1 or more");
    }

    @Test
    void oneOf() {
        List<String> voices = List.of("alloy", "echo", "fable");
        assertThatCode(() -> checks.oneOf("voice", "echo", voices).oneOf("voice", null, voices)).doesNotThrowAnyException();
        assertThatThrownBy(() -> checks.oneOf("voice", "Echo", voices))
                .hasMessage("dynaspark: invalid voice 'Echo': allowed one of alloy, echo, fable");
    }

    @Test
    void notBlankAndMaxLength() {
        assertThatThrownBy(() -> checks.notBlank("prompt", "  ")).hasMessage("dynaspark: invalid prompt '  ': allowed a non-empty value");
        assertThatThrownBy(() -> checks.notBlank("prompt", null)).hasMessageContaining("invalid prompt ''");
        assertThatCode(() -> checks.maxLength("prompt", "x".repeat(800), 800).maxLength("prompt", null, 1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> checks.maxLength("prompt", "x".repeat(801), 800))
                .hasMessage("dynaspark: invalid prompt '801 characters': allowed at most 800 characters");
    }

    @Test
    void httpUrl() {
        assertThatCode(() -> checks.httpUrl("baseUrl", "https://api.example/v1").httpUrl("baseUrl", "HTTP://localhost:8080"))
                .doesNotThrowAnyException();
        for (String bad : new String[] { "ftp://api.example", "api.example/v1", "/relative", "http://", "http://bad host/" }) {
            assertThatThrownBy(() -> checks.httpUrl("baseUrl", bad)).as(bad)
                    .isInstanceOf(SparkValidationException.class)
                    .hasMessageContaining("invalid baseUrl '" + bad + "'")
                    .hasMessageContaining("an absolute http or https URL");
        }
        assertThatThrownBy(() -> checks.httpUrl("baseUrl", "")).hasMessageContaining("a non-empty value");
    }

    @Test
    void thatInWords() {
        assertThatThrownBy(() -> checks.that(false, "width", 600, "both width and height, or neither"))
                .hasMessage("dynaspark: invalid width '600': allowed both width and height, or neither");
        SparkValidationException e = checks.invalid("seed", -5, "-1 or a positive integer");
        assertThat(e.getOption()).isEqualTo("seed");
        assertThat(e.getValue()).isEqualTo(-5);
        assertThat(e.getAllowed()).isEqualTo("-1 or a positive integer");
        assertThat(e.getHttpStatus()).isZero();
    }
}
