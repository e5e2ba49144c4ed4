package dev.camelspark.neospark;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkChecks;
import dev.camelspark.support.SparkTaskConfiguration;
import dev.camelspark.support.task.TaskCreation;
import dev.camelspark.support.task.TaskDelivery;
import org.apache.camel.Exchange;

/**
 * {@code neospark:video} (waits for the video without holding a thread: prompt in, the video out, never read into
 * memory: a temp-file-backed stream, or the file in {@code downloadDirectory}) and {@code neospark:video-submit}
 * (records the task and returns its id at once; the {@code tasks} consumer hands it out).
 */
class NeoSparkVideoProducer extends NeoSparkTaskProducer {

    NeoSparkVideoProducer(NeoSparkEndpoint endpoint, TaskDelivery delivery) {
        super(endpoint, delivery);
    }

    @Override
    protected TaskCreation prepare(Exchange exchange, SparkTaskConfiguration c) {
        NeoSparkConfiguration config = (NeoSparkConfiguration) c;
        String prompt = requiredText(exchange, "prompt");
        SparkChecks.of(provider()).maxLength("body (prompt)", prompt, NeoSparkPricing.MAX_VIDEO_PROMPT);
        int duration = config.getDuration() == null ? NeoSparkPricing.DEFAULT_DURATION : config.getDuration();
        checkCost(config, NeoSparkPricing.videoCost(config.getVideoModel(), duration),
                NeoSparkPricing.VIDEO_PRICE_PER_SECOND.get(config.getVideoModel()) + " credits per second of "
                + config.getVideoModel() + " x " + duration + " s",
                "model", "duration");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", prompt);
        body.put("model", config.getVideoModel());
        putIfSet(body, "duration", config.getDuration());
        putIfSet(body, "ratio", config.getRatio());
        putIfSet(body, "resolution", config.getVideoResolution());
        putIfSet(body, "generate_audio", config.getGenerateAudio());
        putIfSet(body, "first_frame_url", config.getFirstFrameUrl());
        putIfSet(body, "reference_image_urls", NeoSparkConfiguration.list(config.getReferenceImageUrls()));
        putIfSet(body, "reference_video_urls", NeoSparkConfiguration.list(config.getReferenceVideoUrls()));
        putIfSet(body, "reference_audio_url", config.getReferenceAudioUrl());
        String json = json(config.withAdditionalBodyProperties(body));
        return new TaskCreation(NeoSparkApi.VIDEO,
                create(config, getEndpoint().requireApiKey(config), NeoSparkApi.VIDEO_TASKS, json), json);
    }

    @Override
    NeoSparkTask created(JsonNode data) {
        return NeoSparkTask.ofVideo(data, url -> url);
    }
}
