package dev.camelspark.support.testcomponent;

import dev.camelspark.support.testing.HttpTestServer;
import dev.camelspark.support.testing.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.camelspark.support.testing.HttpTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key set on the component reaches the provider, and with every logger at DEBUG (Camel's and HttpClient's
 * included) and the routes dumped at start-up, it appears in no log line, nor in the endpoint's string form.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EndpointSecretsTest {

    private static final String KEY = "sk-URI-SECRET-91c0ae";

    private final HttpTestServer server = new HttpTestServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aKeyInTheUriIsSentButNeitherLoggedNorDumpedNorShown() throws Exception {
        server.on("/api/echo", json("{\"answer\":\"hi\"}"));
        CamelContext context = new DefaultCamelContext();
        // the key set on the component (camel.component.<scheme>.api-key, or the environment variable), never in a
        // URI: Camel itself shows URIs in its route dump and, at DEBUG, the placeholders it resolves in them
        TestSparkComponent component = new TestSparkComponent();
        component.getConfiguration().setApiKey(KEY);
        context.addComponent("testspark", component);
        context.setDumpRoutes("yaml");
        String uri = "testspark:call?baseUrl=" + server.url() + "/api";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").routeId("call").to(uri);
            }
        });
        String logs;
        Endpoint endpoint;
        try (LogCapture apache = LogCapture.debug("org");
             LogCapture ours = LogCapture.debug("dev")) {
            context.start();
            try (ProducerTemplate template = context.createProducerTemplate()) {
                assertThat(template.requestBody("direct:call", "hello", String.class)).contains("hi");
            }
            endpoint = context.getEndpoints().stream().filter(e -> e.getEndpointUri().startsWith("testspark"))
                    .findFirst().orElseThrow();
            logs = apache.all() + "\n" + ours.all();
            context.stop();
        }

        assertThat(server.lastRequest().query()).contains("api_key=" + KEY);
        assertThat(logs).as("Camel dumped the routes, we and HttpClient logged the call")
                .contains("uri: testspark:call").contains(">> GET /api/echo");
        assertThat(logs).doesNotContain(KEY);
        assertThat(endpoint.toString()).doesNotContain(KEY);
    }
}
