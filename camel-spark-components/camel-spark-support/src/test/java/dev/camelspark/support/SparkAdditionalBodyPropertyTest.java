package dev.camelspark.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.testcomponent.TestSparkConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** additionalBodyProperty.*: sent as they are, JSON when it is JSON, never a credential, one map per endpoint. */
class SparkAdditionalBodyPropertyTest {

    private final TestSparkConfiguration config = new TestSparkConfiguration();

    @Test
    void jsonTextBecomesJsonAndOtherTextStaysText() {
        config.setAdditionalBodyProperty(new LinkedHashMap<>(Map.of("n", "2", "flag", "true",
                "obj", "{\"a\":[1,2]}", "style", "vivid", "raw", 5)));

        Map<String, Object> body = config.withAdditionalBodyProperties(new LinkedHashMap<>(Map.of("prompt", "p")));

        assertThat(body).containsEntry("prompt", "p").containsEntry("style", "vivid").containsEntry("raw", 5);
        assertThat(((JsonNode) body.get("n")).isInt()).isTrue();
        assertThat(((JsonNode) body.get("flag")).booleanValue()).isTrue();
        assertThat(((JsonNode) body.get("obj")).get("a").size()).isEqualTo(2);
    }

    @Test
    void anExtraReplacesTheFieldOfTheSameNameAndTheBodyIsNotChangedWhenThereIsNone() {
        Map<String, Object> body = Map.of("model", "old");
        assertThat(config.withAdditionalBodyProperties(body)).isSameAs(body);

        config.setAdditionalBodyProperty(Map.of("model", "brand-new"));
        assertThat(config.withAdditionalBodyProperties(body)).containsEntry("model", "brand-new");
        assertThat(body).containsEntry("model", "old");
    }

    @Test
    void credentialsAreRefusedNamingTheOptionWithoutShowingTheValue() {
        for (String name : List.of("api_key", "apiKey", "key", "Authorization", "X-API-Key", "access_token")) {
            config.setAdditionalBodyProperty(Map.of(name, "s3cret"));
            assertThatThrownBy(() -> config.validate("testspark"))
                    .isInstanceOf(SparkValidationException.class)
                    .hasMessageContaining("additionalBodyProperty." + name)
                    .hasMessageContaining("option apiKey")
                    .hasMessageNotContaining("s3cret");
        }
        config.setAdditionalBodyProperty(Map.of(" ", "x"));
        assertThatThrownBy(() -> config.validate("testspark")).hasMessageContaining("additionalBodyProperty name");
    }

    @Test
    void anEndpointCopyHasItsOwnMap() {
        config.setAdditionalBodyProperty(new LinkedHashMap<>(Map.of("a", "1")));
        SparkConfiguration copy = config.copy();
        copy.getAdditionalBodyProperty().put("b", "2");

        assertThat(config.getAdditionalBodyProperty()).containsOnlyKeys("a");
        assertThat(copy.getAdditionalBodyProperty()).containsOnlyKeys("a", "b");
    }

    @Test
    void extraQueryParametersReplaceSameNamedOnesButNeverASecret() {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("seed", 99);
        extras.put("new_param", "v");
        SparkRequest request = SparkRequest.get("http://localhost/api", "/x").query("seed", 1).query("q", "a")
                .additionalQuery(extras).build();
        assertThat(request.uri().getQuery()).isEqualTo("q=a&seed=99&new_param=v");

        assertThatThrownBy(() -> SparkRequest.get("http://localhost/api", "/x").secretQuery("api_key", "k")
                .additionalQuery(Map.of("api_key", "other")))
                .hasMessageContaining("'api_key' is a secret");
    }
}
