package dev.camelspark.sparkdream;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.TaskRule;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkTaskFailedException;
import dev.camelspark.support.error.SparkTaskTimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SparkDreamGenerateTest extends SparkDreamTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("sparkdream:generate?width=640&height=512&seed=42&scale=3.5&usePreLlm=true");
                from("direct:default").to("sparkdream:generate");
                from("direct:url").to("sparkdream:generate?download=false");
                from("direct:deadline").to("sparkdream:generate?pollTimeout=1s&pollInterval=100");
            }
        };
    }

    @Test
    void generatesThePngOfTheAskedSizeWithTheTaskHeaders() throws Exception {
        Exchange out = send("direct:generate", "A lighthouse in a storm");

        assertThat(out.getException()).isNull();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.getMessage().getBody(byte[].class)));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(512);
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_ID, String.class)).startsWith("task-");
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("completed");
        assertThat(out.getMessage().getHeader(SparkConstants.PROGRESS)).isEqualTo(100);
        assertThat(out.getMessage().getHeader(SparkConstants.COST, BigDecimal.class)).isEqualByComparingTo("0.03");
        assertThat(out.getMessage().getHeader(SparkConstants.MODEL)).isEqualTo("spark_dream_3_0");
        assertThat(out.getMessage().getHeader(SparkConstants.SEED)).isEqualTo(42L);
        assertThat(out.getMessage().getHeader(SparkConstants.ATTEMPTS)).isEqualTo(1);

        // the request shape of the contract
        JsonNode body = creates().get(0).bodyJson();
        assertThat(body.get("model").asText()).isEqualTo("spark_dream_3_0");
        JsonNode params = body.get("input").get(0).get("params");
        assertThat(params.get("prompt").asText()).isEqualTo("A lighthouse in a storm");
        assertThat(params.get("width").asInt()).isEqualTo(640);
        assertThat(params.get("height").asInt()).isEqualTo(512);
        assertThat(params.get("seed").asLong()).isEqualTo(42);
        assertThat(params.get("scale").asDouble()).isEqualTo(3.5);
        assertThat(params.get("use_pre_llm").asBoolean()).isTrue();
        assertThat(creates().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void theCdnImageIsDownloadedWithoutTheKey() {
        Exchange out = send("direct:default", "A fox");

        assertThat(out.getException()).isNull();
        String url = out.getMessage().getHeader(SparkConstants.MEDIA_URL, String.class);
        assertThat(URI.create(url).getHost()).as("another origin than the API's").isEqualTo("127.0.0.1");
        RecordedRequest download = cdnDownloads().get(0);
        assertThat(download.header("Authorization")).isNull();
        // the status calls, on the API's origin, did carry it
        assertThat(emulator().requests(dev.camelspark.emulator.Provider.SPARKDREAM).stream()
                .filter(r -> r.path().startsWith("/model/v1/generation/task/")))
                .isNotEmpty().allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY));
    }

    @Test
    void downloadFalseGivesTheUrlAndFetchesNothing() {
        Exchange out = send("direct:url", "A fox");

        assertThat(out.getMessage().getBody(String.class)).startsWith("http://127.0.0.1:").contains("/sparkdream/cdn/");
        assertThat(cdnDownloads()).isEmpty();
    }

    @Test
    void headersOverrideOptionsForOneMessage() {
        Exchange out = template.send("direct:generate", e -> {
            e.getMessage().setBody("A fox");
            e.getMessage().setHeader(SparkDreamConstants.OVERRIDE_WIDTH, 1024);
            e.getMessage().setHeader(SparkDreamConstants.OVERRIDE_HEIGHT, "768");
        });

        assertThat(out.getException()).isNull();
        JsonNode params = creates().get(0).bodyJson().get("input").get(0).get("params");
        assertThat(params.get("width").asInt()).isEqualTo(1024);
        assertThat(params.get("height").asInt()).isEqualTo(768);
    }

    @Test
    void anInProgressStatusIsNotFinalAndTheTaskStillCompletes() {
        settings().inProgressStatus(true).durations(Duration.ZERO, Duration.ofMillis(600));
        Exchange out = send("direct:url", "A fox");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("completed");
    }

    @Test
    void theRoutesThreadIsNotHeldWhileTheTaskRuns() throws Exception {
        emulator().clock().freeze(); // tasks stand still until the clock moves
        settings().durations(Duration.ZERO, Duration.ofSeconds(10));
        CompletableFuture<Exchange> pending = template.asyncSend("direct:url", e -> e.getMessage().setBody("A fox"));
        await().until(() -> creates().size() == 1);
        // the caller's exchange is parked with the poller, no thread waits for it
        SparkDreamComponent component = context.getComponent("sparkdream", SparkDreamComponent.class);
        assertThat(component.getPoller().size()).isEqualTo(1);
        assertThat(pending).isNotDone();

        emulator().clock().advance(Duration.ofSeconds(10));
        assertThat(pending.get(10, TimeUnit.SECONDS).getException()).isNull();
    }

    @Test
    void aFailedTaskFailsTheExchangeWithTheProvidersCodeAndMessage() {
        emulator().tasks().add(TaskRule.fail("003019095", "Internal generation error").times(1));
        Exchange out = send("direct:default", "A fox");

        assertThat(out.getException()).isInstanceOf(SparkTaskFailedException.class)
                .hasMessageContaining("003019095").hasMessageContaining("Internal generation error");
        SparkTaskFailedException failed = (SparkTaskFailedException) out.getException();
        assertThat(failed.getProviderCode()).isEqualTo("003019095");
        assertThat(failed.getTaskStatus()).isEqualTo("failed");
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(failed.getTaskId());
        assertThat(cdnDownloads()).isEmpty();
    }

    @Test
    void aTaskStillRunningAtTheDeadlineFailsWithATimeout() {
        emulator().tasks().add(TaskRule.stuck().times(1));
        Exchange out = send("direct:deadline", "A fox");

        assertThat(out.getException()).isInstanceOf(SparkTaskTimeoutException.class)
                .hasMessageContaining("processing").hasMessageContaining("PT1S");
        int polls = (int) emulator().requests(dev.camelspark.emulator.Provider.SPARKDREAM).stream()
                .filter(r -> r.path().startsWith("/model/v1/generation/task/")).count();
        assertThat(polls).isBetween(2, 12);
    }
}
