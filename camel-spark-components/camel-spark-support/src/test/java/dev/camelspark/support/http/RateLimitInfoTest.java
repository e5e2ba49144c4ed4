package dev.camelspark.support.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate-limit headers of any response, read on a fixed clock. */
class RateLimitInfoTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Read both ways: by name, and from an answer's headers in one pass (names in any case, others among them). */
    private static RateLimitInfo parse(String... headers) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<Header> answer = new ArrayList<>(List.of(new BasicHeader("Content-Type", "application/json"),
                new BasicHeader("X-RateLimit-Policy", "100;w=60")));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
            answer.add(new BasicHeader(i % 4 == 0 ? headers[i].toLowerCase(Locale.ROOT) : headers[i], headers[i + 1]));
        }
        answer.add(new BasicHeader("Retry-After", "999")); // a repeated header: the first one counts, as by name
        RateLimitInfo byName = RateLimitInfo.parse(map::get, CLOCK);
        if (map.containsKey("Retry-After")) {
            assertThat(RateLimitInfo.parse(answer.toArray(Header[]::new), CLOCK)).isEqualTo(byName);
        }
        answer.remove(answer.size() - 1);
        assertThat(RateLimitInfo.parse(answer.toArray(Header[]::new), CLOCK)).isEqualTo(byName);
        return byName;
    }

    @Test
    void allHeaders() {
        RateLimitInfo info = parse("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "7",
                "X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 90), "Retry-After", "12");
        assertThat(info).isEqualTo(new RateLimitInfo(100L, 7L, NOW.plusSeconds(90), 12_000L));
        assertThat(info.exhausted()).isFalse();
    }

    @Test
    void resetInEpochSeconds() {
        assertThat(parse("X-RateLimit-Reset", "1748779200").reset()).isEqualTo(Instant.ofEpochSecond(1748779200));
    }

    @Test
    void smallResetValuesAreSecondsFromNow() {
        assertThat(parse("X-RateLimit-Reset", "30").reset()).isEqualTo(NOW.plusSeconds(30));
        assertThat(parse("X-RateLimit-Reset", "0").reset()).isEqualTo(NOW);
        assertThat(parse("X-RateLimit-Reset", "86400").reset()).isEqualTo(NOW.plusSeconds(86_400));
    }

    @Test
    void retryAfterInSeconds() {
        assertThat(parse("Retry-After", "120").retryAfterMillis()).isEqualTo(120_000L);
        assertThat(parse("Retry-After", " 3 ").retryAfterMillis()).isEqualTo(3_000L);
        assertThat(parse("Retry-After", "0").retryAfterMillis()).isEqualTo(0L);
        assertThat(parse("Retry-After", "-5").retryAfterMillis()).as("never negative").isEqualTo(0L);
    }

    @Test
    void retryAfterAsHttpDate() {
        String inFortySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(40), ZoneOffset.UTC));
        assertThat(inFortySeconds).endsWith("GMT");
        assertThat(parse("Retry-After", inFortySeconds).retryAfterMillis()).isEqualTo(40_000L);
        assertThat(parse("Retry-After", "Sun, 01 Jun 2025 12:02:00 GMT").retryAfterMillis()).isEqualTo(120_000L);
        assertThat(parse("Retry-After", "Sun, 01 Jun 2025 11:00:00 GMT").retryAfterMillis()).as("in the past").isEqualTo(0L);
    }

    @Test
    void missingHeadersGiveNone() {
        assertThat(parse()).isSameAs(RateLimitInfo.NONE);
        assertThat(RateLimitInfo.NONE.waitMillis(CLOCK)).isNull();
        assertThat(RateLimitInfo.NONE.exhausted()).isFalse();
        assertThat(parse("X-RateLimit-Remaining", "", "Retry-After", "  ")).isSameAs(RateLimitInfo.NONE);
    }

    @Test
    void garbageIsIgnoredHeaderByHeader() {
        RateLimitInfo info = parse("X-RateLimit-Limit", "lots", "X-RateLimit-Remaining", "3",
                "X-RateLimit-Reset", "soon", "Retry-After", "Someday, 99 Foo 2025");
        assertThat(info).isEqualTo(new RateLimitInfo(null, 3L, null, null));
    }

    @Test
    void exhaustedWhenNothingRemains() {
        assertThat(parse("X-RateLimit-Remaining", "0").exhausted()).isTrue();
        assertThat(parse("X-RateLimit-Remaining", "1").exhausted()).isFalse();
        assertThat(parse("X-RateLimit-Limit", "10").exhausted()).isFalse();
    }

    @Test
    void waitIsRetryAfterFirstThenTheTimeToTheReset() {
        assertThat(parse("Retry-After", "5", "X-RateLimit-Reset", "60").waitMillis(CLOCK)).isEqualTo(5_000L);
        assertThat(parse("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "60").waitMillis(CLOCK)).isEqualTo(60_000L);
        assertThat(parse("X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() - 10)).waitMillis(CLOCK))
                .as("a reset in the past means go now").isEqualTo(0L);
        assertThat(parse("X-RateLimit-Reset", "60").waitMillis(Clock.offset(CLOCK, java.time.Duration.ofSeconds(20))))
                .as("measured on the clock it is asked with").isEqualTo(40_000L);
    }
}
