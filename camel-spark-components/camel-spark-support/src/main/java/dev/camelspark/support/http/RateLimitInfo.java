package dev.camelspark.support.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The rate-limit state a response announced: {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining},
 * {@code X-RateLimit-Reset} (epoch seconds; small values are read as seconds from now, which some gateways send) and
 * {@code Retry-After} (seconds or an HTTP date). Any of them may be absent.
 */
public record RateLimitInfo(Long limit, Long remaining, Instant reset, Long retryAfterMillis) {

    public static final RateLimitInfo NONE = new RateLimitInfo(null, null, null, null);

    /** Below this an {@code X-RateLimit-Reset} value cannot be epoch seconds (it would be before 2001). */
    private static final long EPOCH_SECONDS_FLOOR = 1_000_000_000L;

    public static RateLimitInfo parse(Function<String, String> header, Clock clock) {
        Long limit = parseLong(header.apply("X-RateLimit-Limit"));
        Long remaining = parseLong(header.apply("X-RateLimit-Remaining"));
        Instant reset = parseReset(header.apply("X-RateLimit-Reset"), clock);
        Long retryAfter = parseRetryAfter(header.apply("Retry-After"), clock);
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
