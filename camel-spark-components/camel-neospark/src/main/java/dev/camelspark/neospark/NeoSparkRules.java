package dev.camelspark.neospark;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.camelspark.support.SparkChecks;
import dev.camelspark.support.SparkOperationOptions;
import dev.camelspark.support.task.TaskIds;

/**
 * The rules of the NeoSpark options, apart from the option fields themselves (which Camel's configurer and the
 * metadata generator need on {@link NeoSparkConfiguration}): which option goes with which operation, and the checks
 * each operation's values must pass before any paid call.
 */
final class NeoSparkRules {

    private static final List<String> IMAGE_OPERATIONS = List.of("image", "image-submit");
    private static final List<String> VIDEO_OPERATIONS = List.of("video", "video-submit");
    private static final List<String> SUBMISSIONS = List.of("image", "image-submit", "video", "video-submit");
    /**
     * Which options mean something for which operation: the others are refused on that endpoint, and the image and
     * video names of the same parameter point at each other. The media options go with whoever hands a result out,
     * the polling options with whoever polls a task (the submitting producer, or the tasks consumer taking over a
     * previous run's tasks). The session header is also a result of image calls, so it may reach a video call from
     * an earlier step: it is left alone there.
     */
    static final SparkOperationOptions OPERATION_OPTIONS = SparkOperationOptions.of("neospark")
            .only(IMAGE_OPERATIONS, List.of("model", "resolution", "aspectRatio", "numImages", "negativePrompt",
                    "refUploadId", "refUploadIds", "refImagePaths", "strength", "provider", "quality", "optimizePrompt",
                    "sessionId", "sessionTitle"))
            .only(VIDEO_OPERATIONS, List.of("videoModel", "duration", "ratio", "videoResolution", "generateAudio",
                    "firstFrameUrl", "referenceImageUrls", "referenceVideoUrls", "referenceAudioUrl"))
            .only(SUBMISSIONS, SparkOperationOptions.TASK_SUBMISSION)
            .only(SUBMISSIONS, List.of("maxCostPerTask"))
            .only(SUBMISSIONS, List.of("additionalBodyProperty"))
            .only(List.of("image", "video", "tasks"), SparkOperationOptions.MEDIA)
            .only(List.of("image", "image-submit", "video", "video-submit", "tasks"), SparkOperationOptions.TASK_POLLING)
            .only(List.of("image", "image-submit", "video", "video-submit", "tasks"), List.of("taskGroup"))
            .only(List.of("status"), List.of("taskType"))
            .only(List.of("sessions", "user-images", "billing-history"), List.of("limit", "offset"))
            .only(List.of("billing-history"), List.of("type"))
            .only(List.of("tasks"), SparkOperationOptions.SCHEDULED_POLL)
            .instead("model", VIDEO_OPERATIONS, "videoModel")
            .instead("resolution", VIDEO_OPERATIONS, "videoResolution")
            .instead("aspectRatio", VIDEO_OPERATIONS, "ratio")
            .instead("videoModel", IMAGE_OPERATIONS, "model")
            .instead("videoResolution", IMAGE_OPERATIONS, "resolution")
            .instead("ratio", IMAGE_OPERATIONS, "aspectRatio")
            .alsoResults("sessionId")
            .build();

    private NeoSparkRules() {
    }

    /** Checks the options of {@code config} that apply to {@code operation}. */
    static void check(NeoSparkConfiguration config, SparkChecks checks, NeoSparkOperation operation) {
        if (operation.isImage()) {
            checkImage(config, checks);
        } else if (operation.isVideo()) {
            checkVideo(config, checks);
        } else if (operation == NeoSparkOperation.status) {
            checks.oneOf("taskType", config.getTaskType(), List.of("auto", "image", "video"));
        } else if (operation.isListing()) {
            checks.range("limit", config.getLimit(), 1, 100).atLeast("offset", config.getOffset(), 0);
        }
    }

