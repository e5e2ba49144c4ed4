package dev.camelspark.support.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import dev.camelspark.support.error.SparkApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A 404 says which URL answered (no key, no user info, no query) and, for API calls, what baseUrl must end with. */
class NotFoundMessageTest {

    private static final Clock CLOCK = Clock.systemUTC();

    private static SparkResponse answer(int status, String body) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        return new SparkResponse(status, headers, body.getBytes(StandardCharsets.UTF_8),
                RateLimitInfo.parse(headers::get, CLOCK), 1);
    }

    @Test
    void anApiCallNamesTheUrlAndTheBasePathOfTheDefault() {
        SparkRequest call = SparkRequest.get("http://user:pw@localhost:8089/neospark", "/video/generations/v1")
                .secretQuery("api_key", "sk-secret").query("prompt", "a corgi").build();
        SparkApiException e = new DefaultErrorDecoder(CLOCK, "https://api.useneospark.com/api/v1")
                .decode("neospark", call, answer(404, "{\"code\":404,\"message\":\"Not found\"}"));

        assertThat(e).isExactlyInstanceOf(SparkApiException.class).hasMessage("neospark: HTTP 404: Not found "
                + "(GET http://localhost:8089/neospark/video/generations/v1: check baseUrl http://localhost:8089/neospark,"
                + " it must end with the API's base path /api/v1, as the default https://api.useneospark.com/api/v1 does)");
        assertThat(e.getProviderMessage()).isEqualTo("Not found");
        assertThat(e.getMessage()).doesNotContain("sk-secret").doesNotContain("corgi").doesNotContain("pw");
    }

    @Test
    void anApiAtTheHostRootSaysBaseUrlHasNoPath() {
        SparkRequest call = SparkRequest.post("http://localhost:8089/sparkgpt/api", "/api/askoutside").build();
        assertThat(new DefaultErrorDecoder(CLOCK, "https://sparkgpt.ai")
                .decode("sparkgpt", call, answer(404, "{\"error\":\"Not found\"}")).getMessage())
                .endsWith("(POST http://localhost:8089/sparkgpt/api/api/askoutside: check baseUrl "
                        + "http://localhost:8089/sparkgpt/api, it must be the API's root, with no path of its own, as the"
                        + " default https://sparkgpt.ai is)");
    }

    @Test
    void aMediaUrlIsNamedWithoutBlamingBaseUrl() {
        SparkRequest download = SparkRequest.getUrl("https://cdn.example/img/1.png?sig=abc").build();
        assertThat(new DefaultErrorDecoder(CLOCK, "https://cloud.vtrix.ai")
                .decode("sparkdream", download, answer(404, "expired")).getMessage())
                .isEqualTo("sparkdream: HTTP 404: expired (GET https://cdn.example/img/1.png)");
    }

    @Test
    void otherStatusesAreAsTheProviderSaidThem() {
        SparkRequest call = SparkRequest.get("http://localhost:8089/dynaspark", "/generate_image").build();
        assertThat(new DefaultErrorDecoder(CLOCK, "https://dynaspark.onrender.com/api")
                .decode("dynaspark", call, answer(400, "{\"error\":\"width too large\"}")).getMessage())
                .isEqualTo("dynaspark: HTTP 400: width too large");
    }
}
