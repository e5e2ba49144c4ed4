package dev.camelspark.support.http;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.net.URIBuilder;
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

    /** Values that take every branch of the encoding: plain, reserved, non-ASCII, emoji, a lone surrogate, empty. */
    private static final List<String> VALUES = List.of("What is Apache Camel?", "a cat & a dog", "ünïcode & more",
            "emoji \uD83D\uDE00 end", "~*'()!$,;:@/?#[]", "100% + 1 = 101%", "lone \uD800 surrogate", "", "plain",
            "tab\tnew\nline", "quote\"back\\slash", "\u00A0\u2028\uFEFF");

    /** The request target the connection writes for this request (through no proxy). */
    private static String written(SparkRequest request) {
        return new SecretSafeConnections.Secrets(request.wireTarget(), request.wireQuery(), request.secretQuery(),
                request.secretHeaders()).requestUri(request.httpRequest().getRequestUri());
    }

    @Test
    void theQueryIsEncodedAsUriBuilderEncodesIt() throws Exception {
        for (String value : VALUES) {
            SparkRequest request = SparkRequest.get("https://dynaspark.example/api", "/generate_response")
                    .query("user_input", value).query(value.isEmpty() ? "e" : value, 7).secretQuery("api_key", "k~*ey")
                    .build();
            URIBuilder expected = new URIBuilder("https://dynaspark.example/api/generate_response")
                    .addParameter("user_input", value).addParameter(value.isEmpty() ? "e" : value, "7");
            URI withoutSecrets = expected.build();
            URI withSecrets = expected.addParameter("api_key", "k~*ey").build();
            assertThat(request.uri()).as(value).isEqualTo(withSecrets);
            assertThat(request.uriWithoutSecrets()).as(value).isEqualTo(withoutSecrets);
            // HttpClient is given the origin and "/"; the connection writes the whole target in its place
            HttpUriRequestBase http = request.httpRequest();
            assertThat(http.getPath()).as(value).isEqualTo("/");
            assertThat(http.getAuthority().getHostName()).isEqualTo("dynaspark.example");
            assertThat(written(request)).as(value).isEqualTo(withSecrets.getRawPath() + "?" + withSecrets.getRawQuery());
            assertThat(request.describe()).as(value)
                    .isEqualTo("GET " + withoutSecrets + "&api_key=xxxxxx").doesNotContain("k~*ey");
        }
    }

    @Test
    void theRequestTargetIsTheUriHttpClientWouldHaveBeenGiven() throws Exception {
        String[][] cases = {
                {"http://h", ""}, {"http://h/", "/p"}, {"http://h:8080/api/", "tasks/a%2Fb"},
                {"HTTPS://Example.COM/v1", "/chat"}, {"http://127.0.0.1:1234", "/generate_response"},
                {"http://[::1]:99/x", "/y;z=1"}, {"http://h/base", "/a b"}, {"http://h/?q=1", "/p"},
                {"http://user@h", "/p"}, {"http://h", "/%zz"}, {"http://h/api", "/ü"}};
        for (String[] c : cases) {
            SparkRequest request = SparkRequest.get(c[0], c[1]).query("x", "1 2").build();
            URI expected;
            try {
                expected = new URIBuilder(SparkRequest.joinPath(c[0], c[1])).addParameter("x", "1 2").build();
            } catch (java.net.URISyntaxException e) {
                assertThatThrownBy(request::httpRequest).as(c[0] + c[1]).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(c[0]);
                continue;
            }
            HttpUriRequestBase http = request.httpRequest();
            HttpUriRequestBase before = new HttpUriRequestBase("GET", expected);
            assertThat(http.getScheme()).as(c[0] + c[1]).isEqualTo(before.getScheme());
            assertThat(http.getAuthority()).as(c[0] + c[1]).isEqualTo(before.getAuthority());
            assertThat(written(request)).as(c[0] + c[1]).isEqualTo(before.getPath());
            assertThat(request.uri()).as(c[0] + c[1]).isEqualTo(expected);
            // with a secret: after HttpClient's own target when it has one, within the target written here otherwise
            SparkRequest keyed = SparkRequest.get(c[0], c[1]).query("x", "1 2").secretQuery("api_key", "k 1").build();
            assertThat(written(keyed)).as(c[0] + c[1]).isEqualTo(before.getPath() + "&api_key=k%201");
            assertThat(keyed.httpRequest().getPath()).as(c[0] + c[1]).doesNotContain("k%201");
        }
        // media URLs (absolute, with their own query) as they are
        HttpUriRequestBase media = SparkRequest.getUrl("http://cdn/a.png?sig=1%2B2").build().httpRequest();
        assertThat(media.getPath()).isEqualTo("/a.png?sig=1%2B2");
        assertThat(SparkRequest.getUrl("http://cdn/a.png?sig=1%2B2").build().wireQuery()).isEmpty();
        assertThat(SparkRequest.getUrl("http://cdn/a.png?sig=1%2B2").build().wireTarget()).isNull();
        assertThat(written(SparkRequest.getUrl("http://cdn/a.png?sig=1%2B2").build())).isEqualTo("/a.png?sig=1%2B2");
        assertThat(media.getAuthority().getHostName()).isEqualTo("cdn");
    }

    @Test
    void aPathOfPlainCharactersIsTakenAsItIs() {
        assertThat(SparkRequest.plainPath("/v1/tasks/abc-123_x.y~z")).isTrue();
        assertThat(SparkRequest.plainPath("/a%2Fb:c@d;e=f,g+h!$&'()*")).isTrue();
        assertThat(SparkRequest.plainPath("/a b")).isFalse();
        assertThat(SparkRequest.plainPath("/a%2")).isFalse();
        assertThat(SparkRequest.plainPath("/a%zz")).isFalse();
        assertThat(SparkRequest.plainPath("/a?b")).isFalse();
        assertThat(SparkRequest.plainPath("/a#b")).isFalse();
        assertThat(SparkRequest.plainPath("/\u00fc")).isFalse();
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