    private static void checkImage(NeoSparkConfiguration config, SparkChecks checks) {
        String sessionId = config.getSessionId();
        String model = config.getModel();
        String resolution = config.getResolution();
        String provider = config.getProvider();
        String quality = config.getQuality();
        // the session goes into the create call's path, and it may come from a header
        checks.that(sessionId == null || TaskIds.isSafe(sessionId), "sessionId", sessionId, TaskIds.ALLOWED);
        checks.notBlank("model", model).oneOf("model", model, List.copyOf(NeoSparkPricing.IMAGE_MODELS.keySet()));
        NeoSparkPricing.ImageModel m = NeoSparkPricing.IMAGE_MODELS.get(model);
        checks.notBlank("resolution", resolution)
                .that(m.prices().containsKey(resolution), "resolution", resolution,
                        "for model " + model + " one of " + String.join(", ", m.resolutions()))
                .notBlank("aspectRatio", config.getAspectRatio())
                .oneOf("aspectRatio", config.getAspectRatio(), NeoSparkPricing.ASPECT_RATIOS)
                .range("numImages", config.getNumImages(), 1, 4)
                .range("strength", config.getStrength(), 0.0, 1.0)
                .oneOf("provider", provider, NeoSparkPricing.PROVIDERS)
                .that(provider == null || NeoSparkPricing.canonicalProvider(provider).equals(m.provider()), "provider",
                        provider, "for model " + model + " " + (m.provider().equals("openai") ? "openai or tengda" : m.provider())
                                  + " (or unset)")
                .oneOf("quality", quality, NeoSparkPricing.QUALITIES)
                .that(quality == null || m.hasQuality(), "quality", quality,
                        "only with model gpt-image-2 (unset for " + model + ")");
        List<String> refUploadIds = list(config.getRefUploadIds());
        checks.that(refUploadIds.size() <= NeoSparkPricing.MAX_REF_UPLOADS, "refUploadIds",
                refUploadIds.size() + " ids", "at most " + NeoSparkPricing.MAX_REF_UPLOADS);
        int references = uploadReferences(config).size() + list(config.getRefImagePaths()).size();
        checks.that(references <= m.maxReferences(), "refUploadId, refUploadIds and refImagePaths",
                references + " references", "at most " + m.maxReferences() + " in all for model " + model);
    }

    private static void checkVideo(NeoSparkConfiguration config, SparkChecks checks) {
        List<String> referenceImageUrls = list(config.getReferenceImageUrls());
        List<String> referenceVideoUrls = list(config.getReferenceVideoUrls());
        checks.notBlank("videoModel", config.getVideoModel())
                .oneOf("videoModel", config.getVideoModel(), NeoSparkPricing.VIDEO_MODELS)
                .range("duration", config.getDuration(), NeoSparkPricing.MIN_DURATION, NeoSparkPricing.MAX_DURATION)
                .oneOf("ratio", config.getRatio(), NeoSparkPricing.VIDEO_RATIOS)
                .oneOf("videoResolution", config.getVideoResolution(), NeoSparkPricing.VIDEO_RESOLUTIONS)
                .that(referenceImageUrls.size() <= NeoSparkPricing.MAX_REFERENCE_IMAGES, "referenceImageUrls",
                        referenceImageUrls.size() + " URLs", "at most " + NeoSparkPricing.MAX_REFERENCE_IMAGES)
                .that(referenceVideoUrls.size() <= NeoSparkPricing.MAX_REFERENCE_VIDEOS, "referenceVideoUrls",
                        referenceVideoUrls.size() + " URLs", "at most " + NeoSparkPricing.MAX_REFERENCE_VIDEOS);
        checkUrl(checks, "firstFrameUrl", config.getFirstFrameUrl());
        checkUrl(checks, "referenceAudioUrl", config.getReferenceAudioUrl());
        referenceImageUrls.forEach(u -> checkUrl(checks, "referenceImageUrls", u));
        referenceVideoUrls.forEach(u -> checkUrl(checks, "referenceVideoUrls", u));
    }

    /** A URL the service fetches: absolute http(s), or one of its own relative {@code /uploads/} paths. */
    private static void checkUrl(SparkChecks checks, String option, String url) {
        if (url == null || url.startsWith("/uploads/")) {
            return;
        }
        boolean ok;
        try {
            URI uri = URI.create(url);
            ok = uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                                           || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        checks.that(ok, option, url, "an absolute http(s) URL or a /uploads/... path of the service");
    }

    /** {@code refUploadId} and {@code refUploadIds} together. */
    static List<String> uploadReferences(NeoSparkConfiguration config) {
        List<String> all = new ArrayList<>();
        String refUploadId = config.getRefUploadId();
        if (refUploadId != null && !refUploadId.isBlank()) {
            all.add(refUploadId.trim());
        }
        all.addAll(list(config.getRefUploadIds()));
        return all;
    }

    /** A comma-separated option as a list, blanks dropped; empty when unset. */
    static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
