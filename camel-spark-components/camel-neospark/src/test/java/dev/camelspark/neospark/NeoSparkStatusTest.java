package dev.camelspark.neospark;

import java.math.BigDecimal;
import java.time.Duration;

import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.TaskRule;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NeoSparkStatusTest extends NeoSparkTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:status").to("neospark:status");
                from("direct:videoStatus").to("neospark:status?taskType=video");
                from("direct:cancel").to("neospark:video-cancel");
            }
        };
    }

    @BeforeEach
    void freezeTheClock() {
        emulator().clock().freeze();
        emulator().neospark().imageTimes(Duration.ofSeconds(1), Duration.ofSeconds(4))
                .videoTimes(Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    @Test
    void anImageIsReadWhileItRunsAndOnceCompletedWithAbsoluteMediaUrls() {
        String id = imageTaskOnTheEmulator("a lighthouse");

        Exchange running = send("direct:status", id);
        emulator().clock().advance(Duration.ofSeconds(5));
        Exchange done = send("direct:status", id);

        assertThat(running.getException()).isNull();
        NeoSparkTask before = running.getMessage().getBody(NeoSparkTask.class);
        assertThat(before.type()).isEqualTo(NeoSparkTask.IMAGE);
        assertThat(before.status()).isEqualTo("pending");
        assertThat(before.isFinal()).isFalse();
        assertThat(before.mediaUrls()).isEmpty();
        assertThat(running.getMessage().getHeader(SparkConstants.PROGRESS)).isEqualTo(0);

        NeoSparkTask after = done.getMessage().getBody(NeoSparkTask.class);
        assertThat(after.isCompleted()).isTrue();
        assertThat(after.id()).isEqualTo(id);
        assertThat(after.actualCost()).isEqualByComparingTo("4");
        assertThat(after.estimatedCost()).isEqualByComparingTo("4");
        assertThat(after.model()).isEqualTo("gemini-3.1-flash-image-preview");
        assertThat(after.mediaUrls()).singleElement().asString().startsWith(root() + "/uploads/1/images/")
                .endsWith(id + "_0.png");
        assertThat(done.getMessage().getHeader(SparkConstants.TASK_ID)).isEqualTo(id);
        assertThat(done.getMessage().getHeader(NeoSparkConstants.MESSAGE_ID)).isEqualTo(id);
        assertThat(done.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("completed");
        assertThat(done.getMessage().getHeader(SparkConstants.PROGRESS)).isEqualTo(100);
        assertThat(done.getMessage().getHeader(SparkConstants.COST, BigDecimal.class)).isEqualByComparingTo("4");
        assertThat(done.getMessage().getHeader(SparkConstants.MEDIA_URL)).isEqualTo(after.mediaUrls().get(0));
        assertThat(calls("GET", "/drawing/messages/" + id)).hasSize(2)
                .allSatisfy(c -> assertThat(c.header("X-API-Key")).isEqualTo(KEY));
    }

    @Test
    void aVideoIdIsReadAsAVideoTaskWithItsProgress() {
        String id = videoTaskOnTheEmulator("a corgi");
        emulator().clock().advance(Duration.ofSeconds(20));

        Exchange running = send("direct:status", id);
        Exchange explicit = send("direct:videoStatus", id);
        emulator().clock().advance(Duration.ofMinutes(1));
        Exchange done = send("direct:status", id);

        NeoSparkTask task = running.getMessage().getBody(NeoSparkTask.class);
        assertThat(task.type()).isEqualTo(NeoSparkTask.VIDEO);
        assertThat(task.status()).isEqualTo("processing");
        assertThat(task.progress()).isBetween(0, 99);
        assertThat(explicit.getMessage().getBody(NeoSparkTask.class).id()).isEqualTo(id);
        NeoSparkTask finished = done.getMessage().getBody(NeoSparkTask.class);
        assertThat(finished.progress()).isEqualTo(100);
        assertThat(finished.actualCost()).isEqualByComparingTo("130");
        assertThat(finished.mediaUrls()).containsExactly(root() + "/uploads/videos/1/" + id + ".mp4");
        assertThat(calls("GET", "/video/generations/" + id)).hasSize(3);
    }

    @Test
    void aFailedTaskIsAnAnswerCarryingTheProvidersCodeAndMessage() {
        emulator().tasks().add(TaskRule.fail("GEN_500", "The model refused").on(Provider.NEOSPARK));
        String id = imageTaskOnTheEmulator("refused");
        emulator().clock().advance(Duration.ofMinutes(1));

        Exchange out = send("direct:status", id);

        assertThat(out.getException()).isNull();
        NeoSparkTask task = out.getMessage().getBody(NeoSparkTask.class);
        assertThat(task.isFailed()).isTrue();
        assertThat(task.errorCode()).isEqualTo("GEN_500");
        assertThat(task.errorMessage()).isEqualTo("The model refused");
        assertThat(task.actualCost()).isEqualByComparingTo("0");
    }

    @Test
    void anUnknownIdIsA404() {
        Exchange out = send("direct:status", "dm_nonexistent");

        assertThat(out.getException()).isInstanceOf(SparkApiException.class).hasMessageContaining("HTTP 404")
                .hasMessageContaining("Message not found");
        assertThat(((SparkApiException) out.getException()).getHttpStatus()).isEqualTo(404);
    }

    @Test
    void anIdThatCouldLeaveItsPathIsRefusedBeforeAnyCall() {
        Exchange out = send("direct:status", "../storage/user-images");

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class).hasMessageContaining("task id");
        assertThat(emulator().requests(Provider.NEOSPARK)).isEmpty();
    }

    @Test
    void videoCancelCancelsARunningTask() {
        String id = videoTaskOnTheEmulator("too long");
        emulator().clock().advance(Duration.ofSeconds(10));

        Exchange out = send("direct:cancel", id);

        assertThat(out.getException()).isNull();
        NeoSparkTask task = out.getMessage().getBody(NeoSparkTask.class);
        assertThat(task.isCancelled()).isTrue();
        assertThat(out.getMessage().getHeader(NeoSparkConstants.CANCELLED)).isEqualTo(true);
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("cancelled");
        assertThat(api("GET", "/video/generations/" + id, null).get("status").asText()).isEqualTo("cancelled");
        assertThat(calls("DELETE")).hasSize(1);
    }

    @Test
    void videoCancelLeavesAFinishedVideoAlone() {
        String id = videoTaskOnTheEmulator("done already");
        emulator().clock().advance(Duration.ofMinutes(2));

        Exchange out = send("direct:cancel", id);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(NeoSparkTask.class).isCompleted()).isTrue();
        assertThat(out.getMessage().getHeader(NeoSparkConstants.CANCELLED)).isEqualTo(false);
        assertThat(calls("DELETE")).isEmpty();
        assertThat(api("GET", "/video/generations/" + id, null).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void relativeMediaUrlsResolveAgainstTheBaseUrlWithoutApiV1() {
        assertThat(NeoSparkClient.resolveMediaUrl("https://api.useneospark.com/api/v1",
                "/uploads/3/images/2026/04/23/generated_0.png"))
                .isEqualTo("https://api.useneospark.com/uploads/3/images/2026/04/23/generated_0.png");
        assertThat(NeoSparkClient.resolveMediaUrl("http://localhost:8089/neospark/api/v1/",
                "/uploads/videos/1/video_a1.mp4")).isEqualTo("http://localhost:8089/neospark/uploads/videos/1/video_a1.mp4");
        assertThat(NeoSparkClient.resolveMediaUrl("https://api.useneospark.com/api/v1",
                "https://cdn.example.com/a.png")).isEqualTo("https://cdn.example.com/a.png");
        assertThat(NeoSparkClient.resolveMediaUrl("https://proxy.example.com/neo",
                "uploads/a.png")).isEqualTo("https://proxy.example.com/neo/uploads/a.png");
    }
}
