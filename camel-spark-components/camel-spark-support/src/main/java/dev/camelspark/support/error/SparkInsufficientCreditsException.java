package dev.camelspark.support.error;

/** The account cannot pay for the call (HTTP 402, or Vtrix's 403 for an insufficient balance). */
public class SparkInsufficientCreditsException extends SparkApiException {

    public SparkInsufficientCreditsException(String provider, int httpStatus, String providerCode, String providerMessage) {
        super(provider, httpStatus, providerCode, providerMessage);
    }
}
