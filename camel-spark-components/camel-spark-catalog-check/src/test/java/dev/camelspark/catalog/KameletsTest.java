package dev.camelspark.catalog;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.RequestPattern;
import dev.camelspark.support.SparkConstants;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets the component jars ship ({@link KameletDefinitionsTest}) run through camel-kamelet against the
 * emulator, as a route that uses them would: {@code to("kamelet:dynaspark-image-action?width=256")}; the properties
 * set are the parameters the services receive, and those left out are not sent.
 */
class KameletsTest extends QuickTasksTestSupport {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };

    @TempDir
    static Path VIDEOS;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text").to("kamelet:dynaspark-text-action?baseUrl={{spark.emulator.dynaspark.url}}"
                                       + "&temperature=0.5&system=Answer in one sentence&seed=3");
                from("direct:image").to("kamelet:dynaspark-image-action?baseUrl={{spark.emulator.dynaspark.url}}"
                                        + "&width=256&height=128&model=turbo&nologo=true");
                from("direct:audio").to("kamelet:dynaspark-audio-action?baseUrl={{spark.emulator.dynaspark.url}}"
                                        + "&voice=nova");
                from("direct:gpt").to("kamelet:sparkgpt-chat-action?baseUrl={{spark.emulator.sparkgpt.url}}"
                                      + "&apiKey=kamelet-key&modelId=2");
                from("direct:chat").to("kamelet:sparkstream-chat-action?baseUrl={{spark.emulator.sparkstream.url}}"
                                       + "&apiKey=kamelet-key&model=spark-pro&maxTokens=40&systemMessage=Be brief.");
                from("direct:dream").to("kamelet:sparkdream-image-action?baseUrl={{spark.emulator.sparkdream.url}}"
                                        + "&apiKey=kamelet-key&width=1472&height=1104&scale=3.5");
                from("direct:neo-image").to("kamelet:neospark-image-action?baseUrl={{spark.emulator.neospark.url}}"
                                            + "&apiKey=np_kamelet_key&resolution=2K&aspectRatio=16:9&maxCostPerTask=20");
                from("direct:neo-video").to("kamelet:neospark-video-action?baseUrl={{spark.emulator.neospark.url}}"
                                            + "&apiKey=np_kamelet_key&videoModel=AiVideoMin&duration=4&ratio=9:16"
                                            + "&maxCostPerTask=200&downloadDirectory=" + VIDEOS);
                from("direct:neo-too-dear").to("kamelet:neospark-video-action?baseUrl={{spark.emulator.neospark.url}}"
                                               + "&apiKey=np_kamelet_key&duration=15&maxCostPerTask=10"
                                               + "&downloadDirectory=" + VIDEOS);
            }
        };
    }

    /** The last call the emulator received on a path (below the vendor's base URL; * matches anything). */
    private static RecordedRequest last(Provider provider, String path) {
        List<RecordedRequest> calls = EMULATOR.find(RequestPattern.on(provider).path(path));
        assertThat(calls).as("calls to " + path).isNotEmpty();
        return calls.get(calls.size() - 1);
    }

    private Exchange send(String uri, String body) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setBody(body));
        assertThat(exchange.getException()).as(uri).isNull();
        return exchange;
    }

    @Test
    void dynasparkText() {
        assertThat(send("direct:text", "Why do camels have humps?").getMessage().getBody(String.class)).isNotBlank();
        RecordedRequest call = last(Provider.DYNASPARK, "/generate_response");
        assertThat(call.queryParam("temperature")).isEqualTo("0.5");
        assertThat(call.queryParam("system")).isEqualTo("Answer in one sentence");
        assertThat(call.queryParam("seed")).isEqualTo("3");
        // optional properties left out are not sent at all
        assertThat(call.queryParam("model")).isNull();
        assertThat(call.queryParam("api_key")).isNull();
    }

    @Test
    void dynasparkImage() {
        assertThat(send("direct:image", "A lighthouse").getMessage().getBody(byte[].class)).startsWith(PNG);
        RecordedRequest call = last(Provider.DYNASPARK, "/generate_image");
        assertThat(call.queryParam("width")).isEqualTo("256");
        assertThat(call.queryParam("height")).isEqualTo("128");
        assertThat(call.queryParam("model")).isEqualTo("turbo");
        assertThat(call.queryParam("nologo")).isEqualTo("true");
    }

    @Test
    void dynasparkAudio() {
        Exchange out = send("direct:audio", "Hello from a Kamelet");
        assertThat(out.getMessage().getBody(byte[].class)).isNotEmpty();
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class)).startsWith("audio/mpeg");
        assertThat(last(Provider.DYNASPARK, "/generate_response").queryParam("voice")).isEqualTo("nova");
    }

    @Test
    void sparkgptChat() {
        assertThat(send("direct:gpt", "Hello").getMessage().getBody(String.class)).isNotBlank();
        RecordedRequest call = last(Provider.SPARKGPT, "/api/askoutside");
        assertThat(call.bodyJson().path("model_id").asInt()).isEqualTo(2);
        assertThat(call.header("Authorization")).isEqualTo("Bearer kamelet-key");
    }

    @Test
    void sparkstreamChat() {
        Exchange out = send("direct:chat", "Name a desert animal.");
        assertThat(out.getMessage().getBody(String.class)).isNotBlank();
        assertThat(out.getMessage().getHeader(SparkConstants.MODEL)).isEqualTo("spark-pro");
        assertThat(out.getMessage().getHeader(SparkConstants.COST)).isNotNull();
        JsonNode body = last(Provider.SPARKSTREAM, "/v1/chat").bodyJson();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(40);
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Be brief.");
    }

    @Test
    void sparkdreamImage() {
        Exchange out = send("direct:dream", "A poster of a camel");
        assertThat(out.getMessage().getBody(byte[].class)).startsWith(PNG);
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("completed");
        JsonNode params = last(Provider.SPARKDREAM, "/model/v1/generation").bodyJson().at("/input/0/params");
        assertThat(params.path("width").asInt()).isEqualTo(1472);
        assertThat(params.path("scale").asDouble()).isEqualTo(3.5);
    }

    @Test
    void neosparkImage() {
        Exchange out = send("direct:neo-image", "A cat on a windowsill");
        assertThat(out.getMessage().getBody(byte[].class)).isNotEmpty();
        JsonNode body = last(Provider.NEOSPARK, "/drawing/sessions/*/generate").bodyJson();
        assertThat(body.path("resolution").asText()).isEqualTo("2K");
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("16:9");
    }

    @Test
    void neosparkVideo() {
        Exchange out = send("direct:neo-video", "A corgi on the beach");
        File video = out.getMessage().getBody(File.class);
        assertThat(video).exists().hasParent(VIDEOS.toFile());
        assertThat(video.length()).isPositive();
        JsonNode body = last(Provider.NEOSPARK, "/video/generations").bodyJson();
        assertThat(body.path("model").asText()).isEqualTo("AiVideoMin");
        assertThat(body.path("duration").asInt()).isEqualTo(4);
    }

    @Test
    void maxCostPerTaskRefusesADearVideoBeforeAnyCall() {
        long creates = EMULATOR.emulator().requests(Provider.NEOSPARK).stream()
                .filter(r -> r.path().endsWith("/video/generations")).count();

        Exchange out = template.request("direct:neo-too-dear", e -> e.getMessage().setBody("A long film"));

        assertThat(out.getException()).hasMessageContaining("maxCostPerTask");
        assertThat(EMULATOR.emulator().requests(Provider.NEOSPARK).stream()
                .filter(r -> r.path().endsWith("/video/generations")).count()).isEqualTo(creates);
    }

}
