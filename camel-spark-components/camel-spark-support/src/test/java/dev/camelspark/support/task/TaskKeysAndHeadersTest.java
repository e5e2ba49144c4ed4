package dev.camelspark.support.task;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.Map;

import dev.camelspark.support.SparkConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskKeysAndHeadersTest {

    private final CamelContext context = new DefaultCamelContext();

    private Exchange exchange(Map<String, Object> headers) {
        Exchange e = new DefaultExchange(context);
        e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        return e;
    }

    @Test
    void theKeyNamesTheFileOrTheExplicitKeyAndTheRequest() {
        Map<String, Object> file = Map.of("CamelFileAbsolutePath", "/in/a.txt", "CamelFileLastModified", 1700L,
                "CamelFileLength", 12L);
        String k1 = TaskKeys.of(exchange(file), "generate", "{\"prompt\":\"a\"}");
        assertThat(k1).startsWith("file:/in/a.txt@1700+12#");
        assertThat(TaskKeys.of(exchange(file), "generate", "{\"prompt\":\"a\"}")).isEqualTo(k1);
        assertThat(TaskKeys.of(exchange(file), "generate", "{\"prompt\":\"a\",\"width\":512}")).isNotEqualTo(k1);
        assertThat(TaskKeys.of(exchange(file), "video", "{\"prompt\":\"a\"}")).isNotEqualTo(k1);

        Map<String, Object> changed = Map.of("CamelFileAbsolutePath", "/in/a.txt", "CamelFileLastModified", 1800L,
                "CamelFileLength", 12L);
        assertThat(TaskKeys.of(exchange(changed), "generate", "{\"prompt\":\"a\"}")).isNotEqualTo(k1);

        Map<String, Object> explicit = Map.of(SparkConstants.TASK_KEY, " order-7 ", "CamelFileAbsolutePath", "/x");
        assertThat(TaskKeys.of(exchange(explicit), "generate", "b")).startsWith("order-7#");
        assertThat(TaskKeys.of(exchange(Map.of("CamelFileName", "a.txt")), "generate", "b")).isNull();
    }

    @Test
    void correlationHeadersKeepMatchingJsonSafeValues() {
        Map<String, Object> headers = Map.of("CamelFileName", "a.txt", "CamelFileLength", 12L, "camelfileparent", "/in",
                "orderId", 7, "price", new BigDecimal("1.50"), "when", new Date(), "other", "x",
                "timeout", Duration.ofSeconds(1));
        Map<String, Object> saved = CorrelationHeaders.of("CamelFile*, orderId,price,when").save(exchange(headers).getMessage());

        assertThat(saved).containsOnlyKeys("CamelFileName", "CamelFileLength", "camelfileparent", "orderId", "price");
        assertThat(CorrelationHeaders.of("*").save(exchange(headers).getMessage()))
                .containsKeys("other", "orderId").doesNotContainKeys("when", "timeout");
        assertThat(CorrelationHeaders.of("").save(exchange(headers).getMessage())).isEmpty();

        Exchange target = exchange(Map.of("CamelFileName", "old"));
        CorrelationHeaders.restore(target.getMessage(), saved);
        assertThat(target.getMessage().getHeader("CamelFileName")).isEqualTo("a.txt");
        assertThat(target.getMessage().getHeader("orderId")).isEqualTo(7);
    }

    @Test
    void pollWaitsGrowByHalfUpToTheMaximum() {
        PollSchedule s = new PollSchedule(Duration.ofSeconds(2), Duration.ofSeconds(15));
        Duration d = s.interval();
        StringBuilder seen = new StringBuilder(d.toMillis() + "");
        for (int i = 0; i < 6; i++) {
            d = s.next(d);
            seen.append(',').append(d.toMillis());
        }
        assertThat(seen).hasToString("2000,3000,4500,6750,10125,15000,15000");
        assertThat(new PollSchedule(Duration.ofSeconds(5), Duration.ofSeconds(1)).maxInterval())
                .isEqualTo(Duration.ofSeconds(5));
    }
}
