package dev.camelspark.catalog;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.SparkEmulatorExtension;
import dev.camelspark.support.testing.HealthChecks;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each component's producer health check in Camel's health framework, against the emulator over HTTP: UP when the
 * provider answers its free call, DOWN with the reason when the key is refused or the service is unreachable, and
 * a probe repeated within {@code healthCheckCacheTime} calls the API no more. No generation is ever requested.
 */
class ProducerHealthChecksTest extends CamelTestSupport {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    /** A port nothing listens on: the service is unreachable there. */
    private static final String NOWHERE = "http://127.0.0.1:" + freePort();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthChecks.install(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String dyna = EMULATOR.baseUrl(Provider.DYNASPARK);
                from("direct:dyna-up").to("dynaspark:text?baseUrl=" + dyna);
                from("direct:dyna-nowhere").to("dynaspark:image?baseUrl=" + NOWHERE + "/api");

                String gpt = EMULATOR.baseUrl(Provider.SPARKGPT);
                from("direct:gpt-up").to("sparkgpt:chat?modelId=1&apiKey=gpt-key&baseUrl=" + gpt);
                from("direct:gpt-refused").to("sparkgpt:training-data?modelId=1&apiKey=invalid-key&baseUrl=" + gpt);

                String stream = EMULATOR.baseUrl(Provider.SPARKSTREAM);
                from("direct:stream-up").to("sparkstream:chat?apiKey=stream-key&baseUrl=" + stream);
                from("direct:stream-refused").to("sparkstream:chat?apiKey=invalid-key&baseUrl=" + stream);

                String dream = EMULATOR.baseUrl(Provider.SPARKDREAM);
                from("direct:dream-up").to("sparkdream:generate?apiKey=dream-key&baseUrl=" + dream);
                from("direct:dream-refused").to("sparkdream:submit?apiKey=invalid-key&baseUrl=" + dream);
                from("direct:dream-nowhere").to("sparkdream:status?apiKey=dream-key&baseUrl=" + NOWHERE);

                String neo = EMULATOR.baseUrl(Provider.NEOSPARK);
                from("direct:neo-up").to("neospark:image?apiKey=np_health&baseUrl=" + neo);
                from("direct:neo-refused").to("neospark:video?apiKey=invalid-key&baseUrl=" + neo);
                from("direct:neo-nowhere").to("neospark:models?apiKey=np_health&baseUrl=" + NOWHERE + "/api/v1");
            }
        };
    }

    @Test
    void upWhenTheProviderAnswersItsFreeCall() {
        Map<String, HealthCheck.Result> checks = HealthChecks.producers(context);

        for (String id : new String[] { "producer:dynaspark-text", "producer:sparkgpt-chat", "producer:sparkstream-chat",
                "producer:sparkdream-generate", "producer:neospark-image" }) {
            assertThat(checks.get(id)).as(id + " among " + checks.keySet()).isNotNull();
            assertThat(checks.get(id).getState()).as(id + ": " + checks.get(id).getMessage())
                    .isEqualTo(HealthCheck.State.UP);
        }
        // DynaSpark's status page is at the host root, beside /api (the emulator serves each provider under its prefix)
        assertThat(checks.get("producer:dynaspark-text").getDetails()).containsEntry("probe", "GET /dynaspark/status")
                .containsEntry("keyChecked", false).containsEntry("provider", "dynaspark");
        assertThat(checks.get("producer:neospark-image").getDetails())
                .containsEntry("probe", "GET /neospark/api/v1/drawing/models/config").containsEntry("keyChecked", true);
        // free calls only: no generation, no task, no chat answered
        assertThat(EMULATOR.emulator().requests(Provider.SPARKDREAM)).extracting(RecordedRequest::method)
                .containsOnly("GET");
        assertThat(EMULATOR.emulator().requests(Provider.NEOSPARK)).extracting(RecordedRequest::method)
                .containsOnly("GET");
        assertThat(EMULATOR.emulator().requests(Provider.SPARKGPT)).extracting(RecordedRequest::path)
                .containsOnly("/api/getModelTrain");
    }

    @Test
    void downNamingTheRefusedKey() {
        Map<String, HealthCheck.Result> checks = HealthChecks.producers(context);

        for (String id : new String[] { "producer:sparkgpt-training-data", "producer:sparkstream-chat-2",
                "producer:sparkdream-submit", "producer:neospark-video" }) {
            HealthCheck.Result result = checks.get(id);
            assertThat(result).as(id).isNotNull();
            assertThat(result.getState()).as(id).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).as(id).hasValueSatisfying(m -> assertThat(m).contains("refused the key")
                    .contains("HTTP 401").doesNotContain("invalid-key"));
            assertThat(result.getDetails()).as(id).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
        }
    }

    @Test
    void downWhenTheServiceIsUnreachable() {
        Map<String, HealthCheck.Result> checks = HealthChecks.producers(context);

        for (String id : new String[] { "producer:dynaspark-image", "producer:sparkdream-status",
                "producer:neospark-models" }) {
            HealthCheck.Result result = checks.get(id);
            assertThat(result.getState()).as(id).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).as(id).hasValueSatisfying(m -> assertThat(m).contains("unreachable"));
        }
    }

    @Test
    void probesWithinTheCacheTimeCallTheApiOnce() {
        HealthChecks.producers(context);
        int afterFirst = EMULATOR.emulator().requests(Provider.NEOSPARK).size();
        HealthChecks.producers(context);
        HealthChecks.producers(context);

        assertThat(afterFirst).isEqualTo(2); // the good key and the refused one: one call each
        assertThat(EMULATOR.emulator().requests(Provider.NEOSPARK)).hasSize(afterFirst);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
