package dev.camelspark.emulator.neospark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelspark.emulator.Fault;
import dev.camelspark.emulator.HttpAccess;
import dev.camelspark.emulator.Provider;
import dev.camelspark.emulator.TaskRule;

class NeoSparkVideoTest extends NeoSparkTestSupport {

    NeoSparkVideoTest() {
        super(true);
    }

    @TempDir
    Path dir;

    @Test
    void videoModelsListPricesRatiosResolutionsAndDurations() {
        JsonNode data = NeoSparkCalls.data(neo.get("/video/models"));

        assertThat(data.get("models").findValuesAsText("id")).containsExactly("AiVideoMax", "AiVideoMin");
        assertThat(data.get("models").findValues("price_per_second")).extracting(JsonNode::asInt)
                .containsExactly(26, 21);
        assertThat(data.get("ratios")).extracting(JsonNode::asText)
                .containsExactly("16:9", "9:16", "1:1", "4:3", "3:4", "21:9");
        assertThat(data.get("resolutions")).extracting(JsonNode::asText).containsExactly("720p", "480p");
        assertThat(data.get("durations").get("min").asInt()).isEqualTo(4);
        assertThat(data.get("durations").get("max").asInt()).isEqualTo(15);
        assertThat(data.get("durations").get("default").asInt()).isEqualTo(5);
    }

    @Test
    void aVideoGoesPendingThenProcessingWithRisingProgressThenCompletedAsARealMp4() throws Exception {
        HttpResponse<String> created = neo.post("/video/generations",
                "{\"prompt\":\"A cute corgi running on the beach at sunset\",\"model\":\"AiVideoMax\",\"duration\":5,"
                        + "\"ratio\":\"16:9\",\"resolution\":\"720p\",\"generate_audio\":false}");

        JsonNode task = NeoSparkCalls.data(created);
        String id = task.get("task_id").asText();
        assertThat(id).matches("video_[0-9a-f]+");
        assertThat(task.get("status").asText()).isEqualTo("pending");
        assertThat(task.get("estimated_cost").asInt()).isEqualTo(130);
        assertThat(task.get("pricing").get("estimated_cost").asInt()).isEqualTo(130);
        assertThat(task.get("pricing").get("currency").asText()).isEqualTo("credits");
        assertThat(task.get("duration").asInt()).isEqualTo(5);

        emu().clock().advance(Duration.ofSeconds(2));
        List<Integer> progress = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            JsonNode now = status(id);
            assertThat(now.get("status").asText()).isEqualTo("processing");
            assertThat(now.get("video_url").isNull()).isTrue();
            progress.add(now.get("progress").asInt());
            emu().clock().advance(Duration.ofSeconds(1));
        }
        assertThat(progress).isSorted().allMatch(p -> p >= 0 && p < 100);
        assertThat(progress.get(progress.size() - 1)).isGreaterThan(progress.get(0));
        // uneven: it stays on some values and jumps over others
        assertThat(progress.stream().distinct().count()).isBetween(3L, 15L);

