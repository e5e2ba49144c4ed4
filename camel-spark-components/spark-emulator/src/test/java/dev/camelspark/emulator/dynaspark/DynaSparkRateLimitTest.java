package dev.camelspark.emulator.dynaspark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.camelspark.emulator.HttpAccess;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.SparkEmulatorExtension;

class DynaSparkRateLimitTest {

    @RegisterExtension
    static final SparkEmulatorExtension EMULATOR = new SparkEmulatorExtension();

    private HttpResponse<String> call(String key) {
        return HttpAccess.get(EMULATOR.baseUrl(Provider.DYNASPARK) + "/generate_response?user_input=hi"
                + (key == null ? "" : "&api_key=" + key));
    }

    @Test
    void everyResponseCarriesTheThreeHeaders() {
        EMULATOR.emulator().clock().freeze();
        long now = EMULATOR.emulator().clock().epochSecond();
        HttpResponse<String> first = call("k1");
        HttpResponse<String> second = call("k1");
        HttpResponse<String> bad = HttpAccess.get(EMULATOR.baseUrl(Provider.DYNASPARK) + "/generate_response?api_key=k1");

        assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("100");
        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("99");
        assertThat(second.headers().firstValue("X-RateLimit-Remaining")).hasValue("98");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("X-RateLimit-Remaining")).hasValue("97");
        long reset = Long.parseLong(first.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        assertThat(reset).isGreaterThan(now).isLessThanOrEqualTo(now + 3600);
    }

    @Test
    void over_the_limit_is_429_with_retry_after_until_the_window_resets() {
        EMULATOR.emulator().clock().freeze();
        EMULATOR.emulator().dynaspark().requestsPerHour(2);
        assertThat(call("k2").statusCode()).isEqualTo(200);
        assertThat(call("k2").statusCode()).isEqualTo(200);

        HttpResponse<String> limited = call("k2");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(HttpAccess.json(limited).get("error").asText()).isEqualTo("Rate limit exceeded");
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);

        // other keys, and callers without a key, have their own budget
        assertThat(call("k3").statusCode()).isEqualTo(200);
        assertThat(call(null).statusCode()).isEqualTo(200);

        EMULATOR.emulator().clock().advance(Duration.ofSeconds(retryAfter));
        assertThat(call("k2").statusCode()).isEqualTo(200);
    }

    @Test
    void imagesCountAgainstTheSameBudget() {
        EMULATOR.emulator().clock().freeze();
        EMULATOR.emulator().dynaspark().requestsPerHour(1);
        assertThat(HttpAccess.get(EMULATOR.baseUrl(Provider.DYNASPARK) + "/generate_image?user_input=x&api_key=k4")
                .statusCode()).isEqualTo(200);
        assertThat(call("k4").statusCode()).isEqualTo(429);
    }

    @Test
    void deniedKeyIs401WithHeaders() {
        HttpResponse<String> r = call("invalid-key");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("X-RateLimit-Limit")).isPresent();
    }
}
