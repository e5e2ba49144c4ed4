package dev.camelspark.dynaspark;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkRequest;
import org.apache.camel.Exchange;

/** {@code dynaspark:audio}: text in, the spoken answer out as MP3 bytes ({@code Content-Type: audio/mpeg}). */
class DynaSparkAudioProducer extends DynaSparkProducerSupport {

    DynaSparkAudioProducer(DynaSparkEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        DynaSparkConfiguration config = configurationFor(exchange);
        String text = requiredText(exchange, "text to speak");
        String apiKey = getEndpoint().resolveApiKey(config);
        SparkRequest request = withKey(SparkRequest.get(config.getBaseUrl(), GENERATE_RESPONSE), apiKey)
                .kind(CallKind.CHAT)
                .connectTimeout(Duration.ofMillis(config.getConnectTimeout()))
                .readTimeout(Duration.ofMillis(config.getRequestTimeout()))
                .query("user_input", text)
                .query("model", DynaSparkConfiguration.AUDIO_MODEL)
                .query("voice", config.getVoice())
                .query("seed", config.getSeed())
                .build();
        return getEndpoint().getClient().open(request, config.callPolicy(apiKey))
                .thenCompose(response -> readGenerateResponse(exchange, config, response));
    }
}
