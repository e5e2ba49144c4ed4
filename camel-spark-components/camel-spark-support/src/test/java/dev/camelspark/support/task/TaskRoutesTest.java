package dev.camelspark.support.task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkErrorProperties;
import dev.camelspark.support.error.SparkTaskFailedException;
import dev.camelspark.support.error.SparkTaskTimeoutException;
import dev.camelspark.support.testcomponent.TestTaskComponent;
import dev.camelspark.support.testing.TaskService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The producer and consumer bases in real routes, through a test component, against a real task API. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskRoutesTest {

    private final TaskService service = new TaskService();
    private CamelContext context;
    private ProducerTemplate template;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        if (context != null) {
            context.stop();
        }
        service.close();
    }

    private void start(RouteBuilder routes) throws Exception {
        context = newContext(routes);
        context.start();
        template = context.createProducerTemplate();
    }

    private CamelContext newContext(RouteBuilder routes) throws Exception {
        TestTaskComponent component = new TestTaskComponent();
        component.getConfiguration().setBaseUrl(service.baseUrl());
        component.getConfiguration().setApiKey("sk-test");
        component.getConfiguration().setPollInterval(20);
        component.getConfiguration().setMaxPollInterval(50);
        CamelContext c = new DefaultCamelContext();
        c.addComponent("testtasks", component);
        c.getShutdownStrategy().setTimeout(2);
        c.addRoutes(routes);
        return c;
    }

    private MockEndpoint mock(String name) {
        return context.getEndpoint("mock:" + name, MockEndpoint.class);
    }

    @Test
    void generateFreesTheRoutesThreadWhileTasksRun() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:in?concurrentConsumers=1").to("testtasks:generate").to("mock:out");
            }
        });
        for (int i = 0; i < 5; i++) {
            template.sendBody("seda:in", "prompt " + i);
        }
        // one route thread, five tasks created before any finished: it did not wait for them
        await().until(() -> service.created().size() == 5);
        assertThat(mock("out").getReceivedCounter()).isZero();
        service.completeAll();

        mock("out").expectedMessageCount(5);
        mock("out").assertIsSatisfied(10_000);
        Exchange out = mock("out").getReceivedExchanges().get(0);
        assertThat(out.getMessage().getBody(byte[].class)).isEqualTo(TaskService.PNG);
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_ID, String.class)).startsWith("t-");
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("done");
        assertThat(out.getMessage().getHeader(SparkConstants.PROGRESS)).isEqualTo(100);
        assertThat(out.getMessage().getHeader(SparkConstants.COST, java.math.BigDecimal.class)).isEqualByComparingTo("0.25");
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        // the media is not on the API's origin: no key went there
        assertThat(service.server().requests().stream().filter(r -> r.path().startsWith("/media/"))
                .map(r -> r.header("Authorization"))).containsOnlyNulls();
    }

    @Test
    void aFailedTaskFailsTheWaitingExchangeWithTheProvidersCode() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("testtasks:generate");
            }
        });
        CompletableFuture<Exchange> sent = template.asyncSend("direct:in", e -> e.getMessage().setBody("storm"));
        await().until(() -> service.created().size() == 1);
        service.fail(service.created().get(0), "E42", "generation broke");

        Exchange out = sent.get(10, TimeUnit.SECONDS);
        assertThat(out.getException()).isInstanceOf(SparkTaskFailedException.class)
                .hasMessageContaining("E42").hasMessageContaining("generation broke");
        SparkTaskFailedException failed = (SparkTaskFailedException) out.getException();
        assertThat(failed.getProviderCode()).isEqualTo("E42");
        assertThat(failed.getTaskId()).isEqualTo(service.created().get(0));
        assertThat(out.getProperty(SparkErrorProperties.ERROR_CATEGORY)).isEqualTo("UNKNOWN");
    }

    @Test
    void aTaskPastItsDeadlineFailsTheExchangeAndIsNotPolledAgain() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("testtasks:generate?pollTimeout=300");
            }
        });
        Exchange out = template.send("direct:in", e -> e.getMessage().setBody("slow"));

        assertThat(out.getException()).isInstanceOf(SparkTaskTimeoutException.class)
                .hasMessageContaining("pollTimeout").hasMessageContaining("queued");
        String id = service.created().get(0);
        int reads = service.task(id).reads();
        Thread.sleep(200);
        assertThat(service.task(id).reads()).isEqualTo(reads);
    }

    @Test
    void submitReturnsTheIdAtOnceAndTheConsumerHandsTheTaskOutWithItsHeaders() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("testtasks:submit?taskGroup=g1&correlationHeaders=orderId,CamelFile*");
                from("testtasks:tasks?taskGroup=g1").to("mock:done");
            }
        });
        Exchange submitted = template.send("direct:submit", e -> {
            e.getMessage().setBody("a fox");
            e.getMessage().setHeader("orderId", "o-7");
            e.getMessage().setHeader("CamelFileName", "fox.txt");
            e.getMessage().setHeader("notSaved", "x");
        });
        String id = submitted.getMessage().getBody(String.class);
        assertThat(id).isEqualTo(service.created().get(0));
        assertThat(submitted.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(id);
        assertThat(mock("done").getReceivedCounter()).isZero();

        service.complete(id);
        mock("done").expectedMessageCount(1);
        mock("done").assertIsSatisfied(10_000);
        Exchange done = mock("done").getReceivedExchanges().get(0);
        assertThat(done.getMessage().getBody(byte[].class)).isEqualTo(TaskService.PNG);
        assertThat(done.getMessage().getHeader("orderId")).isEqualTo("o-7");
        assertThat(done.getMessage().getHeader("CamelFileName")).isEqualTo("fox.txt");
        assertThat(done.getMessage().getHeader("notSaved")).isNull();
        assertThat(done.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(id);
    }

    @Test
    void aFailedTaskReachesTheConsumerRoutesErrorHandler() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("testtasks:submit");
                from("testtasks:tasks")
                        .onException(SparkTaskFailedException.class).handled(true)
                            .setBody(simple("${exception.providerCode}: ${exception.providerMessage}"))
                            .to("mock:failed").end()
                        .to("mock:done");
            }
        });
        String id = template.requestBody("direct:submit", "a", String.class);
        service.fail(id, "E7", "no luck");
        String cancelled = template.requestBody("direct:submit", "b", String.class);
        service.cancel(cancelled);

        mock("failed").expectedBodiesReceivedInAnyOrder("E7: no luck", ": ");
        mock("failed").assertIsSatisfied(10_000);
        assertThat(mock("done").getReceivedCounter()).isZero();
        assertThat(mock("failed").getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(SparkConstants.TASK_STATUS))
                .containsExactlyInAnyOrder("failed", "cancelled");
    }

    @Test
    void aTaskIsHandedOutOnceAlsoWhenTheRouteFailsAndRedelivers() throws Exception {
        AtomicInteger entered = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0));
                from("direct:submit").to("testtasks:submit");
                from("testtasks:tasks")
                        .process(e -> entered.incrementAndGet())
                        .process(e -> {
                            if (attempts.incrementAndGet() <= 3) {
                                throw new IllegalStateException("downstream down");
                            }
                        })
                        .to("mock:done");
            }
        });
        String id = template.requestBody("direct:submit", "a", String.class);
        service.complete(id);

        await().until(() -> attempts.get() == 3);
        TaskStore store = ((TestTaskComponent) context.getComponent("testtasks")).taskStore(
                ((TestTaskComponent) context.getComponent("testtasks")).getConfiguration());
        await().until(() -> store.find("testtasks", id).isEmpty());
        Thread.sleep(300); // a second hand-out would have come by now: tasks are polled every 20-50 ms
        assertThat(entered.get()).isEqualTo(1);
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(mock("done").getReceivedCounter()).isZero();
    }

    @Test
    void aConsumerStartedLaterHandsOutWhatEndedMeanwhile() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("testtasks:submit");
                from("testtasks:tasks").routeId("tasks").autoStartup(false).to("mock:done");
            }
        });
        String id = template.requestBody("direct:submit", "a", String.class);
        service.complete(id);
        TestTaskComponent component = (TestTaskComponent) context.getComponent("testtasks");
        await().until(() -> component.taskStore(component.getConfiguration()).find("testtasks", id)
                .map(r -> r.state() == TaskState.COMPLETED).orElse(false));

        context.getRouteController().startRoute("tasks");
        mock("done").expectedMessageCount(1);
        mock("done").assertIsSatisfied(10_000);
    }

    @Test
    void theSameKeyAtOnceCreatesOneTaskAndBothExchangesGetIt() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("testtasks:generate");
            }
        });
        CompletableFuture<Exchange> a = template.asyncSend("direct:in", e -> {
            e.getMessage().setBody("same");
            e.getMessage().setHeader(SparkConstants.TASK_KEY, "job-1");
        });
        CompletableFuture<Exchange> b = template.asyncSend("direct:in", e -> {
            e.getMessage().setBody("same");
            e.getMessage().setHeader(SparkConstants.TASK_KEY, "job-1");
        });
        await().until(() -> service.created().size() == 1);
        service.completeAll();

        assertThat(a.get(10, TimeUnit.SECONDS).getMessage().getBody(byte[].class)).isEqualTo(TaskService.PNG);
        assertThat(b.get(10, TimeUnit.SECONDS).getMessage().getBody(byte[].class)).isEqualTo(TaskService.PNG);
        assertThat(service.created()).hasSize(1);
    }

    @Test
    void aCreateWithAnUnknownOutcomeIsNotCreatedAgainUnlessRetryIsAsked() throws Exception {
        String store = "taskStore=file&taskStoreDirectory=" + dir;
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("testtasks:generate?" + store);
                from("direct:retry").to("testtasks:generate?onUnknownOutcome=retry&" + store);
            }
        });
        org.apache.camel.Processor lighthouse = e -> {
            e.getMessage().setBody("a lighthouse");
            e.getMessage().setHeader(SparkConstants.TASK_KEY, "inbox/lighthouse.txt");
        };
        // a 500: the service may have created the task before failing
        service.createStatus(500);
        assertThat(template.send("direct:in", lighthouse).getException()).isNotNull();
        service.createStatus(0);
        long calls = service.server().requests().stream().filter(r -> r.method().equals("POST")).count();

        Exchange again = template.send("direct:in", lighthouse);
        assertThat(again.getException()).isInstanceOf(TaskOutcomeUnknownException.class)
                .hasMessageContaining("may exist already").hasMessageContaining("onUnknownOutcome=retry");
        assertThat(service.server().requests().stream().filter(r -> r.method().equals("POST")).count())
                .as("not sent again").isEqualTo(calls);

        service.autoComplete(true);
        Exchange retried = template.send("direct:retry", lighthouse);
        assertThat(retried.getException()).isNull();
        assertThat(retried.getMessage().getBody(byte[].class)).isEqualTo(TaskService.PNG);
        assertThat(service.created()).hasSize(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).as("the intent forgotten once its task was recorded").isEmpty();
        }
    }

    @Test
    void aCreateRefusedWithA4xxCreatedNothingAndMayBeSentAgain() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("testtasks:generate?taskStore=file&taskStoreDirectory=" + dir);
            }
        });
        org.apache.camel.Processor lighthouse = e -> {
            e.getMessage().setBody("a lighthouse");
            e.getMessage().setHeader(SparkConstants.TASK_KEY, "inbox/lighthouse.txt");
        };
        service.createStatus(400);
        assertThat(template.send("direct:in", lighthouse).getException()).isNotNull()
                .isNotInstanceOf(TaskOutcomeUnknownException.class);
        service.createStatus(0).autoComplete(true);
        Exchange again = template.send("direct:in", lighthouse);
        assertThat(again.getException()).isNull();
        assertThat(service.created()).hasSize(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).as("no intent left, the task delivered").isEmpty();
        }
    }

    @Test
    void aRestartBetweenSubmitAndCompletionResumesTheTaskWithoutCreatingAnother() throws Exception {
        String uri = "testtasks:generate?taskStore=file&taskStoreDirectory=" + dir;
        RouteBuilder routes = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri).to("mock:out");
            }
        };
        start(routes);
        CompletableFuture<Exchange> first = template.asyncSend("direct:in", e -> {
            e.getMessage().setBody("a lighthouse");
            e.getMessage().setHeader(SparkConstants.TASK_KEY, "inbox/lighthouse.txt");
        });
        await().until(() -> service.created().size() == 1);
        context.stop(); // the JVM going down with the task in flight

        assertThat(first.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(TaskAbandonedException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).hasSize(1);
        }
        service.completeAll();

        start(routes); // a new component, reading the same store
        Exchange again = template.send("direct:in", e -> {
            e.getMessage().setBody("a lighthouse");
            e.getMessage().setHeader(SparkConstants.TASK_KEY, "inbox/lighthouse.txt");
        });
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getBody(byte[].class)).isEqualTo(TaskService.PNG);
        assertThat(service.created()).as("one create call in all").hasSize(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).as("delivered, so forgotten").isEmpty();
        }
    }

    @Test
    void aKeylessGenerateTaskLeftByAPreviousRunGoesToTheTasksConsumer() throws Exception {
        String store = "taskStore=file&taskStoreDirectory=" + dir;
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("testtasks:generate?" + store);
            }
        });
        template.asyncSend("direct:in", e -> {
            e.getMessage().setBody("orphan");
            e.getMessage().setHeader("CamelFileName", "orphan.txt");
        });
        await().until(() -> service.created().size() == 1);
        context.stop();
        service.completeAll();

        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("testtasks:tasks?" + store).to("mock:done");
            }
        });
        mock("done").expectedMessageCount(1);
        mock("done").expectedHeaderReceived("CamelFileName", "orphan.txt");
        mock("done").assertIsSatisfied(10_000);
        assertThat(service.created()).hasSize(1);
    }

    @Test
    void aRefusedStatusReadDoesNotThrowAwayTheTaskAndTheSameInputResumesIt() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("testtasks:generate?pollTimeout=400");
            }
        });
        service.readStatus(404);
        Exchange out = template.send("direct:in", e -> {
            e.getMessage().setBody("a video");
            e.getMessage().setHeader(SparkConstants.TASK_KEY, "inbox/video.txt");
        });

        String id = service.created().get(0);
        assertThat(out.getException()).isInstanceOf(TaskUnreadableException.class).hasMessageContaining(id)
                .hasMessageContaining("HTTP 404").hasMessageContaining("the same input resumes it");
        TestTaskComponent component = (TestTaskComponent) context.getComponent("testtasks");
        TaskStore store = component.taskStore(component.getConfiguration());
        assertThat(store.find("testtasks", id)).as("kept, not thrown away").get()
                .satisfies(r -> assertThat(r.delivery()).isEqualTo(TaskDelivery.PARKED))
                .satisfies(r -> assertThat(r.errorMessage()).contains(id));

        service.readStatus(0).complete(id);
        Exchange again = template.send("direct:in", e -> {
            e.getMessage().setBody("a video");
            e.getMessage().setHeader(SparkConstants.TASK_KEY, "inbox/video.txt");
        });
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getBody(byte[].class)).isEqualTo(TaskService.PNG);
        assertThat(again.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(id);
        assertThat(service.created()).as("one create call in all").hasSize(1);
        assertThat(store.find("testtasks", id)).as("delivered, so forgotten").isEmpty();
    }

    @Test
    void aTaskThatTimedOutIsResumedByTheSameInputNotCreatedAgain() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("testtasks:generate?pollTimeout=300");
            }
        });
        Exchange out = template.send("direct:in", e -> {
            e.getMessage().setBody("slow");
            e.getMessage().setHeader(SparkConstants.TASK_KEY, "job-9");
        });
        assertThat(out.getException()).isInstanceOf(SparkTaskTimeoutException.class);
        String id = service.created().get(0);

        service.complete(id);
        Exchange again = template.send("direct:in", e -> {
            e.getMessage().setBody("slow");
            e.getMessage().setHeader(SparkConstants.TASK_KEY, "job-9");
        });
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getBody(byte[].class)).isEqualTo(TaskService.PNG);
        assertThat(service.created()).hasSize(1);
    }

    @Test
    void aTaskWithoutTaskKeyThatTimedOutIsForgotten() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("testtasks:generate?pollTimeout=200");
            }
        });
        Exchange out = template.send("direct:in", e -> e.getMessage().setBody("slow"));

        assertThat(out.getException()).isInstanceOf(SparkTaskTimeoutException.class);
        TestTaskComponent component = (TestTaskComponent) context.getComponent("testtasks");
        assertThat(component.taskStore(component.getConfiguration()).find("testtasks", service.created().get(0)))
                .as("nothing could resume it").isEmpty();
    }

    @Test
    void theTasksConsumerTakesTheScheduledPollOptions() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("testtasks:tasks?delay=250&initialDelay=10&greedy=true&backoffMultiplier=3"
                     + "&backoffIdleThreshold=5&runLoggingLevel=DEBUG&useFixedDelay=false").routeId("tasks")
                        .to("mock:done");
            }
        });
        SparkTaskConsumer consumer = (SparkTaskConsumer) context.getRoute("tasks").getConsumer();
        assertThat(consumer.getDelay()).isEqualTo(250);
        assertThat(consumer.getInitialDelay()).isEqualTo(10);
        assertThat(consumer.isGreedy()).isTrue();
        assertThat(consumer.getBackoffMultiplier()).isEqualTo(3);
        assertThat(consumer.getBackoffIdleThreshold()).isEqualTo(5);
        assertThat(consumer.isUseFixedDelay()).isFalse();
    }

    @Test
    void consumerPollsReadTheStoreNotTheProvider() throws Exception {
        AtomicInteger idlePolls = new AtomicInteger();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                // the producer polls its tasks every 5 minutes; the consumer looks at the store every 5 ms
                from("direct:submit").to("testtasks:submit?pollInterval=300000&maxPollInterval=300000");
                from("testtasks:tasks?delay=5&initialDelay=0&sendEmptyMessageWhenIdle=true")
                        .process(e -> idlePolls.incrementAndGet());
            }
        });
        for (int i = 0; i < 20; i++) {
            template.requestBody("direct:submit", "prompt " + i, String.class);
        }

        await().until(() -> idlePolls.get() >= 30);
        assertThat(service.created()).hasSize(20);
        assertThat(service.created()).as("thirty consumer polls, not one status read")
                .allSatisfy(id -> assertThat(service.task(id).reads()).isZero());
    }

    @Test
    void aFailingStoreReachesTheRoutesErrorHandlerWithBridgeErrorHandler() throws Exception {
        MemoryTaskStore broken = new MemoryTaskStore() {
            @Override
            public java.util.List<TaskRecord> findPending(String provider, String group) {
                throw new IllegalStateException("the task store is down");
            }
        };
        context = newContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("testtasks:tasks?taskStore=#broken&bridgeErrorHandler=true&delay=20&initialDelay=0")
                        .onException(IllegalStateException.class).handled(true).to("mock:broken").end()
                        .to("mock:done");
            }
        });
        context.getRegistry().bind("broken", broken);
        context.start();

        mock("broken").expectedMinimumMessageCount(1);
        mock("broken").assertIsSatisfied(10_000);
        assertThat(mock("broken").getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                .hasMessage("the task store is down");
    }

    @Test
    void aTaskStoreBeanIsUsedByReference() throws Exception {
        MemoryTaskStore mine = new MemoryTaskStore();
        context = newContext(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("testtasks:submit?taskStore=#myStore");
            }
        });
        context.getRegistry().bind("myStore", mine);
        context.start();
        template = context.createProducerTemplate();

        String id = template.requestBody("direct:submit", "a", String.class);
        assertThat(mine.find("testtasks", id)).isPresent();
    }

    @Test
    void statusReadsOneTask() throws Exception {
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("testtasks:submit");
                from("direct:status").to("testtasks:status");
            }
        });
        String id = template.requestBody("direct:submit", "a", String.class);
        service.running(id, 0.42);

        Exchange out = template.send("direct:status", e -> e.getMessage().setBody(id));
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("running");
        assertThat(out.getMessage().getHeader(SparkConstants.PROGRESS)).isEqualTo(42);
        assertThat(out.getMessage().getBody(java.util.Map.class)).containsEntry("id", id).containsEntry("status", "running");

        service.complete(id);
        Exchange byHeader = template.send("direct:status", e -> e.getMessage().setHeader(SparkConstants.TASK_ID, id));
        assertThat(byHeader.getMessage().getHeader(SparkConstants.PROGRESS)).isEqualTo(100);
        assertThat(byHeader.getMessage().getHeader(SparkConstants.MEDIA_URL, String.class)).endsWith(id + ".png");

        Exchange none = template.send("direct:status", e -> e.getMessage().setBody(""));
        assertThat(none.getException()).hasMessageContaining("task id").hasMessageContaining("CamelSparkTaskId");
    }

    @Test
    void badTaskOptionsFailWhenTheRouteStarts() {
        assertThatThrownBy(() -> start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("testtasks:generate?taskStore=file");
            }
        })).hasStackTraceContaining("taskStoreDirectory");
        context = null;
        assertThatThrownBy(() -> start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("testtasks:generate?taskStore=#nothere");
            }
        })).hasStackTraceContaining("no bean named 'nothere'");
        context = null;
        assertThatThrownBy(() -> start(new RouteBuilder() {
            @Override
            public void configure() {
                from("testtasks:tasks").to("mock:a");
                from("testtasks:tasks?taskGroup=default").to("mock:b");
            }
        })).hasStackTraceContaining("taskGroup 'default' already has a tasks consumer");
        context = null;
    }
}
