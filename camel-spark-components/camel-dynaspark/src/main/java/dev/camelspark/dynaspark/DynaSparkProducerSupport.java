package dev.camelspark.dynaspark;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkTransportException;
import dev.camelspark.support.http.SparkApiClient;
import dev.camelspark.support.http.SparkOpenResponse;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.media.DownloadedMedia;
import dev.camelspark.support.sse.SparkEventStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the three DynaSpark producers share: header overrides, the endpoint's {@link DynaSparkClient}, and reading an
 * answer of {@code /generate_response} by its Content-Type, not by what was asked.
 */
abstract class DynaSparkProducerSupport extends SparkProducerSupport {

    DynaSparkProducerSupport(DynaSparkEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public DynaSparkEndpoint getEndpoint() {
        return (DynaSparkEndpoint) super.getEndpoint();
    }

    /** The endpoint's configuration with this message's override headers applied, checked. */
    DynaSparkConfiguration configurationFor(Exchange exchange) {
        return getEndpoint().withOverrides(exchange, getEndpoint().getConfiguration());
    }

    /** The endpoint's wire client. */
    DynaSparkClient client() {
        return getEndpoint().client();
    }

    /** Makes the body of a {@code /generate_response} answer: an event stream, speech, JSON or plain text. */
    CompletableFuture<Void> readGenerateResponse(Exchange exchange, DynaSparkConfiguration config,
                                                 SparkOpenResponse response) {
        setCallHeaders(exchange, response.rateLimit(), response.attempts());
        Message message = exchange.getMessage();
        if (config.getSeed() != null) {
            message.setHeader(SparkConstants.SEED, config.getSeed());
        }
        setHeaderIfPresent(message, SparkConstants.MODEL, config.getModel());
        String type = response.mediaType();
        try {
            if (type.equals("text/event-stream")) {
                SparkEventStream stream = new SparkEventStream(provider(), response, config.isLenientStream(),
                        Duration.ofMillis(config.getStreamIdleTimeout()));
                if (config.isStream()) {
                    // model and tokens come with the last chunks: known once the route has read the stream
                    message.setBody(stream.closeWhenDone(exchange).whenComplete(ended -> {
                        setHeaderIfPresent(exchange.getMessage(), SparkConstants.MODEL, ended.getModel());
                        setUsageHeaders(exchange, ended.getUsage());
                    }));
                } else {
                    // streamed although not asked: the route expects the whole text
                    message.setBody(stream.readAll());
                    setHeaderIfPresent(message, SparkConstants.MODEL, stream.getModel());
                    setUsageHeaders(exchange, stream.getUsage());
                }
                return CompletableFuture.completedFuture(null);
            }
            if (type.startsWith("audio/")) {
                DownloadedMedia media = getEndpoint().getDownloader()
                        .receive(downloadRequest(exchange, config, client().speechSource(), Map.of(), null), response);
                message.setBody(media.toBody(exchange));
                message.setHeader(Exchange.CONTENT_TYPE, type);
                return CompletableFuture.completedFuture(null);
            }
            SparkResponse whole = response.readFully(SparkApiClient.MAX_BUFFERED_BODY);
            JsonNode json = whole.json();
            if (json == null || !json.isObject()) {
                message.setBody(whole.bodyAsString());
                return CompletableFuture.completedFuture(null);
            }
            failOnErrorField(json, whole.status());
            JsonNode answer = json.get("response");
            message.setBody(answer == null || answer.isNull() ? ""
                    : answer.isContainerNode() ? answer.toString() : answer.asText());
            setHeaderIfPresent(message, SparkConstants.MODEL, textOf(json, "model"));
            setUsageHeaders(exchange, json.get("usage"));
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            response.close();
            throw new SparkTransportException(provider(), "reading the answer of " + DynaSparkClient.GENERATE_RESPONSE + " failed: "
                    + e.getMessage(), false, e);
        }
    }

    /** A 200 whose JSON has an {@code error} key is an error too (api-contracts.md §1). */
    void failOnErrorField(JsonNode json, int status) {
        JsonNode error = json.get("error");
        if (error != null && !error.isNull()) {
            String text = error.isObject() ? error.path("message").asText(error.toString()) : error.asText();
            throw new SparkApiException(provider(), status, null, text);
        }
    }

    static String textOf(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    static void setHeaderIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
