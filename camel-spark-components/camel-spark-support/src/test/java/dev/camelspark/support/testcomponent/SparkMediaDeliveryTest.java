package dev.camelspark.support.testcomponent;

import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkErrorProperties;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.testing.HttpTestServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.camelspark.support.testing.HttpTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** deliverMedia of the producer base, end to end: URL or bytes as the body, the key only to the API's origin. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SparkMediaDeliveryTest {

    private static final byte[] PNG = new byte[4_000];

    static {
        new Random(7).nextBytes(PNG);
    }

    private final HttpTestServer api = new HttpTestServer();
    private final HttpTestServer cdn = new HttpTestServer();
    /** What the API answers as the media URL. */
    private final AtomicReference<String> mediaUrl = new AtomicReference<>();
    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void setUp() throws Exception {
        cdn.on("/img/a.png", e -> HttpTestServer.respond(e, 200, PNG, "Content-Type", "image/png"));
        mediaUrl.set(cdn.url() + "/img/a.png");
        api.on("/api/generate", e -> HttpTestServer.respond(e, 200, "{\"url\":\"" + mediaUrl.get() + "\"}",
                "Content-Type", "application/json"));
        TestSparkComponent component = new TestSparkComponent();
        component.getConfiguration().setBaseUrl(api.localhostUrl() + "/api");
        component.getConfiguration().setApiKey("sk-media");
        context = new DefaultCamelContext();
        context.addComponent("testspark", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:url").to("testspark:media?download=false");
                from("direct:bytes").to("testspark:media?allowedDownloadHosts=127.0.0.1");
                from("direct:refused").to("testspark:media");
                from("direct:small").to("testspark:media?allowedDownloadHosts=127.0.0.1&maxDownloadSize=1000");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void tearDown() {
        context.stop();
        api.close();
        cdn.close();
    }

    @Test
    void downloadFalseGivesTheUrl() {
        Exchange e = template.send("direct:url", x -> x.getMessage().setBody("a cat"));
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getBody()).isEqualTo(cdn.url() + "/img/a.png");
        assertThat(e.getMessage().getHeader(SparkConstants.MEDIA_URL)).isEqualTo(cdn.url() + "/img/a.png");
        assertThat(cdn.hits("/img/a.png")).isZero();
    }

    @Test
    void downloadGivesTheBytesAndTheContentTypeAndTheCdnNeverSeesTheKey() {
        Exchange e = template.send("direct:bytes", x -> x.getMessage().setBody("a cat"));
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getBody()).isInstanceOf(byte[].class).isEqualTo(PNG);
        assertThat(e.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        assertThat(e.getMessage().getHeader(SparkConstants.MEDIA_URL)).isEqualTo(cdn.url() + "/img/a.png");
        assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer sk-media");
        assertThat(cdn.lastRequest().header("Authorization")).isNull();
    }

    @Test
    void aPrivateCdnThatIsNotAllowedFailsAsValidation() {
        // 127.0.0.2 is loopback but not the API's host (localhost = 127.0.0.1, which counts as the API's own)
        mediaUrl.set("http://127.0.0.2:" + cdn.port() + "/img/a.png");
        Exchange e = template.send("direct:refused", x -> x.getMessage().setBody("a cat"));
        assertThat(e.getException()).isInstanceOf(SparkValidationException.class).hasMessageContaining("allowedDownloadHosts");
        assertThat(e.getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("VALIDATION");
        assertThat(cdn.hits("/img/a.png")).isZero();
    }

    @Test
    void maxDownloadSizeFailsTheExchange() {
        Exchange e = template.send("direct:small", x -> x.getMessage().setBody("a cat"));
        assertThat(e.getException()).hasMessageContaining("maxDownloadSize (1000 bytes");
    }
}
