package dev.camelspark.support;

import java.time.Duration;

import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.http.CallPolicy;
import dev.camelspark.support.http.ClientRateLimiter;
import dev.camelspark.support.testcomponent.TestSparkConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared options: checked with messages that name them, copied per endpoint, turned into a call policy. */
class SparkConfigurationTest {

    private final TestSparkConfiguration config = new TestSparkConfiguration();

    @Test
    void theDefaultsAreValid() {
        assertThatCode(() -> config.validate("testspark")).doesNotThrowAnyException();
        assertThat(config.getMaxRetries()).isEqualTo(2);
        assertThat(config.getMaxRetryAfter()).isEqualTo(60_000);
        assertThat(config.getRequestsPerMinute()).isZero();
        assertThat(config.getMaxConcurrentRequests()).isZero();
        assertThat(config.isDownload()).isTrue();
        assertThat(config.getMaxDownloadSize()).isEqualTo(200L * 1024 * 1024);
        assertThat(config.getDownloadTimeout()).isEqualTo(600_000);
    }

    @Test
    void theLimiterKeyIsTheSameForTheSameKeyAndBaseUrlAndChangesWithEither() {
        String first = config.callPolicy("sk-1").limiterKey();
        assertThat(config.callPolicy("sk-1").limiterKey()).isEqualTo(first)
                .isEqualTo(ClientRateLimiter.keyOf(config.getBaseUrl(), "sk-1")).doesNotContain("sk-1");
        assertThat(config.callPolicy("sk-2").limiterKey()).isNotEqualTo(first);
        TestSparkConfiguration other = (TestSparkConfiguration) config.copy();
        other.setBaseUrl("http://elsewhere.example");
        assertThat(other.callPolicy("sk-1").limiterKey()).isNotEqualTo(first)
                .isEqualTo(ClientRateLimiter.keyOf("http://elsewhere.example", "sk-1"));
        assertThat(config.callPolicy("sk-1").limiterKey()).isEqualTo(first);
    }

    @Test
    void eachSharedOptionIsChecked() {
        assertRefused(c -> c.setBaseUrl("ftp://x"), "testspark: invalid baseUrl 'ftp://x': allowed an absolute http or https URL");
        assertRefused(c -> c.setBaseUrl(null), "testspark: invalid baseUrl '': allowed a non-empty value");
        assertRefused(c -> c.setConnectTimeout(0), "testspark: invalid connectTimeout '0': allowed 1 or more");
        assertRefused(c -> c.setRequestTimeout(-1), "testspark: invalid requestTimeout '-1': allowed 1 or more");
        assertRefused(c -> c.setStreamIdleTimeout(0), "testspark: invalid streamIdleTimeout '0': allowed 1 or more");
        assertRefused(c -> c.setMaxRetries(11), "testspark: invalid maxRetries '11': allowed from 0 to 10");
        assertRefused(c -> c.setMaxRetries(-1), "testspark: invalid maxRetries '-1': allowed from 0 to 10");
        assertRefused(c -> c.setMaxRetryAfter(-1), "testspark: invalid maxRetryAfter '-1': allowed 0 or more");
        assertRefused(c -> c.setRequestsPerMinute(-5), "testspark: invalid requestsPerMinute '-5': allowed 0 or more");
        assertRefused(c -> c.setMaxConcurrentRequests(-1), "testspark: invalid maxConcurrentRequests '-1': allowed 0 or more");
        assertRefused(c -> c.setMaxDownloadSize(0), "testspark: invalid maxDownloadSize '0': allowed 1 or more");
        assertRefused(c -> c.setDownloadTimeout(0), "testspark: invalid downloadTimeout '0': allowed 1 or more");
    }

    private void assertRefused(java.util.function.Consumer<TestSparkConfiguration> change, String message) {
        TestSparkConfiguration c = (TestSparkConfiguration) config.copy();
        change.accept(c);
        assertThatThrownBy(() -> c.validate("testspark")).isInstanceOf(SparkValidationException.class).hasMessage(message);
    }

    @Test
    void aCopyIsIndependent() {
        config.setApiKey("sk-1");
        config.setTemperature(0.4);
        TestSparkConfiguration copy = (TestSparkConfiguration) config.copy();
        copy.setTemperature(1.0);
        copy.setMaxRetries(5);
        assertThat(config.getTemperature()).isEqualTo(0.4);
        assertThat(config.getMaxRetries()).isEqualTo(2);
        assertThat(copy.getApiKey()).isEqualTo("sk-1");
    }

    @Test
    void theCallPolicyCarriesTheLimitsAndAKeyThatHidesTheApiKey() {
        config.setBaseUrl("https://api.example");
        config.setMaxRetries(4);
        config.setMaxRetryAfter(15_000);
        config.setRequestsPerMinute(30);
        config.setMaxConcurrentRequests(3);
        CallPolicy policy = config.callPolicy("sk-secret");
        assertThat(policy).isEqualTo(new CallPolicy(4, Duration.ofSeconds(15), ClientRateLimiter.keyOf("https://api.example",
                "sk-secret"), 30, 3));
        assertThat(policy.limiterKey()).doesNotContain("sk-secret");
        assertThat(config.callPolicy("sk-other").limiterKey()).isNotEqualTo(policy.limiterKey());
    }

    @Test
    void allowedDownloadHostsAreASetOfLowerCaseNames() {
        assertThat(config.allowedDownloadHostSet()).isEmpty();
        config.setAllowedDownloadHosts(" CDN.local ,10.0.0.7:8080,, ");
        assertThat(config.allowedDownloadHostSet()).containsExactlyInAnyOrder("cdn.local", "10.0.0.7:8080");
    }
}
