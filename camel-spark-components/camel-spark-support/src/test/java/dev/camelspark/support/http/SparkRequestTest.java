package dev.camelspark.support.http;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a request sends, and that what it shows (logs, messages) never holds a secret. */
class SparkRequestTest {

    private static final String KEY = "sk-live-0123456789abcdef";

    @Test
    void secretQueryValuesAreSentButNeverShown() {
        SparkRequest request = SparkRequest.get("https://dynaspark.example/api", "/generate_response")
                .query("user_input", "a cat & a dog")
                .query("seed", 42)
                .query("model", null)
                .secretQuery("api_key", KEY)
                .build();
        assertThat(request.uri().toString())
                .isEqualTo("https://dynaspark.example/api/generate_response?user_input=a%20cat%20%26%20a%20dog&seed=42&api_key=" + KEY);
        assertThat(request.describe())
                .isEqualTo("GET https://dynaspark.example/api/generate_response?user_input=a%20cat%20%26%20a%20dog&seed=42&api_key=xxxxxx");
        assertThat(request.toString()).isEqualTo(request.describe()).doesNotContain(KEY);
    }

    @Test
    void secretHeadersAreKeptApartAndNeverShown() {
        SparkRequest request = SparkRequest.post("https://sparkgpt.example", "api/askoutside")
                .bearer(KEY)
                .secretHeader("X-API-Key", "np_" + KEY)
                .header("X-Trace", "t-1")
                .json(Map.of("model_id", 7, "user", "hi"))
                .build();
        assertThat(request.secretHeaders()).containsEntry("Authorization", "Bearer " + KEY).containsEntry("X-API-Key", "np_" + KEY);
        assertThat(request.headers()).containsOnlyKeys("X-Trace");
        assertThat(request.describe()).isEqualTo("POST https://sparkgpt.example/api/askoutside").doesNotContain(KEY);
        assertThat(request.toString()).doesNotContain(KEY);
    }

    @Test
    void theUriIsBuiltOnceAndEveryAttemptSendsTheSame() {
        SparkRequest request = SparkRequest.get("https://dynaspark.example/api", "/generate_response")
                .query("user_input", "ünïcode & more").build();
        assertThat(request.uri()).isSameAs(request.uri());
        SparkRequest plain = SparkRequest.get("https://dynaspark.example/api/", "/tasks/a%2Fb").build();
        assertThat(plain.uri()).isSameAs(plain.uri());
        assertThat(plain.uri().toString()).isEqualTo("https://dynaspark.example/api/tasks/a%2Fb");
        assertThat(plain.uri().getRawPath()).isEqualTo("/api/tasks/a%2Fb");
    }

    @Test
    void anAbsentKeySendsNothing() {
        SparkRequest request = SparkRequest.get("http://h", "/p").bearer(null).bearer("").secretQuery("api_key", "")
                .secretQuery("other", null).secretHeader("X-API-Key", null).build();
        assertThat(request.secretHeaders()).isEmpty();
        assertThat(request.uri().toString()).isEqualTo("http://h/p");
    }

    @Test
    void basePathAndPathJoinWithOneSlash() {
        assertThat(SparkRequest.joinPath("http://h/api/", "/x")).isEqualTo("http://h/api/x");
        assertThat(SparkRequest.joinPath("http://h/api", "x")).isEqualTo("http://h/api/x");
        assertThat(SparkRequest.joinPath("http://h/api", "/x")).isEqualTo("http://h/api/x");
        assertThat(SparkRequest.joinPath("http://h/api/", "")).isEqualTo("http://h/api");
        assertThat(SparkRequest.getUrl("http://cdn/a.png?sig=1").build().uri().toString()).isEqualTo("http://cdn/a.png?sig=1");
    }

    @Test
    void defaultsAndTimeouts() {
        SparkRequest request = SparkRequest.delete("http://h", "/t/1").build();
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.kind()).isEqualTo(CallKind.READ);
        assertThat(request.deadline()).isNull();
        assertThat(request.returnRedirects()).isFalse();
        assertThat(request.readTimeout()).isPositive();
        assertThat(request.connectTimeout()).isPositive();

        assertThatThrownBy(() -> SparkRequest.get("http://h", "/").readTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> SparkRequest.get("http://h", "/").connectTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> SparkRequest.get("http://h", "/").deadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
        assertThat(SparkRequest.get("http://h", "/").deadline(null).build().deadline()).isNull();
    }

    @Test
    void theJsonBodyIsTheSameOnEveryAttempt() throws Exception {
        SparkRequest request = SparkRequest.post("http://h", "/p").json(Map.of("prompt", "ünïcode")).build();
        assertThat(request.entity().isRepeatable()).isTrue();
        assertThat(request.entity().getContentType()).startsWith("application/json");
        byte[] first = EntityUtils.toByteArray(request.entity());
        byte[] second = EntityUtils.toByteArray(request.entity());
        assertThat(second).isEqualTo(first);
        assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"prompt\":\"ünïcode\"}");
    }

    @Test
    void anEntityThatCannotBeResentIsRefused() {
        assertThatThrownBy(() -> SparkRequest.post("http://h", "/upload")
                .entity(new InputStreamEntity(new ByteArrayInputStream(new byte[3]), ContentType.APPLICATION_OCTET_STREAM)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeatable");
    }

    @Test
    void aBadBaseUrlIsNamedWithoutTheKey() {
        SparkRequest request = SparkRequest.get("http://bad host", "/p").secretQuery("api_key", KEY).build();
        assertThatThrownBy(request::uri).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://bad host").hasMessageNotContaining(KEY);
    }
}
