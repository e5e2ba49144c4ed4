package dev.camelspark.dynaspark;

import java.util.concurrent.CompletableFuture;

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
        // the whole answer within requestTimeout: a body that trickles in must not hold the exchange for ever
        SparkRequest request = client().generateResponse(false)
                .query("user_input", text)
                .query("model", DynaSparkConfiguration.AUDIO_MODEL)
                .query("voice", config.getVoice())
                .query("seed", config.getSeed())
                .additionalQuery(config.getAdditionalBodyProperty())
                .build();
        return client().open(request)
                .thenCompose(response -> readGenerateResponse(exchange, config, response));
    }
}
