package dev.camelspark.support.testcomponent;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkRequest;
import org.apache.camel.Exchange;

/** GET {baseUrl}/generate answers {"url": ...}; the media behind it becomes the body. */
class TestMediaProducer extends SparkProducerSupport {

    TestMediaProducer(TestSparkEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public TestSparkEndpoint getEndpoint() {
        return (TestSparkEndpoint) super.getEndpoint();
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        TestSparkConfiguration config = getEndpoint().getConfiguration();
        String key = getEndpoint().apiKey();
        SparkRequest request = SparkRequest.get(config.getBaseUrl(), "/generate").bearer(key).kind(CallKind.READ).build();
        return getEndpoint().getClient().call(request, config.callPolicy(key))
                .thenCompose(response -> deliverMedia(exchange, config, response.json().get("url").asText(),
                        key == null ? Map.of() : Map.of("Authorization", "Bearer " + key), null, key));
    }
}
