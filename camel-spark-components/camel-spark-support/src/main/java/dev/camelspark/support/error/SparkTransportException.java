package dev.camelspark.support.error;

/**
 * The call failed without an HTTP answer (connection refused, reset, timed out). When {@link #isOutcomeUnknown()}
 * the request may have reached the provider, so a call that creates a paid task is not resent.
 */
public class SparkTransportException extends SparkApiException {

    private final boolean outcomeUnknown;

    public SparkTransportException(String provider, String message, boolean outcomeUnknown, Throwable cause) {
        super(provider, 0, null, message, null, null, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    @Override
    public AiErrorCategory getCategory() {
        return AiErrorCategory.SERVER_ERROR;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
