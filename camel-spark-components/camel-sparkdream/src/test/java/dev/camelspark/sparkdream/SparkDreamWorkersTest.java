package dev.camelspark.sparkdream;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A route step after the producer that blocks (a slow upload) holds one of the component's workers, never the
 * scheduler that polls the tasks: as many blocked steps as there are scheduler threads, and another task still
 * completes.
 */
class SparkDreamWorkersTest extends SparkDreamTestSupport {

    private final CountDownLatch uploadsDone = new CountDownLatch(1);
    private final AtomicInteger uploading = new AtomicInteger();
    private final Set<String> uploadThreads = ConcurrentHashMap.newKeySet();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slow").to("sparkdream:generate")
                        .process(e -> {
                            uploadThreads.add(Thread.currentThread().getName());
                            uploading.incrementAndGet();
                            uploadsDone.await(); // a slow upload
                        })
                        .to("mock:slow");
                from("direct:quick").to("sparkdream:generate").to("mock:quick");
            }
        };
    }

    @Test
    void blockedRouteStepsHoldWorkersAndOtherTasksStillComplete() throws Exception {
        SparkDreamComponent component = context.getComponent("sparkdream", SparkDreamComponent.class);
        int blocked = component.getSchedulerPoolSize();
        MockEndpoint slow = getMockEndpoint("mock:slow");
        slow.expectedMessageCount(blocked);
        try {
            for (int i = 0; i < blocked; i++) {
                template.asyncSendBody("direct:slow", "A fox, number " + i);
            }
            await().until(() -> uploading.get() == blocked);

            CompletableFuture<Exchange> quick = template.asyncSend("direct:quick", e -> e.getMessage().setBody("A owl"));

            Exchange out = quick.get(30, TimeUnit.SECONDS);
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getBody(byte[].class)).isNotEmpty();
            assertThat(uploadThreads).hasSize(blocked)
                    .allSatisfy(name -> assertThat(name).endsWith("camel-spark-sparkdream-worker"));
        } finally {
            uploadsDone.countDown();
        }
        slow.assertIsSatisfied();
    }
}
