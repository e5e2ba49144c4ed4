package dev.camelspark.support.testcomponent;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.camelspark.support.error.SparkErrorProperties;
import dev.camelspark.support.error.SparkTransportException;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.http.CallPolicy;
import dev.camelspark.support.http.SparkApiClient;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.testing.HttpTestServer;
import dev.camelspark.support.testing.RawHttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The component base: one client per started component, closed on stop; options copied, checked at start. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SparkComponentSupportTest {

    private final TestSparkComponent component = new TestSparkComponent();
    private CamelContext context;

    @BeforeEach
    void setUp() {
        context = new DefaultCamelContext();
        context.addComponent("testspark", component);
    }

    @AfterEach
    void tearDown() {
        context.stop();
    }

    @Test
    void theClientExistsOnlyWhileTheComponentIsStarted() {
        assertThatThrownBy(component::getClient).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("testspark component is not started");
        context.start();
        SparkApiClient client = component.getClient();
        assertThat(client.provider()).isEqualTo("testspark");
        assertThat(component.getDownloader()).isNotNull();
        assertThat(component.getScheduler().isShutdown()).isFalse();

        component.stop();
        assertThatThrownBy(component::getClient).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(component::getDownloader).isInstanceOf(IllegalStateException.class);
        assertThat(client.scheduler().isShutdown()).isTrue();
        assertThatThrownBy(() -> client.transport().open(SparkRequest.get("http://127.0.0.1:1", "/").build()))
                .as("the HTTP client is closed").isInstanceOf(IllegalStateException.class);

        component.start();
        assertThat(component.getClient()).as("a restart builds a new client").isNotSameAs(client);
        assertThat(component.getClient().scheduler().isShutdown()).isFalse();
    }

    @Test
    void stoppingTheComponentClosesItsPooledConnections() throws Exception {
        CountDownLatch serverSawClose = new CountDownLatch(1);
        try (RawHttpServer server = new RawHttpServer(c -> {
            c.readRequest();
            c.respondKeepAlive(200, "{}", "Content-Type", "application/json");
            if (c.awaitClientClose(Duration.ofSeconds(20))) {
                serverSawClose.countDown();
            }
        })) {
            context.start();
            component.getClient().call(SparkRequest.get(server.url(), "/r").build(), CallPolicy.noRetries("k"))
                    .get(10, TimeUnit.SECONDS);
            assertThat(serverSawClose.getCount()).as("kept alive in the pool").isEqualTo(1);

            context.stop();
            assertThat(serverSawClose.await(10, TimeUnit.SECONDS)).as("closed with the component").isTrue();
        }
    }

    @Test
    void anExchangeWaitingForARetryFailsWhenTheComponentStops() throws Exception {
        try (HttpTestServer server = new HttpTestServer()) {
            server.on("/api/echo", HttpTestServer.status(503, "busy", "Retry-After", "30"));
            component.getConfiguration().setBaseUrl(server.url() + "/api");
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call").to("testspark:call");
                }
            });
            context.start();
            Future<Exchange> pending = context.createProducerTemplate()
                    .asyncSend("direct:call", e -> e.getMessage().setBody("hello"));
            await().atMost(Duration.ofSeconds(10)).until(() -> server.hits("/api/echo") == 1);
            assertThat(pending).isNotDone();

            component.stop();

            Exchange done = pending.get(10, TimeUnit.SECONDS);
            assertThat(done.getException()).isInstanceOf(SparkTransportException.class)
                    .hasMessageContaining("the component is stopping");
            assertThat(done.getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("SERVER_ERROR");
            assertThat(server.hits("/api/echo")).isEqualTo(1);
        }
    }

    @Test
    void endpointsStartFromACopyOfTheComponentsOptions() throws Exception {
        component.getConfiguration().setTemperature(0.5);
        component.getConfiguration().setBaseUrl("http://component.example/api");
        context.start();
        TestSparkEndpoint plain = context.getEndpoint("testspark:call", TestSparkEndpoint.class);
        TestSparkEndpoint tuned = context.getEndpoint("testspark:call?temperature=1.5&baseUrl=http://endpoint.example",
                TestSparkEndpoint.class);
        assertThat(plain.getConfiguration().getTemperature()).isEqualTo(0.5);
        assertThat(tuned.getConfiguration().getTemperature()).as("endpoint over component").isEqualTo(1.5);
        assertThat(tuned.getConfiguration().getBaseUrl()).isEqualTo("http://endpoint.example");
        assertThat(component.getConfiguration().getTemperature()).as("the component's values are untouched").isEqualTo(0.5);
        assertThat(plain.getConfiguration()).isNotSameAs(component.getConfiguration());
    }

    @Test
    void aBadOptionFailsWhenTheRouteStartsNamingOptionValueAndRange() {
        context.start();
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:x").to("testspark:call?maxRetries=99");
            }
        })).rootCause().isInstanceOf(SparkValidationException.class)
                .hasMessage("testspark: invalid maxRetries '99': allowed from 0 to 10");
    }

    @Test
    void aComponentOptionOfTheSubclassIsCheckedToo() {
        component.getConfiguration().setTemperature(7.0);
        context.start();
        assertThatThrownBy(() -> context.getEndpoint("testspark:call").start()).rootCause()
                .isInstanceOf(SparkValidationException.class).hasMessageContaining("temperature '7.0'")
                .hasMessageContaining("from 0 to 2");
    }

    @Test
    void theKeyComesFromTheOptionElseFromTheEnvironment() {
        component.setApiKeyVariable("PATH"); // a variable every environment has
        assertThat(component.resolveApiKey("sk-configured")).isEqualTo("sk-configured");
        assertThat(component.resolveApiKey(null)).isEqualTo(System.getenv("PATH"));
        assertThat(component.resolveApiKey("  ")).isEqualTo(System.getenv("PATH"));
        component.setApiKeyVariable("CAMEL_SPARK_TEST_SURELY_UNSET_VARIABLE");
        assertThat(component.resolveApiKey(null)).isNull();
    }

    /**
     * Every task in flight has its next poll queued on the scheduler: Camel's default profile caps a scheduled pool's
     * queue at 1,000, which abandoned the 1,001st task in flight. 5,000 queued at once are all taken and all run.
     */
    @Test
    void theSchedulerQueuesAPollForEachOfThousandsOfTasksInFlight() throws InterruptedException {
        context.start();
        CountDownLatch ran = new CountDownLatch(5000);
        for (int i = 0; i < 5000; i++) {
            component.getScheduler().schedule(ran::countDown, 200, TimeUnit.MILLISECONDS);
        }
        assertThat(ran.await(20, TimeUnit.SECONDS)).isTrue();
    }
}
