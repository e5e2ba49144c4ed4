package dev.camelspark.dynaspark;

import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkRequest;
import org.apache.camel.Exchange;

/** {@code dynaspark:text}: prompt in, text out (or a stream of deltas with {@code stream=true}). */
class DynaSparkTextProducer extends DynaSparkProducerSupport {

    DynaSparkTextProducer(DynaSparkEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        DynaSparkConfiguration config = configurationFor(exchange);
        String prompt = requiredText(exchange, "prompt");
        String apiKey = getEndpoint().resolveApiKey(config);
        SparkRequest.Builder request = withTimeouts(withKey(SparkRequest.get(config.getBaseUrl(), GENERATE_RESPONSE),
                apiKey), config, config.isStream())
                .kind(CallKind.CHAT)
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
        return getEndpoint().getClient().open(request.build(), config.callPolicy(apiKey))
                .thenCompose(response -> readGenerateResponse(exchange, config, response));
    }
}
