package dev.camelspark.dynaspark;

import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.http.SparkRequest;
import org.apache.camel.Exchange;

/** {@code dynaspark:audio}: text in, the spoken answer out as MP3 bytes ({@code Content-Type: audio/mpeg}). */
class DynaSparkAudioProducer extends SparkProducerSupport {

    private final DynaSparkEndpoint endpoint;

    DynaSparkAudioProducer(DynaSparkEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        DynaSparkConfiguration config = endpoint.configurationFor(exchange);
        String text = requiredText(exchange, "text to speak");
        // the whole answer within requestTimeout: a body that trickles in must not hold the exchange for ever
        SparkRequest request = endpoint.client().generateResponse(false)
                .query("user_input", text)
                .query("model", DynaSparkConfiguration.AUDIO_MODEL)
                .query("voice", config.getVoice())
                .query("seed", config.getSeed())
                .additionalQuery(config.getAdditionalBodyProperty())
                .build();
        return endpoint.client().open(request)
                .thenCompose(response -> DynaSparkGenerateResponse.read(endpoint, exchange, config, response));
    }
}
