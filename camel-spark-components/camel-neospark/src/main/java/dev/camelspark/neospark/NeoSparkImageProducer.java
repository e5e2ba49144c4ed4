package dev.camelspark.neospark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.SparkTaskConfiguration;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.http.SparkRequest;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.task.TaskCreation;
import dev.camelspark.support.task.TaskDelivery;
import org.apache.camel.Exchange;

/**
 * {@code neospark:image} (waits for the images without holding a thread: prompt in, the first image out, every URL in
 * {@code CamelNeoSparkMediaUrls}) and {@code neospark:image-submit} (records the task and returns its message id at
 * once; the {@code tasks} consumer hands it out).
 *
 * <p>Images are generated in a drawing session: {@code sessionId} (option or header {@code CamelNeoSparkSessionId})
 * when given, else one session the endpoint creates on first use and reuses; if the service has forgotten it (404),
 * a new one is created and the generation sent once more, which is safe: a 404 means nothing was created or charged.
 */
class NeoSparkImageProducer extends NeoSparkTaskProducer {

    /** Stands for the session in the prepared request; {@link #sendCreate} sends to the real one. */
    private static final String SESSION_PLACEHOLDER = "{session}";

    NeoSparkImageProducer(NeoSparkEndpoint endpoint, TaskDelivery delivery) {
        super(endpoint, delivery);
    }

    @Override
    protected TaskCreation prepare(Exchange exchange, SparkTaskConfiguration c) {
        NeoSparkConfiguration config = (NeoSparkConfiguration) c;
        String prompt = requiredText(exchange, "prompt");
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
        putIfSet(body, "ref_upload_ids", NeoSparkConfiguration.list(config.getRefUploadIds()));
        putIfSet(body, "ref_image_paths", NeoSparkConfiguration.list(config.getRefImagePaths()));
        putIfSet(body, "strength", config.getStrength());
        putIfSet(body, "provider", config.getProvider());
        putIfSet(body, "quality", config.getQuality());
        putIfSet(body, "optimize_prompt", config.getOptimizePrompt());
        String json = json(config.withAdditionalBodyProperties(body));
        String apiKey = getEndpoint().requireApiKey(config);
        String session = config.getSessionId() != null ? config.getSessionId() : SESSION_PLACEHOLDER;
        return new TaskCreation(NeoSparkApi.IMAGE, generate(config, apiKey, session, json), json);
    }

    @Override
    NeoSparkTask created(JsonNode data) {
        return NeoSparkTask.ofImage(data, url -> url);
    }

    @Override
    protected CompletableFuture<SparkResponse> sendCreate(Exchange exchange, TaskCreation creation,
                                                          SparkTaskConfiguration c, String apiKey) {
        NeoSparkConfiguration config = (NeoSparkConfiguration) c;
        if (config.getSessionId() != null) {
            exchange.getMessage().setHeader(NeoSparkConstants.SESSION_ID, config.getSessionId());
            return getEndpoint().getClient().call(creation.request(), config.callPolicy(apiKey));
        }
        return endpointSession(config, apiKey)
                .thenCompose(session -> inSession(exchange, config, apiKey, session, creation.body(), true));
    }

    /** Generates in the endpoint's own session; once more in a new one when the service no longer knows it. */
    private CompletableFuture<SparkResponse> inSession(Exchange exchange, NeoSparkConfiguration config, String apiKey,
                                                       String session, String json, boolean renewOnNotFound) {
        exchange.getMessage().setHeader(NeoSparkConstants.SESSION_ID, session);
        return getEndpoint().getClient().call(generate(config, apiKey, session, json), config.callPolicy(apiKey))
                .exceptionallyCompose(error -> {
                    Throwable cause = SparkApiException.unwrap(error);
                    if (renewOnNotFound && cause instanceof SparkApiException spark && spark.getHttpStatus() == 404) {
                        getEndpoint().session().forget(session);
                        return endpointSession(config, apiKey)
                                .thenCompose(fresh -> inSession(exchange, config, apiKey, fresh, json, false));
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    /** The session this endpoint generates in: created once, on first use, and shared by every message after. */
    private CompletableFuture<String> endpointSession(NeoSparkConfiguration config, String apiKey) {
        return getEndpoint().session().get(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            putIfSet(body, "title", config.getSessionTitle() != null ? config.getSessionTitle() : "camel-neospark");
            // creating a session costs nothing, so it may be resent like a read
            SparkRequest request = NeoSparkApi.authorised(SparkRequest.post(config.getBaseUrl(), NeoSparkApi.SESSIONS),
                    config, apiKey, CallKind.READ).json(body).build();
            return getEndpoint().getClient().call(request, config.callPolicy(apiKey)).thenApply(answer -> {
                String id = SparkJson.text(NeoSparkApi.data(answer, getEndpoint().getComponent().getClock()),
                        "session_id");
                if (id == null || id.isBlank()) {
                    throw new SparkApiException(provider(), answer.status(), null,
                            "the new drawing session has no session_id: " + answer.bodyAsString());
                }
                return id;
            });
        });
    }

    private static SparkRequest generate(NeoSparkConfiguration config, String apiKey, String session, String json) {
        return create(config, apiKey, NeoSparkApi.SESSIONS + "/" + session + "/generate", json);
    }
}
