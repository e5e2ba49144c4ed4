package dev.camelspark.dynaspark;

import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.http.SparkRequest;
import org.apache.camel.Exchange;

/** {@code dynaspark:text}: prompt in, text out (or a stream of deltas with {@code stream=true}). */
class DynaSparkTextProducer extends SparkProducerSupport {

    private final DynaSparkEndpoint endpoint;

    DynaSparkTextProducer(DynaSparkEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        DynaSparkConfiguration config = endpoint.configurationFor(exchange);
        String prompt = requiredText(exchange, "prompt");
        SparkRequest.Builder request = endpoint.client().generateResponse(config.isStream())
                .query("user_input", prompt)
                .query("model", config.getModel())
                .query("temperature", config.getTemperature())
                .query("top_p", config.getTopP())
                .query("presence_penalty", config.getPresencePenalty())
                .query("frequency_penalty", config.getFrequencyPenalty())
                .query("json", config.isJson() ? "true" : null)
                .query("system", config.getSystem())
                .query("stream", config.isStream() ? "true" : null)
                .query("private", config.getPrivateGeneration())
                .query("seed", config.getSeed())
                .query("referrer", config.getReferrer())
                .additionalQuery(config.getAdditionalBodyProperty());
        return endpoint.client().open(request.build())
                .thenCompose(response -> DynaSparkGenerateResponse.read(endpoint, exchange, config, response));
    }
}
