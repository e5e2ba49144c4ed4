package dev.camelspark.sparkdream;

import java.time.Clock;
import java.util.Locale;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkInsufficientCreditsException;
import dev.camelspark.support.http.DefaultErrorDecoder;
import dev.camelspark.support.http.SparkResponse;

/**
 * The Vtrix gateway answers an account that cannot pay with 403, like a key without permission: the message tells
 * them apart. "insufficient balance" becomes a {@link SparkInsufficientCreditsException}, not an authentication
 * failure, so a route can tell "top up" from "fix the key".
 */
final class VtrixErrorDecoder extends DefaultErrorDecoder {

    VtrixErrorDecoder(Clock clock) {
        super(clock, SparkDreamConfiguration.DEFAULT_BASE_URL);
    }

    @Override
    public SparkApiException decode(String provider, SparkResponse response) {
        ErrorBody body = ErrorBody.of(response.json(), response.bodyAsString());
        String message = body.message() == null ? "" : body.message().toLowerCase(Locale.ROOT);
        if (response.status() == 403 && (message.contains("balance") || message.contains("insufficient"))) {
            return new SparkInsufficientCreditsException(provider, 403, body.code(), body.message());
        }
        return forStatus(provider, response.status(), body.code(), body.message(), response.rateLimit());
    }
}
