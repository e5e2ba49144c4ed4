package dev.camelspark.sparkdream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.TaskRule;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkTaskFailedException;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.task.MemoryTaskStore;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** submit, the tasks consumer and status, against the emulator. */
class SparkDreamTasksConsumerTest extends SparkDreamTestSupport {

    @BindToRegistry("dreamStore")
    private final MemoryTaskStore dreamStore = new MemoryTaskStore();
    private final AtomicInteger handedOut = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("sparkdream:submit?width=512&height=512&taskGroup=images");
                from("direct:status").to("sparkdream:status");
                from("direct:bean").to("sparkdream:submit?taskStore=#dreamStore&taskGroup=bean");

                from("sparkdream:tasks?taskGroup=images")
                        .onException(SparkTaskFailedException.class).handled(true)
                            .setBody(simple("${exception.providerCode}: ${exception.providerMessage}"))
                            .to("mock:failed").end()
                        .to("mock:images");

                from("direct:cdn").to("sparkdream:submit?taskGroup=cdn");
                from("sparkdream:tasks?taskGroup=cdn")
                        .onException(Exception.class).handled(true).to("mock:cdnFailed").end()
                        .to("mock:cdn");

                from("direct:flaky").to("sparkdream:submit?taskGroup=flaky");
                from("sparkdream:tasks?taskGroup=flaky&download=false")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0))
                        .process(e -> handedOut.incrementAndGet())
                        .process(e -> {
                            if (attempts.incrementAndGet() <= 2) {
                                throw new IllegalStateException("the archive is down");
                            }
                        })
                        .to("mock:flaky");
            }
        };
    }

    @Test
    void submitReturnsTheTaskIdAndTheConsumerDeliversTheImageWithTheSavedHeaders() throws Exception {
        MockEndpoint images = getMockEndpoint("mock:images");
        images.expectedMessageCount(1);

        Exchange submitted = template.send("direct:submit", e -> {
            e.getMessage().setBody("A lighthouse");
            e.getMessage().setHeader(Exchange.FILE_NAME, "lighthouse.txt");
        });
        String taskId = submitted.getMessage().getBody(String.class);
        assertThat(taskId).startsWith("task-");
        assertThat(submitted.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(taskId);

        images.assertIsSatisfied(10_000);
        Exchange done = images.getReceivedExchanges().get(0);
        assertThat(done.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("lighthouse.txt");
        assertThat(done.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(taskId);
        assertThat(done.getMessage().getHeader(SparkConstants.COST, java.math.BigDecimal.class))
                .isEqualByComparingTo("0.03");
        byte[] png = done.getMessage().getBody(byte[].class);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(cdnDownloads()).singleElement().satisfies(r -> assertThat(r.header("Authorization")).isNull());
    }

    @Test
    void aFailedTaskArrivesAsAnExchangeFailureForTheRoutesErrorHandler() throws Exception {
        // Spark Dream has no cancel: a task ends completed or failed
        emulator().tasks().add(TaskRule.fail("003019095", "Internal generation error").whenPromptContains("storm"));
        emulator().tasks().add(TaskRule.fail("003019096", "Result parsing error").whenPromptContains("parse"));
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedBodiesReceivedInAnyOrder("003019095: Internal generation error", "003019096: Result parsing error");

        template.sendBody("direct:submit", "A storm");
        template.sendBody("direct:submit", "parse me");

        failed.assertIsSatisfied(10_000);
        assertThat(failed.getReceivedExchanges())
                .allSatisfy(e -> assertThat(e.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("failed"));
        assertThat(getMockEndpoint("mock:images").getReceivedCounter()).isZero();
    }

    @Test
    void aTaskIsHandedOutOnceWhenTheRouteFailsAndRedelivers() throws Exception {
        MockEndpoint flaky = getMockEndpoint("mock:flaky");
        flaky.expectedMessageCount(1);

        String taskId = template.requestBody("direct:flaky", "A fox", String.class);

        flaky.assertIsSatisfied(10_000);
        assertThat(attempts.get()).as("first attempt and two redeliveries").isEqualTo(3);
        SparkDreamComponent component = context.getComponent("sparkdream", SparkDreamComponent.class);
        await().until(() -> component.taskStore(component.getConfiguration()).find("sparkdream", taskId).isEmpty());
        Thread.sleep(500); // the task is polled every 50-200 ms: a second hand-out would be here by now
        assertThat(handedOut.get()).isEqualTo(1);
        assertThat(creates()).hasSize(1);
    }

    @Test
    void aResultThatCannotBeFetchedYetIsNotHandedOutBrokenButFetchedAgainLater() throws Exception {
        // the first hand-out's download and its two retries get 503; the next try, after pollInterval, works
        emulator().faults().add(Fault.respond(503).on(Provider.SPARKDREAM).path("/cdn/*").times(3));
        MockEndpoint cdn = getMockEndpoint("mock:cdn");
        cdn.expectedMessageCount(1);

        String taskId = template.requestBody("direct:cdn", "A fox", String.class);

        cdn.assertIsSatisfied();
        Exchange out = cdn.getReceivedExchanges().get(0);
        assertThat(out.getMessage().getBody()).isInstanceOf(byte[].class);
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(taskId);
        assertThat(getMockEndpoint("mock:cdnFailed").getReceivedCounter()).as("no broken exchange").isZero();
        assertThat(cdnDownloads()).hasSize(4);
        assertThat(creates()).hasSize(1);
    }

    @Test
    void aTaskStoreBeanIsNamedWithHash() {
        String taskId = template.requestBody("direct:bean", "A fox", String.class);
        assertThat(dreamStore.find("sparkdream", taskId)).get()
                .satisfies(r -> assertThat(r.group()).isEqualTo("bean"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "../../v1/balance", "task-1/../../x", "task-1?x=1", "%2e%2e", "..", "task 1" })
    void statusRefusesAnIdThatCouldLeaveItsPathBeforeAnyCall(String id) {
        Exchange inBody = send("direct:status", id);
        Exchange inHeader = template.send("direct:status", e -> e.getMessage().setHeader(SparkConstants.TASK_ID, id));

        assertThat(inBody.getException()).isInstanceOf(SparkValidationException.class).hasMessageContaining("task id");
        assertThat(inHeader.getException()).isInstanceOf(SparkValidationException.class).hasMessageContaining("task id");
        assertThat(emulator().requests(Provider.SPARKDREAM)).isEmpty();
    }

    @Test
    void statusReadsATaskWhileItRunsAndOnceItCompleted() {
        emulator().clock().freeze();
        settings().durations(Duration.ofSeconds(2), Duration.ofSeconds(8));
        String taskId = template.requestBody("direct:flaky", "A fox", String.class);

        Exchange pending = send("direct:status", taskId);
        assertThat(pending.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("pending");
        assertThat(pending.getMessage().getHeader(SparkConstants.PROGRESS)).isEqualTo(0);

        settings().inProgressStatus(true);
        emulator().clock().advance(Duration.ofSeconds(6));
        Exchange running = template.send("direct:status", e -> e.getMessage().setHeader(SparkConstants.TASK_ID, taskId));
        assertThat(running.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("in_progress");
        assertThat(running.getMessage().getHeader(SparkConstants.PROGRESS)).isEqualTo(50);
        @SuppressWarnings("unchecked")
        Map<String, Object> task = running.getMessage().getBody(Map.class);
        assertThat(task).containsEntry("id", taskId).containsEntry("status", "in_progress");

        emulator().clock().advance(Duration.ofSeconds(4));
        Exchange done = send("direct:status", taskId);
        assertThat(done.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("completed");
        assertThat(done.getMessage().getHeader(SparkConstants.PROGRESS)).isEqualTo(100);
        assertThat(done.getMessage().getHeader(SparkConstants.MEDIA_URL, String.class)).contains("/sparkdream/cdn/");
        assertThat(done.getMessage().getHeader(SparkConstants.COST, java.math.BigDecimal.class)).isEqualByComparingTo("0.03");

        Exchange unknown = send("direct:status", "task-nope");
        assertThat(unknown.getException()).hasMessageContaining("404");
    }
}
