package dev.camelspark.support.error;

import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The two AI error properties a failed exchange carries, and the exception it is failed with. */
class SparkErrorPropertiesTest {

    private final DefaultCamelContext context = new DefaultCamelContext();

    @AfterEach
    void tearDown() {
        context.stop();
    }

    private Exchange failWith(Throwable t) {
        Exchange exchange = new DefaultExchange(context);
        SparkErrorProperties.fail(exchange, t);
        return exchange;
    }

    @Test
    void rateLimitSetsCategoryAndRetryAfter() {
        SparkRateLimitException e = new SparkRateLimitException("p", 429, null, "slow down", 30_000L, Instant.EPOCH);
        Exchange exchange = failWith(e);
        assertThat(exchange.getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("RATE_LIMIT");
        assertThat(exchange.getProperty(SparkErrorProperties.RETRY_AFTER_MILLIS)).isEqualTo(30_000L);
        assertThat(exchange.getException()).isSameAs(e);
        assertThat(SparkErrorProperties.ERROR_CATEGORY).isEqualTo("CamelAiErrorCategory");
        assertThat(SparkErrorProperties.RETRY_AFTER_MILLIS).isEqualTo("CamelAiRetryAfterMillis");
    }

    @Test
    void futureWrappersAreRemoved() {
        SparkServerException e = new SparkServerException("p", 503, null, "busy", 4_000L, null, null);
        Exchange exchange = failWith(new CompletionException(new ExecutionException(e)));
        assertThat(exchange.getException()).isSameAs(e);
        assertThat(exchange.getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("SERVER_ERROR");
        assertThat(exchange.getProperty(SparkErrorProperties.RETRY_AFTER_MILLIS)).isEqualTo(4_000L);
    }

    @Test
    void eachKindHasItsCategory() {
        assertThat(failWith(new SparkValidationException("p", "temperature", 9, "from 0 to 2", null))
                .getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("VALIDATION");
        assertThat(failWith(new SparkAuthenticationException("p", 401, null, "bad key"))
                .getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("AUTH");
        assertThat(failWith(new SparkTransportException("p", "refused", false, null))
                .getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("SERVER_ERROR");
        assertThat(failWith(new SparkStreamException("p", "stalled", null))
                .getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("SERVER_ERROR");
        assertThat(failWith(new SparkInsufficientCreditsException("p", 402, null, "no credits"))
                .getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("UNKNOWN");
        assertThat(failWith(new SparkTaskFailedException("p", "t1", "failed", "003019095", "internal"))
                .getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("UNKNOWN");
    }

    @Test
    void noRetryAfterPropertyWhenTheProviderGaveNone() {
        Exchange exchange = failWith(new SparkServerException("p", 500, null, "boom"));
        assertThat(exchange.getProperty(SparkErrorProperties.RETRY_AFTER_MILLIS)).isNull();
    }

    @Test
    void anyOtherFailureIsUnknown() {
        IllegalStateException e = new IllegalStateException("bug");
        Exchange exchange = failWith(new CompletionException(e));
        assertThat(exchange.getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("UNKNOWN");
        assertThat(exchange.getException()).isSameAs(e);
    }

    @Test
    void messagesOfTaskAndValidationFailuresSayWhatWasWrong() {
        assertThat(new SparkTaskFailedException("sparkdream", "task-1", "failed", "003019095", "internal error"))
                .hasMessage("sparkdream: task task-1 failed: internal error [code 003019095]");
        assertThat(new SparkTaskTimeoutException("neospark", "v-9", "processing", java.time.Duration.ofMinutes(15)))
                .hasMessageContaining("v-9").hasMessageContaining("processing").hasMessageContaining("PT15M");
        SparkValidationException v = new SparkValidationException("dynaspark", "temperature", 3.5, "from 0 to 3", null);
        assertThat(v).hasMessage("dynaspark: invalid temperature '3.5': allowed from 0 to 3");
        assertThat(v.getOption()).isEqualTo("temperature");
        assertThat(v.getValue()).isEqualTo(3.5);
        assertThat(v.getAllowed()).isEqualTo("from 0 to 3");
    }
}
