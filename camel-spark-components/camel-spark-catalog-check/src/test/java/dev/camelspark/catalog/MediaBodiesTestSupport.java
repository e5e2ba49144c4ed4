package dev.camelspark.catalog;

import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every component result that can be media, over real HTTP from the emulator, goes through Camel's JSON data format
 * with its default Jackson setup ({@code marshal().json()}: base64, whatever the size) and through
 * {@code convertBodyTo(byte[])} and {@code convertBodyTo(String)}, each reading the whole media; also through the
 * components' Kamelets. The subclasses run it with media in memory and with media spooled to disk.
 */
abstract class MediaBodiesTestSupport extends QuickTasksTestSupport {

    static final String DYNASPARK_IMAGE = "dynaspark:image?width=256&height=192&baseUrl={{spark.emulator.dynaspark.url}}";
    static final String DYNASPARK_AUDIO = "dynaspark:audio?voice=nova&baseUrl={{spark.emulator.dynaspark.url}}";
    static final String SPARKDREAM = "sparkdream:generate?width=512&height=512&apiKey=dream-key"
                                     + "&baseUrl={{spark.emulator.sparkdream.url}}";
    static final String NEOSPARK_IMAGE = "neospark:image?apiKey=np_media_key&baseUrl={{spark.emulator.neospark.url}}";
    static final String NEOSPARK_VIDEO = "neospark:video?duration=4&apiKey=np_media_key"
                                         + "&baseUrl={{spark.emulator.neospark.url}}";
    static final String IMAGE_KAMELET = "kamelet:dynaspark-image-action?width=256&height=192"
                                        + "&baseUrl={{spark.emulator.dynaspark.url}}";
    static final String NEOSPARK_KAMELET = "kamelet:neospark-image-action?apiKey=np_media_key"
                                           + "&baseUrl={{spark.emulator.neospark.url}}";

    /** Every media result, by the route that makes it. */
    static final List<String> MEDIA_ROUTES = List.of("dynaspark-image", "dynaspark-audio", "sparkdream",
            "neospark-image", "neospark-video", "image-kamelet", "neospark-kamelet");

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                media("dynaspark-image", DYNASPARK_IMAGE);
                media("dynaspark-audio", DYNASPARK_AUDIO);
                media("sparkdream", SPARKDREAM);
                media("neospark-image", NEOSPARK_IMAGE);
                media("neospark-video", NEOSPARK_VIDEO);
                media("image-kamelet", IMAGE_KAMELET);
                media("neospark-kamelet", NEOSPARK_KAMELET);
                from("direct:fail-after-kamelet").to(IMAGE_KAMELET)
                        .throwException(new IllegalStateException("after the Kamelet"));
            }

            /** The result as the route sees it, read three ways in turn: as bytes, as text and as JSON. */
            private void media(String name, String uri) {
                from("direct:" + name).to(uri)
                        .setProperty("bodyType", simple("${body.getClass().getName()}"))
                        .setProperty("media", body())
                        .convertBodyTo(byte[].class).setProperty("bytes", body())
                        .setBody(exchangeProperty("media")).convertBodyTo(String.class).setProperty("text", body())
                        .setBody(exchangeProperty("media")).marshal().json(JsonLibrary.Jackson)
                        .convertBodyTo(String.class).setProperty("json", body());
            }
        };
    }

    /** Runs a media route and checks the three readings agree; returns the body's type as the route saw it. */
    String assertReadableThreeWays(String route) throws Exception {
        Exchange out = template.request("direct:" + route, e -> e.getMessage().setBody("A lighthouse at dusk"));
        assertThat(out.getException()).as(route).isNull();
        byte[] bytes = out.getProperty("bytes", byte[].class);
        assertThat(bytes).as(route + " as bytes").isNotEmpty();
        assertThat(out.getProperty("text", String.class)).as(route + " as text").isNotEmpty();
        JsonNode json = new ObjectMapper().readTree(out.getProperty("json", String.class));
        assertThat(json.isTextual()).as(route + " as JSON: %s", json.getNodeType()).isTrue();
        assertThat(Base64.getDecoder().decode(json.asText())).as(route + " as JSON, base64").isEqualTo(bytes);
        return out.getProperty("bodyType", String.class);
    }
}
