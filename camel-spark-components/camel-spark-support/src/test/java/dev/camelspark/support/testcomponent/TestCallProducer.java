package dev.camelspark.support.testcomponent;

import static dev.camelspark.support.SparkCallHeaders.setCallHeaders;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.SparkHeaderOverrides;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkRequest;
import org.apache.camel.Exchange;

/** GET {baseUrl}/echo with the prompt and options as query parameters; the answer's body becomes the body. */
class TestCallProducer extends SparkProducerSupport {

    static final SparkHeaderOverrides OVERRIDES =
            SparkHeaderOverrides.of("testspark", "CamelTestSpark", "temperature", "maxTokens", "system");

    TestCallProducer(TestSparkEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public TestSparkEndpoint getEndpoint() {
        return (TestSparkEndpoint) super.getEndpoint();
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        String prompt = requiredText(exchange, "prompt");
        TestSparkConfiguration config = OVERRIDES.resolve(exchange, getEndpoint().getConfiguration(),
                c -> c.validate(provider()));
        String key = getEndpoint().apiKey();
        SparkRequest request = SparkRequest.get(config.getBaseUrl(), "/echo")
                .query("prompt", prompt)
                .query("temperature", config.getTemperature())
                .query("max_tokens", config.getMaxTokens())
                .query("system", config.getSystem())
                .secretQuery("api_key", key)
                .kind(CallKind.CHAT)
                .readTimeout(Duration.ofMillis(config.getRequestTimeout()))
                .build();
        return getEndpoint().getClient().call(request, config.callPolicy(key)).thenAccept(response -> {
            exchange.getMessage().setBody(response.bodyAsString());
            setCallHeaders(exchange, response.rateLimit(), response.attempts());
        });
    }
}
