package dev.camelspark.support.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import dev.camelspark.support.error.AiErrorCategory;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkAuthenticationException;
import dev.camelspark.support.error.SparkInsufficientCreditsException;
import dev.camelspark.support.error.SparkRateLimitException;
import dev.camelspark.support.error.SparkServerException;
import dev.camelspark.support.error.SparkValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error body shape of api-contracts.md, and the status to exception mapping. */
class DefaultErrorDecoderTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final DefaultErrorDecoder decoder = new DefaultErrorDecoder(CLOCK);

    private static SparkResponse response(int status, String body, String... headers) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return new SparkResponse(status, map, body.getBytes(StandardCharsets.UTF_8),
                RateLimitInfo.parse(map::get, CLOCK), 1);
    }

    private SparkApiException decode(int status, String body, String... headers) {
        return decoder.decode("dynaspark", response(status, body, headers));
    }

    @Test
    void errorAsAString() {
        SparkApiException e = decode(400, "{\"error\": \"user_input is required\"}");
        assertThat(e).isInstanceOf(SparkValidationException.class);
        assertThat(e.getProviderMessage()).isEqualTo("user_input is required");
        assertThat(e.getProviderCode()).isNull();
        assertThat(e.getHttpStatus()).isEqualTo(400);
        assertThat(e.getProvider()).isEqualTo("dynaspark");
        assertThat(e).hasMessage("dynaspark: HTTP 400: user_input is required");
    }

    @Test
    void errorObjectWithMessageTypeAndCode() {
        SparkApiException e = decode(400,
                "{\"error\": {\"message\": \"max_tokens too large\", \"type\": \"invalid_request_error\", \"code\": \"max_tokens\"}}");
        assertThat(e.getProviderMessage()).isEqualTo("max_tokens too large");
        assertThat(e.getProviderCode()).isEqualTo("max_tokens");
        assertThat(e).hasMessage("dynaspark: HTTP 400: max_tokens too large [code max_tokens]");
    }

    @Test
    void errorObjectWithCodeAndErrorMessage() {
        SparkApiException e = decode(400, "{\"error\": {\"code\": \"003019006\", \"error_message\": \"width must be 512-2048\"}}");
        assertThat(e.getProviderCode()).isEqualTo("003019006");
        assertThat(e.getProviderMessage()).isEqualTo("width must be 512-2048");
    }

    @Test
    void errorObjectWithoutAnyMessageKeepsTheObject() {
        SparkApiException e = decode(500, "{\"error\": {\"code\": \"E42\"}}");
        assertThat(e.getProviderCode()).isEqualTo("E42");
        assertThat(e.getProviderMessage()).contains("E42");
    }

    @Test
    void messageAtTopLevel() {
        SparkApiException e = decode(403, "{\"message\": \"model 7 is not yours\"}");
        assertThat(e).isInstanceOf(SparkAuthenticationException.class);
        assertThat(e.getProviderMessage()).isEqualTo("model 7 is not yours");
    }

    @Test
    void neoSparkEnvelope() {
        SparkApiException e = decode(402,
                "{\"code\": 402, \"message\": \"Insufficient credits. Available: 50, Required: 130\", \"data\": null}");
        assertThat(e).isInstanceOf(SparkInsufficientCreditsException.class);
        assertThat(e.getProviderCode()).isEqualTo("402");
        assertThat(e.getProviderMessage()).isEqualTo("Insufficient credits. Available: 50, Required: 130");
        assertThat(e.getMessage()).as("a code equal to the status is not repeated").doesNotContain("[code");
    }

    @Test
    void rawTextBody() {
        SparkApiException e = decode(502, "<html><body>Bad Gateway</body></html>\n");
        assertThat(e).isInstanceOf(SparkServerException.class);
        assertThat(e.getProviderMessage()).isEqualTo("<html><body>Bad Gateway</body></html>");
    }

    @Test
    void jsonThatIsNoKnownShapeIsReportedRaw() {
        assertThat(decode(400, "[1,2,3]").getProviderMessage()).isEqualTo("[1,2,3]");
        assertThat(decode(400, "{\"unexpected\":true}").getProviderMessage()).isEqualTo("{\"unexpected\":true}");
    }

    @Test
    void aLongRawBodyIsCut() {
        SparkApiException e = decode(500, "x".repeat(5_000));
        assertThat(e.getProviderMessage()).hasSize(501).endsWith("…");
    }

    @Test
    void anEmptyBodySaysSo() {
        SparkApiException e = decode(503, "");
        assertThat(e.getProviderMessage()).isEmpty();
        assertThat(e).hasMessage("dynaspark: HTTP 503: (no message)");
    }

    @Test
    void theDeclaredCharsetIsUsed() {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", "text/plain; charset=ISO-8859-1");
        SparkResponse latin1 = new SparkResponse(400, headers, "prix élevé".getBytes(StandardCharsets.ISO_8859_1),
                RateLimitInfo.NONE, 1);
        assertThat(decoder.decode("p", latin1).getProviderMessage()).isEqualTo("prix élevé");
    }

    @ParameterizedTest
    @CsvSource({
            "400, VALIDATION", "422, VALIDATION", "401, AUTH", "403, AUTH", "429, RATE_LIMIT",
            "500, SERVER_ERROR", "502, SERVER_ERROR", "503, SERVER_ERROR", "504, SERVER_ERROR", "408, SERVER_ERROR",
            "402, UNKNOWN", "404, UNKNOWN", "409, UNKNOWN" })
    void statusToCategory(int status, AiErrorCategory category) {
        SparkApiException e = decode(status, "{\"error\":\"x\"}");
        assertThat(e.getCategory()).isEqualTo(category);
        assertThat(e.isTransient()).isEqualTo(category == AiErrorCategory.RATE_LIMIT || category == AiErrorCategory.SERVER_ERROR);
    }

    @Test
    void statusToClass() {
        assertThat(decode(400, "")).isExactlyInstanceOf(SparkValidationException.class);
        assertThat(decode(422, "")).isExactlyInstanceOf(SparkValidationException.class);
        assertThat(decode(401, "")).isExactlyInstanceOf(SparkAuthenticationException.class);
        assertThat(decode(403, "")).isExactlyInstanceOf(SparkAuthenticationException.class);
        assertThat(decode(402, "")).isExactlyInstanceOf(SparkInsufficientCreditsException.class);
        assertThat(decode(429, "")).isExactlyInstanceOf(SparkRateLimitException.class);
        assertThat(decode(500, "")).isExactlyInstanceOf(SparkServerException.class);
        assertThat(decode(404, "")).isExactlyInstanceOf(SparkApiException.class);
    }

    @Test
    void rateLimitCarriesTheWaitAndTheReset() {
        SparkApiException e = decode(429, "{\"error\":\"Rate limit exceeded\"}", "Retry-After", "30",
                "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 3600));
        assertThat(e.getRetryAfterMillis()).isEqualTo(30_000L);
        assertThat(e.getRateLimitReset()).isEqualTo(NOW.plusSeconds(3600));

        SparkApiException resetOnly = decode(429, "{}", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "90");
        assertThat(resetOnly.getRetryAfterMillis()).isEqualTo(90_000L);
    }

    @Test
    void serverErrorCarriesRetryAfter() {
        assertThat(decode(503, "busy", "Retry-After", "4").getRetryAfterMillis()).isEqualTo(4_000L);
        assertThat(decode(500, "boom").getRetryAfterMillis()).isNull();
    }
}
