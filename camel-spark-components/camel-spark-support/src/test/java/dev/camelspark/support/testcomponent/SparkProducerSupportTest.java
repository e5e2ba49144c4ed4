package dev.camelspark.support.testcomponent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkErrorProperties;
import dev.camelspark.support.error.SparkRateLimitException;
import dev.camelspark.support.error.SparkServerException;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.testing.HttpTestServer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.camelspark.support.testing.HttpTestServer.json;
import static dev.camelspark.support.testing.HttpTestServer.status;
import static org.assertj.core.api.Assertions.assertThat;

/** The producer base: the callback is completed exactly once, on the right path, and failures carry the AI properties. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SparkProducerSupportTest {

    private final HttpTestServer server = new HttpTestServer();
    private final TestSparkComponent component = new TestSparkComponent();
    private CamelContext context;

    /** Remembers how the callback was completed, and refuses a second completion. */
    private static final class RecordingCallback implements AsyncCallback {
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicReference<Boolean> doneSync = new AtomicReference<>();
        final AtomicBoolean twice = new AtomicBoolean();

        @Override
        public void done(boolean sync) {
            if (!doneSync.compareAndSet(null, sync)) {
                twice.set(true);
            }
            done.countDown();
        }
    }

    @BeforeEach
    void setUp() {
        component.getConfiguration().setBaseUrl(server.url() + "/api");
        context = new DefaultCamelContext();
        context.addComponent("testspark", component);
        context.start();
    }

    @AfterEach
    void tearDown() {
        context.stop();
        server.close();
    }

    private record Outcome(boolean returned, RecordingCallback callback, Exchange exchange) {
    }

    private Outcome process(String uri, Object body) throws Exception {
        Endpoint endpoint = context.getEndpoint(uri);
        AsyncProducer producer = (AsyncProducer) endpoint.createProducer();
        ServiceHelper.startService(producer);
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody(body);
        RecordingCallback callback = new RecordingCallback();
        boolean returned = producer.process(exchange, callback);
        assertThat(callback.done.await(20, TimeUnit.SECONDS)).as("callback completed").isTrue();
        assertThat(callback.twice).as("callback completed once").isFalse();
        ServiceHelper.stopService(producer);
        return new Outcome(returned, callback, exchange);
    }

    @Test
    void anAnswerAlreadyInCompletesSynchronously() throws Exception {
        server.on("/api/echo", json("{\"answer\":\"hi\"}", "X-RateLimit-Remaining", "41", "X-RateLimit-Reset", "1900000000"));
        Outcome o = process("testspark:call", "hello");
        assertThat(o.returned()).isTrue();
        assertThat(o.callback().doneSync.get()).isTrue();
        assertThat(o.exchange().getException()).isNull();
        assertThat(o.exchange().getMessage().getBody(String.class)).isEqualTo("{\"answer\":\"hi\"}");
        assertThat(o.exchange().getMessage().getHeader(SparkConstants.ATTEMPTS)).isEqualTo(1);
        assertThat(o.exchange().getMessage().getHeader(SparkConstants.RATE_LIMIT_REMAINING)).isEqualTo(41L);
        assertThat(o.exchange().getMessage().getHeader(SparkConstants.RATE_LIMIT_RESET)).isEqualTo(1_900_000_000L);
        assertThat(server.lastRequest().query()).contains("prompt=hello");
    }

    @Test
    void aCallThatHasToWaitCompletesAsynchronously() throws Exception {
        server.onSequence("/api/echo", status(503, "busy", "Retry-After", "0"), json("{\"answer\":\"late\"}"));
        Outcome o = process("testspark:call", "hello");
        assertThat(o.returned()).isFalse();
        assertThat(o.callback().doneSync.get()).isFalse();
        assertThat(o.exchange().getException()).isNull();
        assertThat(o.exchange().getMessage().getBody(String.class)).contains("late");
        assertThat(o.exchange().getMessage().getHeader(SparkConstants.ATTEMPTS)).isEqualTo(2);
    }

    @Test
    void aCheckThatFailsBeforeAnyCallFailsSynchronouslyAsValidation() throws Exception {
        Outcome o = process("testspark:call", "   ");
        assertThat(o.returned()).isTrue();
        assertThat(o.callback().doneSync.get()).isTrue();
        assertThat(o.exchange().getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("body (prompt)").hasMessageContaining("a non-empty prompt");
        assertThat(o.exchange().getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("VALIDATION");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aProviderRefusalKnownAtOnceFailsSynchronouslyWithCategoryAndRetryAfter() throws Exception {
        server.on("/api/echo", status(429, "{\"error\":\"Rate limit exceeded\"}", "Retry-After", "120"));
        Outcome o = process("testspark:call", "hello");
        assertThat(o.returned()).isTrue();
        assertThat(o.exchange().getException()).isInstanceOf(SparkRateLimitException.class);
        assertThat(o.exchange().getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("RATE_LIMIT");
        assertThat(o.exchange().getProperty(SparkErrorProperties.RETRY_AFTER_MILLIS)).isEqualTo(120_000L);
    }

    @Test
    void aFailureAfterWaitingFailsAsynchronouslyWithCategory() throws Exception {
        server.on("/api/echo", status(503, "{\"error\":\"busy\"}", "Retry-After", "0"));
        Outcome o = process("testspark:call?maxRetries=1", "hello");
        assertThat(o.returned()).isFalse();
        assertThat(o.callback().doneSync.get()).isFalse();
        assertThat(o.exchange().getException()).isInstanceOf(SparkServerException.class).hasMessageContaining("busy");
        assertThat(o.exchange().getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("SERVER_ERROR");
        assertThat(o.exchange().getProperty(SparkErrorProperties.RETRY_AFTER_MILLIS)).isEqualTo(0L);
        assertThat(server.hits("/api/echo")).isEqualTo(2);
    }

    @Test
    void inARouteTheFailedExchangeCarriesTheProperties() throws Exception {
        server.on("/api/echo", status(401, "{\"error\":\"invalid key\"}"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("testspark:call?apiKey=RAW(sk-wrong)");
            }
        });
        ProducerTemplate template = context.createProducerTemplate();
        Exchange result = template.send("direct:call", e -> e.getMessage().setBody("hello"));
        assertThat(result.getException()).hasMessage("testspark: HTTP 401: invalid key").hasMessageNotContaining("sk-wrong");
        assertThat(result.getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("AUTH");
        assertThat(server.lastRequest().query()).contains("api_key=sk-wrong");
    }
}
