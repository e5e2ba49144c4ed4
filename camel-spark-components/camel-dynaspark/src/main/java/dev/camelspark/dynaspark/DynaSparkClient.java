package dev.camelspark.dynaspark;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkCalls;
import dev.camelspark.support.http.SparkOpenResponse;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;

/**
 * DynaSpark on the wire: its two GET paths, the key as query parameter {@code api_key} (sent only when one is
 * configured: the free tier takes calls without one), the {@code error} field of a 200, and where its answers point.
 * Built once per endpoint with the endpoint's resolved key, base URL, timeouts and limits, none of which a header can
 * override.
 */
final class DynaSparkClient {

    static final String GENERATE_RESPONSE = "/generate_response";
    static final String GENERATE_IMAGE = "/generate_image";

    private final SparkCalls calls;
    private final DynaSparkConfiguration config;
    private final String apiKey;

    DynaSparkClient(SparkCalls calls, DynaSparkConfiguration config, String apiKey) {
        this.calls = calls;
        this.config = config;
        this.apiKey = apiKey;
    }

    /** A text or speech call, for the caller to add its query; a streamed one may go silent up to streamIdleTimeout. */
    SparkRequest.Builder generateResponse(boolean streamed) {
        return call(GENERATE_RESPONSE, streamed);
    }

    /** An image call, for the caller to add its query. */
    SparkRequest.Builder generateImage() {
        return call(GENERATE_IMAGE, false);
    }

    /** Sends a call whose answer is read by its Content-Type, as it arrives. */
    CompletableFuture<SparkOpenResponse> open(SparkRequest request) {
        return calls.open(request);
    }

    CompletableFuture<SparkResponse> send(SparkRequest request) {
        return calls.call(request);
    }

    /** Where speech came from, without the query: it would hold the key. */
    String speechSource() {
        return URI.create(config.getBaseUrl() + GENERATE_RESPONSE).toString();
    }

    /** An image URL of an answer, made absolute against the base URL. */
    String resolve(String imageUrl) {
        return URI.create(config.getBaseUrl()).resolve(imageUrl).toString();
    }

    /** A 200 whose JSON has an {@code error} key is an error too (api-contracts.md §1). */
    static void failOnErrorField(JsonNode json, int status) {
        JsonNode error = json.get("error");
        if (error != null && !error.isNull()) {
            String text = error.isObject() ? error.path("message").asText(error.toString()) : error.asText();
            throw new SparkApiException(DynaSparkComponent.PROVIDER.scheme(), status, null, text);
        }
    }

    private SparkRequest.Builder call(String path, boolean streamed) {
        return config.withTimeouts(SparkRequest.get(config.getBaseUrl(), path).secretQuery("api_key", apiKey), streamed)
                .kind(CallKind.CHAT);
    }
}
