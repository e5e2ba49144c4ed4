package dev.camelspark.neospark;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkChecks;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkValidationException;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.task.TaskCreation;
import dev.camelspark.support.task.TaskIntent;
import dev.camelspark.support.task.TaskProvider;
import dev.camelspark.support.task.TaskReconciliation;
import dev.camelspark.support.task.TaskRecord;
import dev.camelspark.support.task.TaskSnapshot;
import dev.camelspark.support.task.TaskState;
import org.apache.camel.Exchange;

/**
 * {@code neospark:image} and {@code neospark:video} (and their {@code -submit} forms) between the exchange and
 * {@link NeoSparkClient}: the input and {@code maxCostPerTask} checked against the contract's price before any call,
 * the create call (an image in a drawing session, the endpoint's own unless {@code sessionId} names one), the envelope
 * of its answer, and the status read of either kind. A video is never read into memory, whatever its size: it goes to
 * {@code downloadDirectory} or to a temp-file-backed stream.
 */
final class NeoSparkTaskProvider implements TaskProvider<NeoSparkConfiguration> {

    /** Stands for the session in the prepared request; {@link #create} sends to the real one. */
    private static final String SESSION_PLACEHOLDER = "{session}";

    private final NeoSparkClient client;
    private final NeoSparkSession.Holder session;

    NeoSparkTaskProvider(NeoSparkClient client, NeoSparkSession.Holder session) {
        this.client = client;
        this.session = session;
    }

    @Override
    public TaskCreation prepare(Exchange exchange, String kind, NeoSparkConfiguration config) {
        String prompt = SparkChecks.of(NeoSparkClient.PROVIDER).bodyText(exchange, "prompt");
        return NeoSparkClient.VIDEO.equals(kind) ? video(prompt, config) : image(prompt, config);
    }

    private TaskCreation image(String prompt, NeoSparkConfiguration config) {
        int images = config.getNumImages() == null ? 1 : config.getNumImages();
        checkCost(config, NeoSparkPricing.imageCost(config.getModel(), config.getResolution(), config.getQuality(), images),
                "unit price of " + config.getModel() + " at " + config.getResolution()
                + (config.getQuality() == null ? "" : " " + config.getQuality()) + " x " + images + " image(s)",
                "model", "resolution", "quality", "num_images");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", prompt);
        body.put("model", config.getModel());
        body.put("resolution", config.getResolution());
        body.put("aspect_ratio", config.getAspectRatio());
        putIfSet(body, "num_images", config.getNumImages());
        putIfSet(body, "negative_prompt", config.getNegativePrompt());
        putIfSet(body, "ref_upload_id", config.getRefUploadId());
        putIfSet(body, "ref_upload_ids", NeoSparkRules.list(config.getRefUploadIds()));
        putIfSet(body, "ref_image_paths", NeoSparkRules.list(config.getRefImagePaths()));
        putIfSet(body, "strength", config.getStrength());
        putIfSet(body, "provider", config.getProvider());
        putIfSet(body, "quality", config.getQuality());
        putIfSet(body, "optimize_prompt", config.getOptimizePrompt());
        String json = json(config.withAdditionalBodyProperties(body));
        String in = config.getSessionId() != null ? config.getSessionId() : SESSION_PLACEHOLDER;
        return new TaskCreation(NeoSparkClient.IMAGE, generate(in, json), json);
    }

    private TaskCreation video(String prompt, NeoSparkConfiguration config) {
        SparkChecks.of(NeoSparkClient.PROVIDER).maxLength("body (prompt)", prompt, NeoSparkPricing.MAX_VIDEO_PROMPT);
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
        putIfSet(body, "reference_image_urls", NeoSparkRules.list(config.getReferenceImageUrls()));
        putIfSet(body, "reference_video_urls", NeoSparkRules.list(config.getReferenceVideoUrls()));
        putIfSet(body, "reference_audio_url", config.getReferenceAudioUrl());
        String json = json(config.withAdditionalBodyProperties(body));
        return new TaskCreation(NeoSparkClient.VIDEO, client.create(NeoSparkClient.VIDEO_TASKS, json), json);
    }

    /**
     * Refuses, before any call, a task whose estimated cost is above {@code maxCostPerTask}, and under that cap an
     * {@code additionalBodyProperty} replacing one of the {@code priced} fields the estimate is made from.
     */
    private static void checkCost(NeoSparkConfiguration config, int estimate, String formula, String... priced) {
        Double max = config.getMaxCostPerTask();
        Map<String, Object> extras = config.getAdditionalBodyProperty();
        if (max != null && extras != null) {
            for (String field : priced) {
                if (extras.containsKey(field)) {
                    throw new SparkValidationException(NeoSparkClient.PROVIDER, "additionalBodyProperty." + field,
                            extras.get(field), "a field the price is not estimated from while maxCostPerTask is set;"
                                               + " use the component's own option", null);
                }
            }
        }
        if (max != null && estimate > max) {
            throw new SparkValidationException(NeoSparkClient.PROVIDER, "estimated cost",
                    estimate + " credits (" + formula + ")",
                    "at most " + BigDecimal.valueOf(max).stripTrailingZeros().toPlainString()
                    + " credits (maxCostPerTask)", null);
        }
    }

