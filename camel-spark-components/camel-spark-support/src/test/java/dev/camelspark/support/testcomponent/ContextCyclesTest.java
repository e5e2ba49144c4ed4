package dev.camelspark.support.testcomponent;

import java.time.Duration;

import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.testing.HttpTestServer;
import dev.camelspark.support.testing.ResourceCounts;
import dev.camelspark.support.testing.TaskService;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.camelspark.support.testing.HttpTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A hundred start/stop cycles of a context with endpoints of a call component and a task component, each making
 * calls, leave no thread, file descriptor nor leased connection behind; the pool is sized by maxConnections.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ContextCyclesTest {

    private final HttpTestServer server = new HttpTestServer();
    private final TaskService tasks = new TaskService().autoComplete(true);

    @AfterEach
    void tearDown() {
        tasks.close();
        server.close();
    }

    private CamelContext context(TestSparkComponent calls) throws Exception {
        calls.getConfiguration().setBaseUrl(server.url() + "/api");
        calls.getConfiguration().setApiKey("sk-test");
        TestTaskComponent generate = new TestTaskComponent();
        generate.getConfiguration().setBaseUrl(tasks.baseUrl());
        generate.getConfiguration().setApiKey("sk-test");
        generate.getConfiguration().setPollInterval(20);
        generate.getConfiguration().setMaxPollInterval(50);
        CamelContext context = new DefaultCamelContext();
        context.addComponent("testspark", calls);
        context.addComponent("testtasks", generate);
        context.getShutdownStrategy().setTimeout(2);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to("testspark:call");
                from("direct:generate").to("testtasks:generate");
            }
        });
        return context;
    }

    /** One life of a context: started, a call and a task, stopped; the pool had no lease left before the stop. */
    private void cycle() throws Exception {
        TestSparkComponent calls = new TestSparkComponent();
        CamelContext context = context(calls);
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            assertThat(template.requestBody("direct:call", "hello", String.class)).contains("hi");
            assertThat(template.requestBody("direct:generate", "a cat", byte[].class)).isEqualTo(TaskService.PNG);
            assertThat(calls.getTransport().leasedConnections()).isZero();
        } finally {
            context.stop();
        }
    }

    @Test
    void aHundredStartStopCyclesLeaveNoThreadNorDescriptor() throws Exception {
        server.on("/api/echo", json("{\"answer\":\"hi\"}"));
        for (int i = 0; i < 3; i++) {
            cycle(); // classes loaded, their jars opened, the servers' thread pools grown
        }
        long fdsBefore = ResourceCounts.openFileDescriptors();
        long threadsBefore = ResourceCounts.threads();

        for (int i = 0; i < 100; i++) {
            cycle();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ResourceCounts.threads()).as("threads " + ResourceCounts.countedThreadNames())
                    .isLessThanOrEqualTo(threadsBefore);
            assertThat(ResourceCounts.openFileDescriptors()).as("file descriptors " + ResourceCounts.openFileDescriptorTargets())
                    .isLessThanOrEqualTo(fdsBefore);
        });
    }

    @Test
    void thePoolIsMaxConnectionsElseMaxConcurrentRequestsElseAHundred() throws Exception {
        TestSparkComponent plain = new TestSparkComponent();
        TestSparkComponent capped = new TestSparkComponent();
        capped.getConfiguration().setMaxConcurrentRequests(7);
        TestSparkComponent sized = new TestSparkComponent();
        sized.getConfiguration().setMaxConcurrentRequests(7);
        sized.setMaxConnections(3);
        for (TestSparkComponent c : new TestSparkComponent[] { plain, capped, sized }) {
            CamelContext context = context(c);
            context.start();
            try {
                assertThat(c.getTransport().maxConnections()).isEqualTo(c == plain ? 100 : c == capped ? 7 : 3);
            } finally {
                context.stop();
            }
        }

        TestSparkComponent negative = new TestSparkComponent();
        negative.setMaxConnections(-1);
        CamelContext context = context(negative);
        try {
            assertThatThrownBy(context::start).rootCause().isInstanceOf(SparkValidationException.class)
                    .hasMessageContaining("maxConnections").hasMessageContaining("-1");
        } finally {
            context.stop();
        }
    }
}
