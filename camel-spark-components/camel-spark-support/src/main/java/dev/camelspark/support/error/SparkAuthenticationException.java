package dev.camelspark.support.error;

/** The key was missing, wrong, expired, or not allowed to use this resource (HTTP 401 / 403). */
public class SparkAuthenticationException extends SparkApiException {

    public SparkAuthenticationException(String provider, int httpStatus, String providerCode, String providerMessage) {
        super(provider, httpStatus, providerCode, providerMessage);
    }

    @Override
    public AiErrorCategory getCategory() {
        return AiErrorCategory.AUTH;
    }
}
