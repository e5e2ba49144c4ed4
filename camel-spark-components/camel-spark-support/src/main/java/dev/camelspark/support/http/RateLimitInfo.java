package dev.camelspark.support.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import org.apache.hc.core5.http.Header;

/**
 * The rate-limit state a response announced: {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining},
 * {@code X-RateLimit-Reset} (epoch seconds; small values are read as seconds from now, which some gateways send) and
 * {@code Retry-After} (seconds or an HTTP date). Any of them may be absent.
 */
public record RateLimitInfo(Long limit, Long remaining, Instant reset, Long retryAfterMillis) {

    public static final RateLimitInfo NONE = new RateLimitInfo(null, null, null, null);

    /** Below this an {@code X-RateLimit-Reset} value cannot be epoch seconds (it would be before 2001). */
    private static final long EPOCH_SECONDS_FLOOR = 1_000_000_000L;

    /** From an answer's headers, looked at once each (not one search of them all per name). */
    static RateLimitInfo parse(Header[] headers, Clock clock) {
        String limit = null;
        String remaining = null;
        String reset = null;
        String retryAfter = null;
        for (Header header : headers) {
            String name = header.getName();
            if (name.length() == RETRY_AFTER.length() && name.equalsIgnoreCase(RETRY_AFTER)) {
                retryAfter = first(retryAfter, header);
            } else if (name.length() > RATE_LIMIT.length() && name.regionMatches(true, 0, RATE_LIMIT, 0,
                    RATE_LIMIT.length())) {
                String rest = name.substring(RATE_LIMIT.length());
                if (rest.equalsIgnoreCase("Limit")) {
                    limit = first(limit, header);
                } else if (rest.equalsIgnoreCase("Remaining")) {
                    remaining = first(remaining, header);
                } else if (rest.equalsIgnoreCase("Reset")) {
                    reset = first(reset, header);
                }
            }
        }
        return of(limit, remaining, reset, retryAfter, clock);
    }

    private static final String RETRY_AFTER = "Retry-After";
    private static final String RATE_LIMIT = "X-RateLimit-";

    private static String first(String found, Header header) {
        return found != null ? found : header.getValue();
    }

    public static RateLimitInfo parse(Function<String, String> header, Clock clock) {
        return of(header.apply("X-RateLimit-Limit"), header.apply("X-RateLimit-Remaining"),
                header.apply("X-RateLimit-Reset"), header.apply(RETRY_AFTER), clock);
    }

    private static RateLimitInfo of(String limitValue, String remainingValue, String resetValue,
                                    String retryAfterValue, Clock clock) {
        if (limitValue == null && remainingValue == null && resetValue == null && retryAfterValue == null) {
            return NONE; // what most answers say: nothing to parse
        }
        Long limit = parseLong(limitValue);
        Long remaining = parseLong(remainingValue);
        Instant reset = parseReset(resetValue, clock);
        Long retryAfter = parseRetryAfter(retryAfterValue, clock);
        if (limit == null && remaining == null && reset == null && retryAfter == null) {
            return NONE;
        }
        return new RateLimitInfo(limit, remaining, reset, retryAfter);
    }

    /** Whether the provider said no request is left until {@link #reset()}. */
    public boolean exhausted() {
        return remaining != null && remaining <= 0;
    }

    /**
     * How long the provider asked to wait, in milliseconds: {@code Retry-After} first, else the time until the reset
     * when the limit is exhausted; {@code null} when it said nothing.
     */
    public Long waitMillis(Clock clock) {
        if (retryAfterMillis != null) {
            return retryAfterMillis;
        }
        if (reset != null) {
            return Math.max(0, reset.toEpochMilli() - clock.millis());
        }
        return null;
    }

    static Long parseLong(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (digits(value)) {
            return Long.parseLong(value); // what every provider sends; a double's parse costs more per answer
        }
        try {
            return (long) Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean digits(String value) {
        if (value.length() > 18) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static Instant parseReset(String value, Clock clock) {
        Long seconds = parseLong(value);
        if (seconds == null) {
            return null;
        }
        return seconds < EPOCH_SECONDS_FLOOR ? clock.instant().plusSeconds(seconds) : Instant.ofEpochSecond(seconds);
    }

    static Long parseRetryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Long seconds = parseLong(value);
        if (seconds != null) {
            return Math.max(0, seconds) * 1000;
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Math.max(0, at.toEpochMilli() - clock.millis());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
