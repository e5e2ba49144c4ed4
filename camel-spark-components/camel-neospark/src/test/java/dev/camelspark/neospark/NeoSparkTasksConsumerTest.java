package dev.camelspark.neospark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.TaskRule;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkTaskFailedException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** image-submit and video-submit return at once; from("neospark:tasks") hands each finished task out once. */
class NeoSparkTasksConsumerTest extends NeoSparkTestSupport {

    @TempDir
    static Path dir;

    private final AtomicInteger entered = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:image").to("neospark:image-submit?resolution=512&correlationHeaders=orderId,CamelFile*");
                from("direct:video").to("neospark:video-submit?videoResolution=480p&taskGroup=videos");
                from("direct:cancel").to("neospark:video-cancel");
                from("direct:flaky").to("neospark:image-submit?resolution=512&taskGroup=flaky");

                from("neospark:tasks")
                        .to("mock:images")
                        .to("file:" + dir.resolve("out"));
                from("neospark:tasks?taskGroup=videos&download=false")
                        .onException(SparkTaskFailedException.class).handled(true)
                            .setBody(simple("${exception.taskStatus}: ${exception.providerMessage}"))
                            .to("mock:videoFailures").end()
                        .to("mock:videos");
                from("neospark:tasks?taskGroup=flaky")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0))
                        .process(e -> entered.incrementAndGet())
                        .process(e -> {
                            attempts.incrementAndGet();
                            throw new IllegalStateException("downstream down");
                        });
            }
        };
    }

    @Test
    void imageSubmitReturnsTheIdAtOnceAndTheConsumerDeliversTheImageWithTheSavedHeaders() throws Exception {
        emulator().clock().freeze();
        MockEndpoint images = getMockEndpoint("mock:images");

        Exchange submitted = template.send("direct:image", e -> {
            e.getMessage().setBody("A fox in the snow");
            e.getMessage().setHeader(Exchange.FILE_NAME, "fox.png");
            e.getMessage().setHeader("orderId", "o-42");
            e.getMessage().setHeader("notSaved", "x");
        });

        assertThat(submitted.getException()).isNull();
        String id = submitted.getMessage().getBody(String.class);
        assertThat(id).startsWith("dm_");
        assertThat(submitted.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(id);
        assertThat(submitted.getMessage().getHeader(NeoSparkConstants.ESTIMATED_COST, Integer.class)).isEqualTo(4);
        assertThat(images.getReceivedCounter()).isZero();

        emulator().clock().advance(java.time.Duration.ofSeconds(1));
        images.expectedMessageCount(1);
        images.assertIsSatisfied(10_000);
        Exchange done = images.getReceivedExchanges().get(0);
        assertThat(done.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(id);
        assertThat(done.getMessage().getHeader("orderId")).isEqualTo("o-42");
        assertThat(done.getMessage().getHeader("notSaved")).isNull();
        assertThat(done.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        await().until(() -> Files.exists(dir.resolve("out/fox.png")));
        assertThat(Files.readAllBytes(dir.resolve("out/fox.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(creates()).hasSize(1);
    }

    @Test
    void aCancelledVideoReachesTheConsumerAsAFailureForTheRoutesErrorHandler() throws Exception {
        emulator().clock().freeze();
        String id = template.requestBody("direct:video", "too long to wait for", String.class);

        Exchange cancelled = send("direct:cancel", id);

        assertThat(cancelled.getMessage().getHeader(NeoSparkConstants.CANCELLED)).isEqualTo(true);
        MockEndpoint failures = getMockEndpoint("mock:videoFailures");
        failures.expectedBodiesReceived("cancelled: Task cancelled");
        failures.assertIsSatisfied(10_000);
        assertThat(failures.getReceivedExchanges().get(0).getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(id);
        assertThat(getMockEndpoint("mock:videos").getReceivedCounter()).isZero();
    }

    @Test
    void aFailedVideoArrivesWithTheProvidersMessageAndAFinishedOneAsItsUrl() throws Exception {
        emulator().tasks().add(TaskRule.fail("SEEDANCE_500", "Upstream failed").on(Provider.NEOSPARK)
                .whenPromptContains("doomed"));

        template.requestBody("direct:video", "a doomed video", String.class);
        String fine = template.requestBody("direct:video", "a fine video", String.class);

        MockEndpoint failures = getMockEndpoint("mock:videoFailures");
        failures.expectedBodiesReceived("failed: Upstream failed");
        MockEndpoint videos = getMockEndpoint("mock:videos");
        videos.expectedBodiesReceived(root() + "/uploads/videos/1/" + fine + ".mp4");
        MockEndpoint.assertIsSatisfied(10_000, java.util.concurrent.TimeUnit.MILLISECONDS, failures, videos);
    }

    @Test
    void aTaskIsHandedOutOnceAlsoWhenTheRouteFailsAndRedelivers() {
        String id = template.requestBody("direct:flaky", "a", String.class);

        await().until(() -> attempts.get() == 3);
        NeoSparkComponent component = component();
        var store = component.taskStore(component.getConfiguration());
        await().until(() -> store.find("neospark", id).isEmpty());
        // polled every 50-200 ms: a second hand-out would have come within this
        await().during(java.time.Duration.ofMillis(600)).until(() -> entered.get() == 1);
        assertThat(attempts.get()).isEqualTo(3);
    }
}
