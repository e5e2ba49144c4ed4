package dev.camelspark.support.error;

/**
 * The request is not acceptable: either the provider answered 400, or a client-side check refused it before any
 * call was made. Client-side failures name the option, the value given and what is allowed.
 */
public class SparkValidationException extends SparkApiException {

    private final String option;
    private final Object value;
    private final String allowed;

    /** A refusal by the provider (HTTP 400, or a task that failed validation with the provider's code). */
    public SparkValidationException(String provider, int httpStatus, String providerCode, String providerMessage) {
        super(provider, httpStatus, providerCode, providerMessage);
        this.option = null;
        this.value = null;
        this.allowed = null;
    }

    /** A client-side refusal, before any call. */
    public SparkValidationException(String provider, String option, Object value, String allowed, String providerCode) {
        super(provider, 0, providerCode, "invalid " + option + " '" + value + "': allowed " + allowed);
        this.option = option;
        this.value = value;
        this.allowed = allowed;
    }

    @Override
    public AiErrorCategory getCategory() {
        return AiErrorCategory.VALIDATION;
    }

    /** The option (or input) that was refused client-side; {@code null} for a provider refusal. */
    public String getOption() {
        return option;
    }

    public Object getValue() {
        return value;
    }

    public String getAllowed() {
        return allowed;
    }
}
