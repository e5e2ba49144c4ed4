package dev.camelspark.dynaspark;

import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.testing.RouteStarts;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An option that does nothing for the endpoint's operation fails when the route starts, naming it and where it
 * applies; an override header for such an option fails the message before any call. Component-level values are
 * defaults for every endpoint and are not refused.
 */
class DynaSparkOperationOptionsTest extends DynaSparkTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").to("dynaspark:text");
                from("direct:image").to("dynaspark:image?download=false");
            }
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dynaspark:text?width=512          | option 'width' does nothing for operation 'text'; it applies to dynaspark:image",
        "dynaspark:text?voice=nova         | option 'voice' does nothing for operation 'text'; it applies to dynaspark:audio",
        "dynaspark:audio?download=false    | option 'download' does nothing for operation 'audio'; it applies to dynaspark:image",
        "dynaspark:image?temperature=0.5   | option 'temperature' does nothing for operation 'image'; it applies to dynaspark:text",
        "dynaspark:text?maxDownloadSize=10 | option 'maxDownloadSize' does nothing for operation 'text'; it applies to dynaspark:image, dynaspark:audio",
        "dynaspark:text?delay=500          | option 'delay' does nothing for operation 'text'; no dynaspark operation uses it" })
    void anOptionThatDoesNothingForTheOperationFailsAtStartNamingWhereItApplies(String uri, String message) {
        assertThatThrownBy(() -> RouteStarts.to(uri)).hasStackTraceContaining("dynaspark: " + message);
    }

    @Test
    void itFailsInYamlToo() {
        String yaml = """
                - route:
                    from:
                      uri: direct:a
                      steps:
                        - to:
                            uri: dynaspark:text
                            parameters:
                              width: 512
                """;
        assertThatThrownBy(() -> RouteStarts.yaml(yaml))
                .hasStackTraceContaining("option 'width' does nothing for operation 'text'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dynaspark:text?model=openai&seed=7&maxRetries=1",
        "dynaspark:audio?seed=7&maxDownloadSize=1000000" })
    void optionsOfTheOperationAndComponentDefaultsOfOthersAreAccepted(String uri) {
        assertThatCode(() -> RouteStarts.to(uri,
                c -> c.getComponent("dynaspark", DynaSparkComponent.class).getConfiguration().setWidth(1024)))
                .doesNotThrowAnyException();
    }

    @Test
    void aHeaderForAnOptionThatDoesNothingFailsTheMessageBeforeAnyCall() {
        Exchange out = template.send("direct:text", e -> {
            e.getMessage().setBody("Hello");
            e.getMessage().setHeader(DynaSparkConstants.OVERRIDE_WIDTH, 512);
        });

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class).hasMessage(
                "dynaspark: header CamelDynaSparkWidth (option 'width') does nothing for operation 'text'; it applies"
                + " to dynaspark:image");
        assertThat(emulator().requests(dev.camelspark.emulator.Provider.DYNASPARK)).isEmpty();
    }

    @Test
    void aHeaderForAnOptionOfTheOperationStillOverridesIt() {
        Exchange out = template.send("direct:image", e -> {
            e.getMessage().setBody("A fox");
            e.getMessage().setHeader(DynaSparkConstants.OVERRIDE_WIDTH, 320);
        });

        assertThat(out.getException()).isNull();
        assertThat(calls("/generate_image")).singleElement()
                .satisfies(r -> assertThat(r.queryParam("width")).isEqualTo("320"));
    }
}
