package dev.camelspark.support.http;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A buffered answer parsed from its bytes as it came, without a String of the whole body first. */
class SparkResponseTest {

    private static SparkResponse response(String contentType, byte[] body) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", contentType);
        return new SparkResponse(200, headers, body, RateLimitInfo.NONE, 1);
    }

    @Test
    void utf8JsonIsParsedFromTheBytes() {
        SparkResponse r = response("application/json", "{\"response\":\"верблюд 日本語\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.json().get("response").asText()).isEqualTo("верблюд 日本語");
        assertThat(r.header("content-type")).isEqualTo("application/json");
    }

    @Test
    void anotherDeclaredCharsetIsStillHonoured() {
        SparkResponse r = response("application/json; charset=ISO-8859-1",
                "{\"m\":\"prix élevé\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r.json().get("m").asText()).isEqualTo("prix élevé");
    }

    @Test
    void blankOrBrokenBodiesAreNotJson() {
        assertThat(response("application/json", new byte[0]).json()).isNull();
        assertThat(response("application/json", "  \n".getBytes(StandardCharsets.UTF_8)).json()).isNull();
        assertThat(response("text/plain", "Bad Gateway".getBytes(StandardCharsets.UTF_8)).json()).isNull();
    }

    @Test
    void aBodyIsReadIntoAnArrayOfItsDeclaredLengthOrAsItComes() throws Exception {
        byte[] ten = "0123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(SparkOpenResponse.read(new ByteArrayInputStream(ten), 10, 100)).isEqualTo(ten);
        assertThat(SparkOpenResponse.read(new ByteArrayInputStream(ten), -1, 100)).as("no length").isEqualTo(ten);
        assertThat(SparkOpenResponse.read(new ByteArrayInputStream(ten), 0, 100)).isEqualTo(ten);
        assertThat(SparkOpenResponse.read(new ByteArrayInputStream(ten, 0, 4), 10, 100)).as("ended early")
                .isEqualTo(Arrays.copyOf(ten, 4));
        assertThat(SparkOpenResponse.read(new ByteArrayInputStream(ten), 4, 100)).as("longer than declared")
                .isEqualTo(ten);
        assertThat(SparkOpenResponse.read(new ByteArrayInputStream(ten), 4, 6)).as("longer than the limit: one more")
                .hasSize(7);
        assertThat(SparkOpenResponse.read(new ByteArrayInputStream(ten), 1000, 6)).as("declared beyond the limit")
                .hasSize(7);
        assertThat(SparkOpenResponse.read(new ByteArrayInputStream(new byte[0]), 0, 6)).isEmpty();
    }
}
