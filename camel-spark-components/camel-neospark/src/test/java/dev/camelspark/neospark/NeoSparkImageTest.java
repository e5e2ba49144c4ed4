package dev.camelspark.neospark;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.RecordedRequest;
import dev.camelspark.emulator.TaskRule;
import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkInsufficientCreditsException;
import dev.camelspark.support.error.SparkTaskFailedException;
import dev.camelspark.support.error.SparkTaskTimeoutException;
import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NeoSparkImageTest extends NeoSparkTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:image").to("neospark:image?resolution=512&sessionTitle=camel tests");
                from("direct:wide").to("neospark:image?resolution=1K&aspectRatio=16:9&numImages=2"
                                       + "&negativePrompt=text&strength=0.4&optimizePrompt=true&provider=gemini");
                from("direct:session").to("neospark:image?resolution=512&sessionId=ds_given");
                from("direct:url").to("neospark:image?resolution=512&download=false");
                from("direct:slow").to("neospark:image?resolution=512&pollTimeout=300");
                from("direct:capped").to("neospark:image?model=gemini-3-pro-image-preview&maxCostPerTask=20");
                from("direct:cdn").to("neospark:image?resolution=512&allowedDownloadHosts=127.0.0.1");
            }
        };
    }

    @Test
    void aSessionIdHeaderThatCouldLeaveItsPathIsRefusedBeforeAnyCall() {
        Exchange out = template.send("direct:session", e -> {
            e.getMessage().setBody("A fox");
            e.getMessage().setHeader(NeoSparkConstants.SESSION_ID, "../../video/generations");
        });

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class).hasMessageContaining("sessionId")
                .hasMessageContaining("../../video/generations");
        assertThat(emulator().requests(Provider.NEOSPARK)).isEmpty();
    }

    @Test
    void aPromptBecomesAnImageWithTheTaskHeaders() throws Exception {
        Exchange out = send("direct:image", "A lighthouse in a storm");

        assertThat(out.getException()).isNull();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.getMessage().getBody(byte[].class)));
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(512);
        String id = out.getMessage().getHeader(SparkConstants.TASK_ID, String.class);
        assertThat(id).startsWith("dm_");
        assertThat(out.getMessage().getHeader(NeoSparkConstants.MESSAGE_ID)).isEqualTo(id);
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("completed");
        assertThat(out.getMessage().getHeader(SparkConstants.PROGRESS)).isEqualTo(100);
        assertThat(out.getMessage().getHeader(SparkConstants.COST, BigDecimal.class)).isEqualByComparingTo("4");
        assertThat(out.getMessage().getHeader(NeoSparkConstants.ESTIMATED_COST, BigDecimal.class))
                .isEqualByComparingTo("4");
        assertThat(out.getMessage().getHeader(SparkConstants.MODEL)).isEqualTo("gemini-3.1-flash-image-preview");
        assertThat(out.getMessage().getHeader(SparkConstants.MEDIA_URL, String.class))
                .startsWith(root() + "/uploads/1/images/").endsWith(id + "_0.png");
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("image/png");
        assertThat(out.getMessage().getHeader(NeoSparkConstants.SESSION_ID, String.class)).startsWith("ds_");

        RecordedRequest create = creates().get(0);
        assertThat(create.header("X-API-Key")).isEqualTo(KEY);
        assertThat(create.bodyJson().get("prompt").asText()).isEqualTo("A lighthouse in a storm");
        assertThat(create.bodyJson().get("model").asText()).isEqualTo("gemini-3.1-flash-image-preview");
        assertThat(create.bodyJson().get("resolution").asText()).isEqualTo("512");
        assertThat(create.bodyJson().get("aspect_ratio").asText()).isEqualTo("1:1");
        JsonNode session = calls("POST", "/drawing/sessions").get(0).bodyJson();
        assertThat(session.get("title").asText()).isEqualTo("camel tests");
    }

    @Test
    void everyParameterIsSentInTheApisNamesAndEveryImageUrlIsInAHeader() {
        Exchange out = send("direct:wide", "Two foxes");

        assertThat(out.getException()).isNull();
        JsonNode body = creates().get(0).bodyJson();
        assertThat(body.get("num_images").asInt()).isEqualTo(2);
        assertThat(body.get("negative_prompt").asText()).isEqualTo("text");
        assertThat(body.get("strength").asDouble()).isEqualTo(0.4);
        assertThat(body.get("optimize_prompt").asBoolean()).isTrue();
        assertThat(body.get("provider").asText()).isEqualTo("gemini");
        assertThat(body.get("aspect_ratio").asText()).isEqualTo("16:9");
        assertThat(body.has("quality")).isFalse();
        @SuppressWarnings("unchecked")
        List<String> urls = out.getMessage().getHeader(NeoSparkConstants.MEDIA_URLS, List.class);
        assertThat(urls).hasSize(2).allSatisfy(u -> assertThat(u).startsWith(root() + "/uploads/"));
        assertThat(out.getMessage().getHeader(SparkConstants.COST, BigDecimal.class)).isEqualByComparingTo("14");
    }

    @Test
    void theEndpointCreatesOneSessionAndReusesItAlsoForMessagesArrivingTogether() throws Exception {
        List<CompletableFuture<Exchange>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            sent.add(template.asyncSend("direct:image", e -> e.getMessage().setBody("together " + n)));
        }
        for (CompletableFuture<Exchange> f : sent) {
            assertThat(f.get(30, TimeUnit.SECONDS).getException()).isNull();
        }
        send("direct:image", "later");

        assertThat(calls("POST", "/drawing/sessions")).hasSize(1);
        String session = api("GET", "/drawing/sessions", null).get(0).get("session_id").asText();
        assertThat(creates()).hasSize(6)
                .allSatisfy(c -> assertThat(c.path()).isEqualTo("/api/v1/drawing/sessions/" + session + "/generate"));
    }

    @Test
    void aGivenSessionIsUsedAsItIs() {
        String mine = api("POST", "/drawing/sessions", "{\"title\":\"mine\"}").get("session_id").asText();

        Exchange byHeader = template.send("direct:image", e -> {
            e.getMessage().setBody("in my session");
            e.getMessage().setHeader(NeoSparkConstants.SESSION_ID, mine);
        });
        Exchange byOption = send("direct:session", "in a session that does not exist");

        assertThat(byHeader.getException()).isNull();
        assertThat(byHeader.getMessage().getHeader(NeoSparkConstants.SESSION_ID)).isEqualTo(mine);
        assertThat(creates().get(0).path()).isEqualTo("/api/v1/drawing/sessions/" + mine + "/generate");
        assertThat(byOption.getException()).hasMessageContaining("HTTP 404").hasMessageContaining("Session not found");
        assertThat(calls("POST", "/drawing/sessions")).hasSize(1); // only the test's own
    }

    @Test
    void aSessionTheServiceForgotIsReplacedAndTheImageSentOnce() {
        assertThat(send("direct:image", "first").getException()).isNull();
        String old = api("GET", "/drawing/sessions", null).get(0).get("session_id").asText();
        api("DELETE", "/drawing/sessions/" + old, null);

        Exchange out = send("direct:image", "second");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(NeoSparkConstants.SESSION_ID)).isNotEqualTo(old);
        assertThat(calls("POST", "/drawing/sessions")).hasSize(2);
        // the refused generation created nothing: one task per message
        assertThat(api("GET", "/drawing/billing/history", null).get("total").asInt()).isEqualTo(2);
    }

    @Test
    void withoutDownloadTheBodyIsTheAbsoluteUrl() {
        Exchange out = send("direct:url", "a fox");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).startsWith(root() + "/uploads/").endsWith("_0.png");
        assertThat(emulator().requests(Provider.NEOSPARK)).noneMatch(r -> r.path().startsWith("/uploads/"));
    }

    @Test
    void theKeyGoesWithDownloadsOnlyToTheApisOwnOrigin() {
        assertThat(send("direct:image", "own origin").getException()).isNull();
        RecordedRequest ownDownload = emulator().requests(Provider.NEOSPARK).stream()
                .filter(r -> r.path().startsWith("/uploads/")).findFirst().orElseThrow();
        assertThat(ownDownload.header("X-API-Key")).isEqualTo(KEY);

        // a status answer naming the media on another origin (the other loopback name): no key goes there
        emulator().clock().freeze();
        emulator().faults().add(Fault.respond(200, "{\"code\":200,\"message\":\"ok\",\"data\":{\"message_id\":"
                + "\"dm_x\",\"status\":\"completed\",\"images\":[{\"url\":\"" + ownDownload.path().replace("/uploads/",
                "http://127.0.0.1:" + emulator().port() + "/neospark/uploads/") + "\"}],\"actual_cost\":4}}")
                .on(Provider.NEOSPARK).method("GET").path("/api/v1/drawing/messages/*"));
        Exchange out = send("direct:cdn", "another origin");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(SparkConstants.MEDIA_URL, String.class)).startsWith("http://127.0.0.1:");
        List<RecordedRequest> downloads = emulator().requests(Provider.NEOSPARK).stream()
                .filter(r -> r.path().startsWith("/uploads/")).toList();
        assertThat(downloads).hasSize(2);
        assertThat(downloads.get(1).header("X-API-Key")).isNull();
    }

    @Test
    void aFailedTaskFailsTheExchangeWithTheProvidersCodeAndMessage() {
        emulator().tasks().add(TaskRule.fail("GEN_500", "The model refused").on(Provider.NEOSPARK));

        Exchange out = send("direct:image", "refused");

        assertThat(out.getException()).isInstanceOf(SparkTaskFailedException.class)
                .hasMessageContaining("GEN_500").hasMessageContaining("The model refused");
        SparkTaskFailedException failed = (SparkTaskFailedException) out.getException();
        assertThat(failed.getTaskStatus()).isEqualTo("failed");
        assertThat(failed.getProviderCode()).isEqualTo("GEN_500");
        assertThat(out.getMessage().getHeader(SparkConstants.TASK_STATUS)).isEqualTo("failed");
    }

    @Test
    void aTaskPastItsDeadlineFailsWithATimeout() {
        emulator().tasks().add(TaskRule.stuck().on(Provider.NEOSPARK));

        Exchange out = send("direct:slow", "never ends");

        assertThat(out.getException()).isInstanceOf(SparkTaskTimeoutException.class)
                .hasMessageContaining("pollTimeout").hasMessageContaining("generating");
        assertThat(creates()).hasSize(1);
    }

    @Test
    void aShortBalanceIs402AndNothingIsRecorded() {
        emulator().neospark().balance(KEY, 3);

        Exchange out = send("direct:image", "too expensive");

        assertThat(out.getException()).isInstanceOf(SparkInsufficientCreditsException.class)
                .hasMessageContaining("Insufficient credits. Available: 3, Required: 4");
        assertThat(((SparkInsufficientCreditsException) out.getException()).getAttempts()).isEqualTo(1);
        NeoSparkComponent component = component();
        assertThat(component.taskStore(component.getConfiguration()).findPending("neospark", "default")).isEmpty();
    }

    @Test
    void maxCostPerTaskRefusesAnExpensiveTaskBeforeAnyCall() {
        Exchange fine = send("direct:capped", "13 credits");
        Exchange expensive = template.send("direct:capped", e -> {
            e.getMessage().setBody("26 credits");
            e.getMessage().setHeader(NeoSparkConstants.OVERRIDE_NUM_IMAGES, 2);
            e.getMessage().setHeader("CamelNeoSparkMaxCostPerTask", 1000); // limits are never taken from headers
        });

        assertThat(fine.getException()).isNull();
        assertThat(expensive.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("26 credits").hasMessageContaining("at most 20 credits (maxCostPerTask)");
        assertThat(creates()).hasSize(1);
    }

    @Test
    void aBadOverrideIsRefusedBeforeAnyCall() {
        Exchange out = template.send("direct:image", e -> {
            e.getMessage().setBody("x");
            e.getMessage().setHeader(NeoSparkConstants.OVERRIDE_RESOLUTION, "3K");
        });

        assertThat(out.getException()).isInstanceOf(SparkValidationException.class)
                .hasMessageContaining("resolution (set by header CamelNeoSparkResolution)")
                .hasMessageContaining("512, 1K, 2K, 4K");
        assertThat(emulator().requests(Provider.NEOSPARK)).isEmpty();
    }

    @Test
    void aTaskAlreadyCompletedWhenCreatedIsReadOnceMoreForItsImages() {
        emulator().neospark().taskTimes(Duration.ZERO, Duration.ZERO);

        Exchange out = send("direct:image", "instant");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(byte[].class)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(calls("GET").stream().filter(r -> r.path().startsWith("/api/v1/drawing/messages/"))).hasSize(1);
    }

    @Test
    void imagesAreReadOnTheEmulatorClock() {
        emulator().clock().freeze();
        CompletableFuture<Exchange> sent = template.asyncSend("direct:image", e -> e.getMessage().setBody("frozen"));

        org.awaitility.Awaitility.await().until(() -> creates().size() == 1);
        assertThat(sent).isNotDone();
        emulator().clock().advance(Duration.ofSeconds(1));

        assertThat(sent.join().getException()).isNull();
    }
}
