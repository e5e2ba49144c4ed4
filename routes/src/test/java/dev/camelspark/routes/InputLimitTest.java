package dev.camelspark.routes;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The lanes of the cluster profile's file routes: a second input waits while the first holds the only lane, goes on
 * once the first's exchange completes, and a shutdown ends the wait (the input is not started).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InputLimitTest {

    private final CamelContext context = new DefaultCamelContext();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        context.stop();
    }

    private ProducerTemplate start(InputLimit limit) throws Exception {
        context.getRegistry().bind("inputLimit", limit);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:input").bean("inputLimit", "acquire")
                        // the job: the first input holds its lane until the test releases it
                        .process(e -> {
                            if ("first".equals(e.getMessage().getBody())) {
                                release.await(60, TimeUnit.SECONDS);
                            }
                        });
            }
        });
        context.getShutdownStrategy().setTimeout(30);
        context.start();
        return context.createProducerTemplate();
    }

    @Test
    void aSecondInputWaitsForTheLaneOfTheFirstAndGoesOnOnceItCompletes() throws Exception {
        ProducerTemplate template = start(new InputLimit(1));
        CompletableFuture<Exchange> first = template.asyncSend("direct:input", e -> e.getMessage().setBody("first"));
        await().atMost(Duration.ofSeconds(30)).until(() -> context.getInflightRepository().size() == 1);
        CompletableFuture<Exchange> second = template.asyncSend("direct:input", e -> e.getMessage().setBody("second"));
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30))
                .until(() -> context.getInflightRepository().size() == 2);
        assertThat(second).as("waiting for the lane").isNotDone();

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).getException()).isNull();
        assertThat(second.get(30, TimeUnit.SECONDS).getException()).isNull();
    }

    @Test
    void aShutdownEndsTheWaitWithoutStartingTheInput() throws Exception {
        ProducerTemplate template = start(new InputLimit(1));
        CompletableFuture<Exchange> first = template.asyncSend("direct:input", e -> e.getMessage().setBody("first"));
        await().atMost(Duration.ofSeconds(30)).until(() -> context.getInflightRepository().size() == 1);
        CompletableFuture<Exchange> second = template.asyncSend("direct:input", e -> e.getMessage().setBody("second"));
        await().atMost(Duration.ofSeconds(30)).until(() -> context.getInflightRepository().size() == 2);

        // the graceful shutdown waits for the exchanges in flight: the one waiting for a lane gives up
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(context::stop);
        Exchange interrupted = second.get(30, TimeUnit.SECONDS);
        assertThat(interrupted.getException()).isInstanceOf(JobInterruptedException.class)
                .hasMessageContaining("interrupted by shutdown");
        assertThat(first).as("the first still holds its lane").isNotDone();
        release.countDown();
        stopping.get(60, TimeUnit.SECONDS);
        assertThat(first.get(30, TimeUnit.SECONDS).getException()).isNull();
    }

    @Test
    void noLimitInTheDefaultProfileAndANegativeOneRefused() throws Exception {
        ProducerTemplate template = start(new InputLimit(0));
        CompletableFuture<Exchange> first = template.asyncSend("direct:input", e -> e.getMessage().setBody("first"));
        await().atMost(Duration.ofSeconds(30)).until(() -> context.getInflightRepository().size() == 1);
        assertThat(template.send("direct:input", e -> e.getMessage().setBody("second")).getException()).isNull();
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).getException()).isNull();

        assertThatThrownBy(() -> new InputLimit(-1)).hasMessage(
                "invalid spark.batch.max-inputs-held '-1': allowed 0 (no limit) or more");
    }
}
