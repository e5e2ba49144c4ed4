package dev.camelspark.support.http;

import dev.camelspark.support.error.SparkApiException;

/**
 * Turns an HTTP error answer into the right exception. Providers with their own shapes (Vtrix's balance 403,
 * NeoSpark's envelope) wrap {@link DefaultErrorDecoder}.
 */
@FunctionalInterface
public interface SparkErrorDecoder {

    SparkApiException decode(String provider, SparkResponse response);

    /** The same, knowing the request, so that a message can say which URL answered (never with its secrets). */
    default SparkApiException decode(String provider, SparkRequest request, SparkResponse response) {
        return decode(provider, response);
    }
}
