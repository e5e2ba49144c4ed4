package dev.camelspark.dynaspark;

import dev.camelspark.emulator.Provider;
import dev.camelspark.support.error.SparkApiException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A baseUrl without the API's base path (/api) gets 404s: the message says which URL, and what baseUrl lacks. */
class DynaSparkWrongBaseUrlTest extends DynaSparkTestSupport {

    private static String withoutApiPath() {
        return EMULATOR.emulator().url() + Provider.DYNASPARK.prefix(); // http://localhost:PORT/dynaspark
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:image").to("dynaspark:image?baseUrl=" + withoutApiPath() + "&apiKey=RAW(secret-dyna-key)");
            }
        };
    }

    @Test
    void aWrongBaseUrlNamesTheUrlCalledWithoutTheKeyAndTheExpectedBasePath() {
        Exchange out = send("direct:image", "A lighthouse in a storm");

        assertThat(out.getException()).isExactlyInstanceOf(SparkApiException.class);
        SparkApiException e = (SparkApiException) out.getException();
        assertThat(e.getHttpStatus()).isEqualTo(404);
        assertThat(e.getMessage())
                .contains("GET " + withoutApiPath() + "/generate_image")
                .contains("baseUrl " + withoutApiPath())
                .contains("the API's base path /api")
                .contains(DynaSparkConfiguration.DEFAULT_BASE_URL)
                .doesNotContain("secret-dyna-key").doesNotContain("api_key").doesNotContain("lighthouse");
        assertThat(e.getProviderMessage()).as("the provider's own words stay apart")
                .isEqualTo("Not found: GET /generate_image");
    }
}
