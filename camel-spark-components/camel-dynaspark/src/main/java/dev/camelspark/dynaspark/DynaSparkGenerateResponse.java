package dev.camelspark.dynaspark;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkMediaDelivery;
import dev.camelspark.support.error.SparkTransportException;
import dev.camelspark.support.http.SparkApiClient;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkOpenResponse;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.media.DownloadedMedia;
import dev.camelspark.support.sse.SparkEventStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import static dev.camelspark.support.SparkCallHeaders.setCallHeaders;
import static dev.camelspark.support.SparkCallHeaders.setUsageHeaders;

/**
 * Reads an answer of {@code /generate_response} into the exchange by its Content-Type, not by what was asked (the
 * service may stream when not asked to, or speak): shared by {@code dynaspark:text} and {@code dynaspark:audio}.
 */
final class DynaSparkGenerateResponse {

    private DynaSparkGenerateResponse() {
    }

    /** Makes the body of the answer: an event stream, speech, JSON or plain text. */
    static CompletableFuture<Void> read(DynaSparkEndpoint endpoint, Exchange exchange, DynaSparkConfiguration config,
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
                SparkEventStream stream = new SparkEventStream(endpoint.providerName(), response,
                        config.isLenientStream(), Duration.ofMillis(config.getStreamIdleTimeout()));
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
                DownloadedMedia media = endpoint.getDownloader().receive(SparkMediaDelivery.downloadRequest(exchange,
                        config, endpoint.client().speechSource(), Map.of(), null), response);
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
            DynaSparkClient.failOnErrorField(json, whole.status());
            JsonNode answer = json.get("response");
            message.setBody(answer == null || answer.isNull() ? ""
                    : answer.isContainerNode() ? answer.toString() : answer.asText());
            setHeaderIfPresent(message, SparkConstants.MODEL, SparkJson.text(json, "model"));
            setUsageHeaders(exchange, json.get("usage"));
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            response.close();
            throw new SparkTransportException(endpoint.providerName(), "reading the answer of "
                    + DynaSparkClient.GENERATE_RESPONSE + " failed: " + e.getMessage(), false, e);
        }
    }

    private static void setHeaderIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