    /** An image in the endpoint's own session: created now, before the paid call's intent is recorded. */
    @Override
    public CompletableFuture<Void> beforeCreate(Exchange exchange, TaskCreation creation, NeoSparkConfiguration config) {
        if (!NeoSparkClient.IMAGE.equals(creation.operation()) || config.getSessionId() != null) {
            return CompletableFuture.completedFuture(null);
        }
        return endpointSession(config).thenAccept(ready -> { });
    }

    /** A video as prepared; an image in its session: the endpoint's own, created on first use. */
    @Override
    public CompletableFuture<SparkResponse> create(Exchange exchange, TaskCreation creation,
                                                   NeoSparkConfiguration config) {
        if (!NeoSparkClient.IMAGE.equals(creation.operation())) {
            return client.send(creation.request());
        }
        if (config.getSessionId() != null) {
            exchange.getMessage().setHeader(NeoSparkConstants.SESSION_ID, config.getSessionId());
            return client.send(creation.request());
        }
        return endpointSession(config).thenCompose(s -> inSession(exchange, config, s, creation.body(), true));
    }

    /** Generates in the endpoint's own session; once more in a new one when the service no longer knows it. */
    private CompletableFuture<SparkResponse> inSession(Exchange exchange, NeoSparkConfiguration config, String in,
                                                       String json, boolean renewOnNotFound) {
        exchange.getMessage().setHeader(NeoSparkConstants.SESSION_ID, in);
        return client.send(generate(in, json)).exceptionallyCompose(error -> {
            Throwable cause = SparkApiException.unwrap(error);
            if (renewOnNotFound && cause instanceof SparkApiException spark && spark.getHttpStatus() == 404) {
                session.forget(in);
                return endpointSession(config).thenCompose(fresh -> inSession(exchange, config, fresh, json, false));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** The session this endpoint generates in: created once, on first use, and shared by every message after. */
    private CompletableFuture<String> endpointSession(NeoSparkConfiguration config) {
        return session.get(() -> client.newSession(
                config.getSessionTitle() != null ? config.getSessionTitle() : "camel-neospark"));
    }

    private SparkRequest generate(String in, String json) {
        return client.create(NeoSparkClient.SESSIONS + "/" + in + "/generate", json);
    }

    /**
     * The created task, as the envelope of the create answer tells it. That answer never carries the results, so a
     * task it already calls completed is read once more before it is handed out.
     */
    @Override
    public TaskSnapshot readCreated(SparkResponse response, TaskCreation creation) {
        JsonNode data = NeoSparkClient.object(client.data(response), "the created task");
        NeoSparkTask task = NeoSparkClient.VIDEO.equals(creation.operation())
                ? NeoSparkTask.ofVideo(data, url -> url) : NeoSparkTask.ofImage(data, url -> url);
        TaskSnapshot created = task.toSnapshot(data);
        if (created.state() == TaskState.COMPLETED && created.mediaUrls().isEmpty()) {
            return new TaskSnapshot(created.taskId(), created.status(), TaskState.RUNNING, created.progress(),
                    created.mediaUrls(), created.cost(), null, null, created.resultHeaders(), created.raw());
        }
        return created;
    }

    /**
     * A video is looked up in the list of video generations by prompt and time ({@link NeoSparkVideoLookup}); an
     * image cannot be: the API lists a session's count of messages, not the messages.
     */
    @Override
    public CompletableFuture<TaskReconciliation> reconcile(TaskIntent intent, TaskCreation creation,
                                                           NeoSparkConfiguration config) {
        if (!NeoSparkClient.VIDEO.equals(creation.operation())) {
            return CompletableFuture.completedFuture(TaskReconciliation.unknown(
                    "the NeoSpark API lists no image messages to look it up in"));
        }
        return new NeoSparkVideoLookup(client).find(intent, creation.body(), config.getRequestTimeout());
    }

    /** Reads an image message or a video task, as the submission was recorded. */
    @Override
    public CompletableFuture<TaskSnapshot> readTask(String taskId, String kind, NeoSparkConfiguration config) {
        boolean video = NeoSparkClient.VIDEO.equals(kind);
        return client.send(client.taskStatus(taskId, video)).thenApply(answer -> {
            JsonNode data = client.data(answer);
            return client.task(data, video).toSnapshot(data);
        });
    }

    @Override
    public Map<String, String> downloadAuthHeaders() {
        return client.downloadAuthHeaders();
    }

    /** A video is never read into memory, whatever its size. */
    @Override
    public long inMemoryLimit(TaskRecord record) {
        return NeoSparkClient.VIDEO.equals(record.operation()) ? 0 : TaskProvider.super.inMemoryLimit(record);
    }

    /** The JSON body as sent: also the part of the task key that says what was asked. */
    private static String json(Map<String, Object> body) {
        return new String(SparkJson.write(body), StandardCharsets.UTF_8);
    }

    /** Sets what has a value: blank texts and empty lists are not sent. */
    static void putIfSet(Map<String, Object> body, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())
            && !(value instanceof Collection<?> c && c.isEmpty())) {
            body.put(name, value);
        }
    }
}