        JsonNode done = status(id);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("actual_cost").asInt()).isEqualTo(130);
        String url = done.get("video_url").asText();
        assertThat(url).isEqualTo("/uploads/videos/1/" + id + ".mp4");

        Path file = download(neo.root() + url);
        DemuxerTrackMeta meta = videoMeta(file);
        assertThat(meta.getCodec().name()).isEqualTo("H264");
        assertThat(meta.getTotalDuration()).isEqualTo(5.0);
        assertThat(meta.getVideoCodecMeta().getSize().getWidth()).isEqualTo(1280);
        assertThat(meta.getVideoCodecMeta().getSize().getHeight()).isEqualTo(720);
    }

    @Test
    void aLargeVideoIsPaddedToTheAskedSizeAndStaysAValidMp4() throws Exception {
        long size = 64L * 1024 * 1024 + 123;
        emu().neospark().videoFileSize(size).videoTimes(Duration.ZERO, Duration.ZERO);
        String id = neo.createVideo("{\"prompt\":\"big\",\"resolution\":\"480p\",\"ratio\":\"9:16\",\"duration\":4}");

        HttpResponse<InputStream> head = HttpAccess.stream(HttpAccess.request(neo.root() + "/uploads/videos/1/" + id
                + ".mp4").GET().build());
        head.body().close();
        Path file = download(neo.root() + "/uploads/videos/1/" + id + ".mp4");

        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(size);
        assertThat(Files.size(file)).isEqualTo(size);
        DemuxerTrackMeta meta = videoMeta(file);
        assertThat(meta.getTotalDuration()).isEqualTo(4.0);
        assertThat(meta.getVideoCodecMeta().getSize().getWidth()).isEqualTo(480);
        assertThat(meta.getVideoCodecMeta().getSize().getHeight()).isEqualTo(854);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AiVideoMax|5|130",
            "AiVideoMin|10|210",
            "AiVideoMax|15|390",
            "AiVideoMin|4|84" })
    void theCostIsThePricePerSecondTimesTheDuration(String model, int duration, int cost) {
        JsonNode task = NeoSparkCalls.data(neo.post("/video/generations",
                "{\"prompt\":\"x\",\"model\":\"" + model + "\",\"duration\":" + duration + "}"));

        assertThat(task.get("estimated_cost").asInt()).isEqualTo(cost);
        assertThat(neo.balance()).isEqualTo(10_000 - cost);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"duration\":5|prompt",
            "\"prompt\":\"x\",\"model\":\"AiVideoUltra\"|AiVideoMax, AiVideoMin",
            "\"prompt\":\"x\",\"duration\":3|between 4 and 15",
            "\"prompt\":\"x\",\"duration\":16|between 4 and 15",
            "\"prompt\":\"x\",\"ratio\":\"2:1\"|16:9, 9:16, 1:1, 4:3, 3:4, 21:9",
            "\"prompt\":\"x\",\"resolution\":\"1080p\"|720p, 480p",
            "\"prompt\":\"x\",\"generate_audio\":\"loud\"|generate_audio",
            "\"prompt\":\"x\",\"reference_image_urls\":[\"https://a/1\",\"https://a/2\",\"https://a/3\",\"https://a/4\",\"https://a/5\",\"https://a/6\",\"https://a/7\",\"https://a/8\",\"https://a/9\",\"https://a/10\"]|at most 9",
            "\"prompt\":\"x\",\"reference_video_urls\":[\"https://a/1\",\"https://a/2\",\"https://a/3\",\"https://a/4\"]|at most 3",
            "\"prompt\":\"x\",\"first_frame_url\":\"ftp://example.com/a.png\"|first_frame_url" })
    void everyParameterIsChecked(String fields, String expected) {
        HttpResponse<String> r = neo.post("/video/generations", "{" + fields + "}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(NeoSparkCalls.message(r)).contains(expected);
        assertThat(neo.balance()).isEqualTo(10_000);
    }

    @Test
    void aPromptOfMoreThan2000CharactersIsRefused() {
        HttpResponse<String> r = neo.post("/video/generations", "{\"prompt\":\"" + "a".repeat(2001) + "\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(NeoSparkCalls.message(r)).contains("2001 characters").contains("1-2000");
        assertThat(NeoSparkCalls.data(neo.post("/video/generations", "{\"prompt\":\"" + "a".repeat(2000) + "\"}"))
                .get("task_id").asText()).isNotBlank();
    }

    @Test
    void aFirstFrameTheServiceCannotFetchIs502AndCostsNothing() {
        HttpResponse<String> r = neo.post("/video/generations",
                "{\"prompt\":\"x\",\"first_frame_url\":\"https://images.example.invalid/first.png\"}");
        emu().neospark().unreachableHosts(java.util.Set.of("cdn.example.com"));
        HttpResponse<String> listed = neo.post("/video/generations",
                "{\"prompt\":\"x\",\"reference_audio_url\":\"https://CDN.example.com/beat.mp3\"}");

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(NeoSparkCalls.message(r)).contains("first_frame_url").contains("images.example.invalid");
        assertThat(listed.statusCode()).isEqualTo(502);
        assertThat(neo.balance()).isEqualTo(10_000);
    }

    @Test
    void aShortBalanceIs402() {
        emu().neospark().balance(NeoSparkCalls.KEY, 50);

        HttpResponse<String> r = neo.post("/video/generations", "{\"prompt\":\"x\"}");

        assertThat(r.statusCode()).isEqualTo(402);
        assertThat(NeoSparkCalls.message(r)).isEqualTo("Insufficient credits. Available: 50, Required: 130");
    }

    @Test
    void videosAreListedByPageAndStatus() {
        emu().tasks().add(TaskRule.complete().on(Provider.NEOSPARK).whenPromptContains("quick").after(Duration.ZERO));
        String slow1 = neo.createVideo("{\"prompt\":\"slow one\"}");
        String quick = neo.createVideo("{\"prompt\":\"quick one\"}");
        String slow2 = neo.createVideo("{\"prompt\":\"slow two\"}");

        JsonNode all = NeoSparkCalls.data(neo.get("/video/generations?page=1&page_size=2"));
        JsonNode second = NeoSparkCalls.data(neo.get("/video/generations?page=2&page_size=2"));
        JsonNode completed = NeoSparkCalls.data(neo.get("/video/generations?status=completed"));

        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(all.get("page").asInt()).isEqualTo(1);
        assertThat(all.get("page_size").asInt()).isEqualTo(2);
        assertThat(all.get("items").findValuesAsText("task_id")).containsExactly(slow2, quick);
        assertThat(second.get("items").findValuesAsText("task_id")).containsExactly(slow1);
        assertThat(completed.get("items").findValuesAsText("task_id")).containsExactly(quick);
        assertThat(neo.get("/video/generations?status=done").statusCode()).isEqualTo(400);
        assertThat(neo.get("/video/generations?page=0").statusCode()).isEqualTo(400);
    }

    @Test
    void aHeldCreateAnswerLeavesTheTaskListedByPromptAndTimeBeforeTheClientKnowsItsId() throws Exception {
        emu().faults().add(Fault.holdAnswer(Duration.ofSeconds(2)).on(Provider.NEOSPARK).method("POST")
                .path("/video/generations").times(1));
        CompletableFuture<HttpResponse<String>> create = CompletableFuture.supplyAsync(
                () -> neo.post("/video/generations", "{\"prompt\":\"A held camel\"}"));

        // created at once, answered later: the create window a client can die in
        await().atMost(Duration.ofSeconds(30)).until(() -> NeoSparkCalls.data(neo.get("/video/generations"))
                .get("total").asInt() == 1);
        JsonNode listed = NeoSparkCalls.data(neo.get("/video/generations")).get("items").get(0);
        assertThat(create).isNotDone();
        assertThat(listed.get("prompt").asText()).isEqualTo("A held camel");
        assertThat(listed.get("created_at").asText()).isNotBlank();

        JsonNode created = NeoSparkCalls.data(create.get(30, TimeUnit.SECONDS));
        assertThat(created.get("task_id").asText()).isEqualTo(listed.get("task_id").asText());
        assertThat(emu().requests(Provider.NEOSPARK)).filteredOn(r -> r.method().equals("POST")).hasSize(1);
    }

    @Test
    void deletingARunningTaskCancelsAndRefundsItDeletingAFinishedOneRemovesIt() {
        String id = neo.createVideo("{\"prompt\":\"x\"}");
        emu().clock().advance(Duration.ofSeconds(10));

        HttpResponse<String> cancel = neo.delete("/video/generations/" + id);

        assertThat(cancel.statusCode()).isEqualTo(200);
        JsonNode cancelled = NeoSparkCalls.data(cancel);
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.get("progress").asInt()).isBetween(0, 99);
        assertThat(status(id).get("status").asText()).isEqualTo("cancelled");
        assertThat(neo.balance()).isEqualTo(10_000);
        emu().clock().advance(Duration.ofMinutes(5));
        assertThat(status(id).get("status").asText()).isEqualTo("cancelled");

        HttpResponse<String> delete = neo.delete("/video/generations/" + id);
        assertThat(delete.statusCode()).isEqualTo(200);
        assertThat(NeoSparkCalls.data(delete).isNull()).isTrue();
        assertThat(neo.get("/video/generations/" + id).statusCode()).isEqualTo(404);
        assertThat(neo.delete("/video/generations/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeletedVideoIsNoLongerServed() {
        emu().neospark().videoTimes(Duration.ZERO, Duration.ZERO);
        String id = neo.createVideo("{\"prompt\":\"x\",\"resolution\":\"480p\"}");
        String url = neo.root() + NeoSparkCalls.data(neo.get("/video/generations/" + id)).get("video_url").asText();
        assertThat(HttpAccess.getBytes(url).statusCode()).isEqualTo(200);

        neo.delete("/video/generations/" + id);

        assertThat(HttpAccess.getBytes(url).statusCode()).isEqualTo(404);
    }

    @Test
    void aFailedVideoCarriesTheCodeAndMessageOfTheRule() {
        emu().tasks().add(TaskRule.fail("SEEDANCE_TIMEOUT", "Upstream generation timed out").on(Provider.NEOSPARK));
        String id = neo.createVideo("{\"prompt\":\"x\"}");

        emu().clock().advance(Duration.ofMinutes(1));

        JsonNode failed = status(id);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error_code").asText()).isEqualTo("SEEDANCE_TIMEOUT");
        assertThat(failed.get("error_msg").asText()).isEqualTo("Upstream generation timed out");
        assertThat(failed.get("video_url").isNull()).isTrue();
    }

    private JsonNode status(String id) {
        HttpResponse<String> r = neo.get("/video/generations/" + id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return NeoSparkCalls.data(r);
    }

    private Path download(String url) throws Exception {
        Path file = Files.createTempFile(dir, "video", ".mp4");
        HttpResponse<InputStream> r = HttpAccess.stream(HttpAccess.request(url).GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("video/mp4");
        try (InputStream in = r.body(); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
        return file;
    }

    static DemuxerTrackMeta videoMeta(Path file) throws Exception {
        try (var channel = NIOUtils.readableChannel(file.toFile())) {
            MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(channel);
            assertThat(demuxer.getVideoTracks()).hasSize(1);
            return demuxer.getVideoTrack().getMeta();
        }
    }
}
