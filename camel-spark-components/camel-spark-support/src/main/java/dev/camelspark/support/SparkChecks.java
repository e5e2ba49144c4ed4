package dev.camelspark.support;

import java.net.URI;
import java.util.Collection;

import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Exchange;

/**
 * Client-side checks that fail before any call, with a message naming the option, the value and what is allowed.
 * {@code null} values pass: an option that is not set is not sent.
 */
public final class SparkChecks {

    private final String provider;

    private SparkChecks(String provider) {
        this.provider = provider;
    }

    public static SparkChecks of(String provider) {
        return new SparkChecks(provider);
    }

    /** The body as text, which must not be blank: {@code what} names it in the error ("prompt", "message"). */
    public String bodyText(Exchange exchange, String what) {
        String text = exchange.getMessage().getBody(String.class);
        if (text == null || text.isBlank()) {
            throw new SparkValidationException(provider, "body (" + what + ")", text == null ? "null" : "\"" + text + "\"",
                    "a non-empty " + what, null);
        }
        return text;
    }

    public SparkChecks range(String option, Number value, double min, double max) {
        if (value != null && (Double.isNaN(value.doubleValue()) || value.doubleValue() < min || value.doubleValue() > max)) {
            throw invalid(option, value, "from " + format(min) + " to " + format(max));
        }
        return this;
    }

    public SparkChecks atLeast(String option, Number value, double min) {
        if (value != null && value.doubleValue() < min) {
            throw invalid(option, value, format(min) + " or more");
        }
        return this;
    }

    public SparkChecks oneOf(String option, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw invalid(option, value, "one of " + String.join(", ", allowed));
        }
        return this;
    }

    public SparkChecks notBlank(String option, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(option, value == null ? "" : value, "a non-empty value");
        }
        return this;
    }

    public SparkChecks maxLength(String option, String value, int max) {
        if (value != null && value.length() > max) {
            throw invalid(option, value.length() + " characters", "at most " + max + " characters");
        }
        return this;
    }

    public SparkChecks httpUrl(String option, String value) {
        notBlank(option, value);
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw invalid(option, value, "an absolute http or https URL");
            }
        } catch (IllegalArgumentException e) {
            throw invalid(option, value, "an absolute http or https URL");
        }
        return this;
    }

    /** A check that is not a range or a list: {@code allowed} says in words what would pass. */
    public SparkChecks that(boolean ok, String option, Object value, String allowed) {
        if (!ok) {
            throw invalid(option, value, allowed);
        }
        return this;
    }

    public SparkValidationException invalid(String option, Object value, String allowed) {
        return new SparkValidationException(provider, option, value, allowed, null);
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
