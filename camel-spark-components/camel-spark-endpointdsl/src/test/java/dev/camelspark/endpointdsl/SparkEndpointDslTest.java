package dev.camelspark.endpointdsl;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.RequestPattern;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.emulator.neospark.NeoSparkSettings;
import dev.camelspark.emulator.sparkdream.SparkDreamSettings;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.sparkdream.SparkDreamEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelspark.endpointdsl.SparkEndpoints.dynaspark;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java routes written with the generated builders (the emulator's URLs come from the system properties its extension
 * sets, as placeholders), in both styles (a route builder implementing
 * {@link SparkEndpointBuilders}, and the static {@link SparkEndpoints}), against the emulator over HTTP: the
 * options the builders set are the ones the services receive.
 */
class SparkEndpointDslTest extends CamelTestSupport {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };

    @BeforeEach
    void quickTasks() {
        EMULATOR.emulator().settings(Provider.SPARKDREAM, SparkDreamSettings.class)
                .durations(Duration.ZERO, Duration.ofMillis(200));
        EMULATOR.emulator().settings(Provider.NEOSPARK, NeoSparkSettings.class)
                .taskTimes(Duration.ZERO, Duration.ofMillis(200));
    }

    /** The routes of a user who writes the endpoint DSL: Camel's builders and ours side by side. */
    static class GenerationRoutes extends EndpointRouteBuilder implements SparkEndpointBuilders {

        @Override
        public void configure() {
            from(direct("image"))
                    .to(dynaspark("image").width(256).height(128).seed(7L).model("turbo")
                            .baseUrl("{{spark.emulator.dynaspark.url}}"));

            from(direct("chat"))
                    .setHeader(sparkstream().sparkStreamSystemMessage(), constant("Be brief."))
                    .to(sparkstream("chat").model("spark-turbo").maxTokens(50).temperature(0.2)
                            .apiKey("dsl-key").baseUrl("{{spark.emulator.sparkstream.url}}"));

            from(direct("gpt"))
                    .to(sparkgpt("chat").modelId(1).apiKey("dsl-key").baseUrl("{{spark.emulator.sparkgpt.url}}"));

            from(direct("dream"))
                    .to(sparkdream("generate").width(1472).height(1104).usePreLlm(true)
                            .pollInterval(50L).maxPollInterval(200L).apiKey("dsl-key")
                            .baseUrl("{{spark.emulator.sparkdream.url}}"));

            from(direct("video"))
                    .to(neospark("video-submit").videoModel("AiVideoMin").duration(4).ratio("9:16")
                            .maxCostPerTask(200.0).taskGroup("dsl").apiKey("np_dsl_key")
                            .baseUrl("{{spark.emulator.neospark.url}}"));
            from(neospark("tasks").taskGroup("dsl").download(false).pollInterval(50L).maxPollInterval(200L)
                    .apiKey("np_dsl_key")
                            .baseUrl("{{spark.emulator.neospark.url}}"))
                    .to(mock("videos"));
        }
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new GenerationRoutes();
    }

    /** The last call the emulator received on a path (below the vendor's base URL; * matches anything). */
    private static RecordedRequest last(Provider provider, String path) {
        List<RecordedRequest> calls = EMULATOR.find(RequestPattern.on(provider).path(path));
        assertThat(calls).as("calls to " + path).isNotEmpty();
        return calls.get(calls.size() - 1);
    }

    @Test
    void theStaticBuildersWriteTheUrisCamelParses() {
        assertThat(dynaspark("image").width(1024).height(768).getRawUri())
                .isEqualTo("dynaspark://image?height=768&width=1024");
        assertThat(SparkEndpoints.neospark("video").videoModel("AiVideoMin").duration(8).getRawUri())
                .isEqualTo("neospark://video?duration=8&videoModel=AiVideoMin");
        SparkDreamEndpoint endpoint = (SparkDreamEndpoint) SparkEndpoints.sparkdream("submit").taskGroup("posters")
                .apiKey("k").resolve(context);
        assertThat(endpoint.getConfiguration().getTaskGroup()).isEqualTo("posters");
    }

    @Test
    void dynasparkImage() {
        byte[] image = template.requestBody("direct:image", "A lighthouse in a storm", byte[].class);

        assertThat(image).startsWith(PNG);
        RecordedRequest call = last(Provider.DYNASPARK, "/generate_image");
        assertThat(call.queryParam("width")).isEqualTo("256");
        assertThat(call.queryParam("height")).isEqualTo("128");
        assertThat(call.queryParam("seed")).isEqualTo("7");
        assertThat(call.queryParam("model")).isEqualTo("turbo");
    }

    @Test
    void sparkstreamChatWithAHeaderNamedByTheBuilder() {
        Exchange answer = template.request("direct:chat", e -> e.getMessage().setBody("Why do camels have humps?"));

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getBody(String.class)).isNotBlank();
        assertThat(answer.getMessage().getHeader(SparkConstants.MODEL)).isEqualTo("spark-turbo");
        assertThat(answer.getMessage().getHeader(SparkConstants.COST)).isNotNull();
        RecordedRequest call = last(Provider.SPARKSTREAM, "/v1/chat");
        assertThat(call.bodyJson().path("max_tokens").asInt()).isEqualTo(50);
        assertThat(call.bodyJson().path("messages").get(0).path("content").asText()).isEqualTo("Be brief.");
    }

    @Test
    void sparkgptChat() {
        String answer = template.requestBody("direct:gpt", "Hello", String.class);

        assertThat(answer).isNotBlank();
        assertThat(last(Provider.SPARKGPT, "/api/askoutside").bodyJson().path("model_id").asInt()).isEqualTo(1);
    }

    @Test
    void sparkdreamGenerateWaitsForTheTask() {
        Exchange done = template.request("direct:dream", e -> e.getMessage().setBody("A poster of a camel"));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(byte[].class)).startsWith(PNG);
        assertThat(done.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("completed");
        JsonNode params = last(Provider.SPARKDREAM, "/model/v1/generation").bodyJson().get("input").get(0).get("params");
        assertThat(params.path("width").asInt()).isEqualTo(1472);
        assertThat(params.path("height").asInt()).isEqualTo(1104);
        assertThat(params.path("use_pre_llm").asBoolean()).isTrue();
    }

    @Test
    void neosparkVideoSubmittedAndHandedOutByTheTasksConsumer() throws Exception {
        MockEndpoint videos = getMockEndpoint("mock:videos");
        videos.expectedMessageCount(1);

        String taskId = template.requestBody("direct:video", "A corgi on the beach", String.class);

        videos.assertIsSatisfied(20_000);
        Exchange delivered = videos.getExchanges().get(0);
        assertThat(delivered.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(taskId);
        assertThat(delivered.getMessage().getBody(String.class)).startsWith("http");
        RecordedRequest create = last(Provider.NEOSPARK, "/video/generations");
        assertThat(create.bodyJson().path("model").asText()).isEqualTo("AiVideoMin");
        assertThat(create.bodyJson().path("duration").asInt()).isEqualTo(4);
        assertThat(create.bodyJson().path("ratio").asText()).isEqualTo("9:16");
    }
}
