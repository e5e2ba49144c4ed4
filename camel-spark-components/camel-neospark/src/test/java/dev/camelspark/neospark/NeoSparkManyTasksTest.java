package dev.camelspark.neospark;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import dev.camelspark.support.SparkConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many tasks in flight at once on a few threads: the route's thread is not held while a task runs. */
class NeoSparkManyTasksTest extends NeoSparkTestSupport {

    private static final int TASKS = 40;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:in?concurrentConsumers=1&size=100").to("neospark:image?resolution=512").to("mock:out");
            }
        };
    }

    @Test
    void fortyTasksRunTogetherFromOneRouteThreadAndAFewPollingThreads() throws Exception {
        emulator().clock().freeze();
        for (int i = 0; i < TASKS; i++) {
            template.sendBody("seda:in", "picture number " + i);
        }

        // one route thread created every task before any finished: it did not wait for them
        await().until(() -> creates().size() == TASKS);
        MockEndpoint out = getMockEndpoint("mock:out");
        assertThat(out.getReceivedCounter()).isZero();
        await().until(() -> component().getPoller().size() == TASKS);
        assertThat(pollingThreads()).hasSizeLessThanOrEqualTo(4);
        assertThat(calls("POST", "/drawing/sessions")).hasSize(1);

        emulator().clock().advance(Duration.ofSeconds(1));
        out.expectedMessageCount(TASKS);
        out.assertIsSatisfied(60_000);
        assertThat(out.getReceivedExchanges().stream().map(e -> e.getMessage().getHeader(SparkConstants.TASK_ID))
                .distinct()).hasSize(TASKS);
        assertThat(creates()).hasSize(TASKS);
        assertThat(component().getPoller().size()).isZero();
    }

    /** The component's scheduler threads, which run every poll. */
    private static Set<String> pollingThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.contains("camel-spark-neospark")).collect(Collectors.toSet());
    }
}
