package dev.camelspark.sparkdream;

import java.time.Duration;
import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two hundred tasks in flight at once, on the component's few threads: none is held per task. */
class SparkDreamManyTasksTest extends SparkDreamTestSupport {

    private static final int TASKS = 200;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // one route thread submits them all: it is never held by a task
                from("seda:many?concurrentConsumers=1&size=" + TASKS)
                        .to("sparkdream:generate?download=false&pollInterval=200&maxPollInterval=1000")
                        .to("mock:done");
            }
        };
    }

    private static long threads(String nameEnd) {
        Set<Thread> all = Thread.getAllStackTraces().keySet();
        return all.stream().filter(t -> t.isAlive() && t.getName().endsWith(nameEnd)).count();
    }

    @Test
    void twoHundredTasksInFlightOnAFewThreads() throws Exception {
        emulator().settings().maxLoggedRequests(100_000);
        emulator().clock().freeze(); // every task stands still until the clock moves
        settings().durations(Duration.ofSeconds(1), Duration.ofSeconds(10));
        int threadsBefore = Thread.activeCount();
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(TASKS);

        for (int i = 0; i < TASKS; i++) {
            template.sendBody("seda:many", "Picture number " + i);
        }
        SparkDreamComponent component = context.getComponent("sparkdream", SparkDreamComponent.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> component.getPoller().size() == TASKS);

        assertThat(creates()).hasSize(TASKS);
        assertThat(done.getReceivedCounter()).isZero();
        assertThat(threads("camel-spark-sparkdream")).as("the component's scheduler threads").isLessThanOrEqualTo(4);
        assertThat(threads("camel-spark-sparkdream-worker")).as("its workers").isLessThanOrEqualTo(10);
        assertThat(Thread.activeCount() - threadsBefore).as("no thread per task").isLessThan(20);

        emulator().clock().advance(Duration.ofSeconds(11));
        done.assertIsSatisfied(60_000);
        assertThat(done.getReceivedExchanges())
                .allSatisfy(e -> assertThat(e.getMessage().getBody(String.class)).contains("/sparkdream/cdn/task-"));
        assertThat(component.getPoller().size()).isZero();
        assertThat(creates()).hasSize(TASKS);
    }
}
