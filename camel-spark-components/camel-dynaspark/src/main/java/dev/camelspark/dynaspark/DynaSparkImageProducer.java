package dev.camelspark.dynaspark;

import static dev.camelspark.support.SparkCallHeaders.setCallHeaders;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code dynaspark:image}: prompt in, image bytes out (or the URL with {@code download=false}). The image URL is
 * fetched without the key: DynaSpark keys travel in the query, and the media URL is not the API.
 */
class DynaSparkImageProducer extends SparkProducerSupport {

    private final DynaSparkEndpoint endpoint;

    DynaSparkImageProducer(DynaSparkEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        DynaSparkConfiguration config = endpoint.configurationFor(exchange);
        String prompt = requiredText(exchange, "prompt");
        SparkRequest request = endpoint.client().generateImage()
                .query("user_input", prompt)
                .query("width", config.getWidth())
                .query("height", config.getHeight())
                .query("model", config.getModel())
                .query("nologo", config.getNologo())
                .query("seed", config.getSeed())
                .query("wm", config.getWm())
                .additionalQuery(config.getAdditionalBodyProperty())
                .build();
        return endpoint.client().send(request).thenCompose(response -> deliver(exchange, config, response));
    }

    private CompletableFuture<Void> deliver(Exchange exchange, DynaSparkConfiguration config, SparkResponse response) {
        setCallHeaders(exchange, response.rateLimit(), response.attempts());
        JsonNode json = response.json();
        if (json == null || !json.isObject()) {
            throw new SparkApiException(provider(), response.status(), null,
                    "expected a JSON answer with image_url, got " + response.mediaType());
        }
        DynaSparkClient.failOnErrorField(json, response.status());
        String imageUrl = SparkJson.text(json, "image_url");
        if (imageUrl == null || imageUrl.isBlank()) {
            throw new SparkApiException(provider(), response.status(), null, "the answer has no image_url: " + json);
        }
        Message message = exchange.getMessage();
        String model = SparkJson.text(json, "model");
        if (model != null) {
            message.setHeader(SparkConstants.MODEL, model);
        }
        JsonNode seed = json.get("seed");
        if (seed != null && seed.canConvertToLong()) {
            message.setHeader(SparkConstants.SEED, seed.asLong());
        }
        return deliverMedia(exchange, config, endpoint.client().resolve(imageUrl), Map.of(), null, endpoint.apiKey());
    }
}
