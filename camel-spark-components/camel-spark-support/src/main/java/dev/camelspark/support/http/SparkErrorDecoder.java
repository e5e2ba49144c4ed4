package dev.camelspark.support.http;

import dev.camelspark.support.error.SparkApiException;

/**
 * Turns an HTTP error answer into the right exception. Providers with their own shapes (Vtrix's balance 403,
 * NeoSpark's envelope) wrap {@link DefaultErrorDecoder}.
 */
@FunctionalInterface
public interface SparkErrorDecoder {

    SparkApiException decode(String provider, SparkResponse response);
}
