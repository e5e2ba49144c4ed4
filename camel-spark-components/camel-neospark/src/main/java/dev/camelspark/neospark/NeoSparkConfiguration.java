package dev.camelspark.neospark;

import java.util.List;

import dev.camelspark.support.SparkChecks;
import dev.camelspark.support.SparkOperationOptions;
import dev.camelspark.support.task.SparkTaskConfiguration;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the {@code neospark:} component: every parameter of the NeoSpark API in camelCase, plus the shared ones.
 * The task options (polling, task store, task group, {@code maxCostPerTask} in credits) are the shared ones, with a
 * {@code pollTimeout} of 15 minutes. Image and video calls both have a model and a resolution; on video endpoints
 * they are {@code videoModel} and {@code videoResolution}, so that one component-level default cannot be valid for
 * one and invalid for the other.
 */
@Configurer
@UriParams
public class NeoSparkConfiguration extends SparkTaskConfiguration {

    public static final String DEFAULT_BASE_URL = "https://api.useneospark.com/api/v1";

    /** Which options mean something for which operation (see {@link NeoSparkRules#OPERATION_OPTIONS}). */
    public static final SparkOperationOptions OPERATION_OPTIONS = NeoSparkRules.OPERATION_OPTIONS;

    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URL,
              description = "The API's base URL (the path structure below it is kept). Relative media URLs are resolved against it without its trailing /api/v1. Point it at spark-emulator for tests.")
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "task", defaultValue = "900000", javaType = "java.time.Duration",
              description = "The longest a task is polled before the exchange fails with a task timeout (the task is not cancelled and may still complete). 15 minutes: long or high-resolution videos take longer than the vendor's 5-minute advice.")
    private long pollTimeout = 900_000;
    @UriParam(label = "producer,image", defaultValue = "gemini-3.1-flash-image-preview", enums = "gemini-3-pro-image-preview,gemini-3.1-flash-image-preview,gemini-2.5-flash-image,gpt-image-2",
              description = "The image model.")
    private String model = "gemini-3.1-flash-image-preview";
    @UriParam(label = "producer,image", defaultValue = "1K", enums = "512,1K,2K,3K,4K",
              description = "The image resolution; which ones a model allows: gemini-3-pro-image-preview 1K, 2K, 4K; gemini-3.1-flash-image-preview and gpt-image-2 512, 1K, 2K, 4K; gemini-2.5-flash-image 1K.")
    private String resolution = "1K";
    @UriParam(label = "producer,image", defaultValue = "1:1", enums = "1:1,16:9,9:16,4:3,3:4,3:2,2:3,21:9",
              description = "The image aspect ratio.")
    private String aspectRatio = "1:1";
    @UriParam(label = "producer,image",
              description = "How many images, 1 to 4 (the service makes 1 when unset). The cost is the unit price times this.")
    private Integer numImages;
    @UriParam(label = "producer,image",
              description = "What the images should not show.")
    private String negativePrompt;
    @UriParam(label = "producer,image",
              description = "The upload id (from neospark:upload) of a reference image, for image-to-image.")
    private String refUploadId;
    @UriParam(label = "producer,image",
              description = "Upload ids of several reference images, comma-separated (at most 14; gemini-2.5-flash-image takes one reference in all).")
    private String refUploadIds;
    @UriParam(label = "producer,image",
              description = "URLs of earlier generated images to use as references, comma-separated.")
    private String refImagePaths;
    @UriParam(label = "producer,image",
              description = "How strongly the references shape the result, 0.0 to 1.0 (the service uses 0.7).")
    private Double strength;
    @UriParam(label = "producer,image", enums = "gemini,openai,tengda",
              description = "The backend: gemini for the Gemini models, openai (or its alias tengda) for gpt-image-2. When unset the service picks the model's own.")
    private String provider;
    @UriParam(label = "producer,image", enums = "standard,high",
              description = "standard or high; gpt-image-2 only (high costs more).")
    private String quality;
    @UriParam(label = "producer,image",
              description = "Let the service rewrite the prompt before generating.")
    private Boolean optimizePrompt;
    @UriParam(label = "producer,image",
              description = "The drawing session to generate in. When unset the endpoint creates one session on first use and reuses it.")
    private String sessionId;
    @UriParam(label = "producer,image",
              description = "The title of the session the endpoint creates when sessionId is not set.")
    private String sessionTitle;
    @UriParam(label = "producer,video", defaultValue = "AiVideoMax", enums = "AiVideoMax,AiVideoMin",
              description = "The video model (the API's model parameter on video calls): AiVideoMax (26 credits per second) or AiVideoMin (21). A separate option from model, so that component-level defaults for images and videos do not collide.")
    private String videoModel = "AiVideoMax";
    @UriParam(label = "producer,video",
              description = "Video length in seconds, 4 to 15 (the service makes 5 when unset). The cost is the price per second times this.")
    private Integer duration;
    @UriParam(label = "producer,video", enums = "16:9,9:16,1:1,4:3,3:4,21:9",
              description = "The video aspect ratio (the service uses 16:9 when unset).")
    private String ratio;
    @UriParam(label = "producer,video", enums = "720p,480p",
              description = "The video resolution (the API's resolution parameter on video calls; the service uses 720p when unset).")
    private String videoResolution;
    @UriParam(label = "producer,video",
              description = "Generate a sound track too.")
    private Boolean generateAudio;
    @UriParam(label = "producer,video",
              description = "An image URL to start the video from (image-to-video).")
    private String firstFrameUrl;
    @UriParam(label = "producer,video",
              description = "Reference image URLs, comma-separated, at most 9.")
    private String referenceImageUrls;
    @UriParam(label = "producer,video",
              description = "Reference video URLs, comma-separated, at most 3.")
    private String referenceVideoUrls;
    @UriParam(label = "producer,video",
              description = "A reference audio URL for style and rhythm.")
    private String referenceAudioUrl;
    @UriParam(label = "producer", defaultValue = "auto", enums = "auto,image,video",
              description = "What neospark:status reads: an image message, a video task, or auto (ids starting with video_ are video tasks, others image messages).")
    private String taskType = "auto";
    @UriParam(label = "producer,listing",
              description = "Listings (sessions, user-images, billing-history): how many entries, 1 to 100 (the service returns 20 when unset).")
    private Integer limit;
    @UriParam(label = "producer,listing",
              description = "Listings: how many entries to skip.")
    private Integer offset;
    @UriParam(label = "producer,listing",
              description = "billing-history: only transactions of this type (e.g. consume, refund).")
    private String type;

    /** The endpoint's operation as the URI spells it ({@link NeoSparkOperation#uriName()}). */
    @Override
    public void validate(String provider, String operation) {
        validate(provider, NeoSparkOperation.fromUri(operation));
    }

    /** Checks the options that apply to {@code operation}, naming option, value and what is allowed. */
    public void validate(String provider, NeoSparkOperation operation) {
        validate(provider);
        NeoSparkRules.check(this, SparkChecks.of(provider), operation);
    }

    @Override
    public long getPollTimeout() {
        return pollTimeout;
    }

    @Override
    public void setPollTimeout(long pollTimeout) {
        this.pollTimeout = pollTimeout;
    }

    @Override
    public String getBaseUrl() {
        return baseUrl;
    }

    @Override
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getModel() {
        return model;
    }

    @Override
    public String requestModel(String operation) {
        return operation != null && operation.startsWith("video") ? videoModel : model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public String getAspectRatio() {
        return aspectRatio;
    }

    public void setAspectRatio(String aspectRatio) {
        this.aspectRatio = aspectRatio;
    }

    public Integer getNumImages() {
        return numImages;
    }

    public void setNumImages(Integer numImages) {
        this.numImages = numImages;
    }

    public String getNegativePrompt() {
        return negativePrompt;
    }

    public void setNegativePrompt(String negativePrompt) {
        this.negativePrompt = negativePrompt;
    }

    public String getRefUploadId() {
        return refUploadId;
    }

    public void setRefUploadId(String refUploadId) {
        this.refUploadId = refUploadId;
    }

    public String getRefUploadIds() {
        return refUploadIds;
    }

    public void setRefUploadIds(String refUploadIds) {
        this.refUploadIds = refUploadIds;
    }

    /** The same from a list (a header may carry one). */
    public void setRefUploadIds(List<String> refUploadIds) {
        this.refUploadIds = refUploadIds == null ? null : String.join(",", refUploadIds);
    }

    public String getRefImagePaths() {
        return refImagePaths;
    }

    public void setRefImagePaths(String refImagePaths) {
        this.refImagePaths = refImagePaths;
    }

    /** The same from a list (a header may carry one). */
    public void setRefImagePaths(List<String> refImagePaths) {
        this.refImagePaths = refImagePaths == null ? null : String.join(",", refImagePaths);
    }

    public Double getStrength() {
        return strength;
    }

    public void setStrength(Double strength) {
        this.strength = strength;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getQuality() {
        return quality;
    }

    public void setQuality(String quality) {
        this.quality = quality;
    }

    public Boolean getOptimizePrompt() {
        return optimizePrompt;
    }

    public void setOptimizePrompt(Boolean optimizePrompt) {
        this.optimizePrompt = optimizePrompt;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getSessionTitle() {
        return sessionTitle;
    }

    public void setSessionTitle(String sessionTitle) {
        this.sessionTitle = sessionTitle;
    }

    public String getVideoModel() {
        return videoModel;
    }

    public void setVideoModel(String videoModel) {
        this.videoModel = videoModel;
    }

    public Integer getDuration() {
        return duration;
    }

    public void setDuration(Integer duration) {
        this.duration = duration;
    }

    public String getRatio() {
        return ratio;
    }

    public void setRatio(String ratio) {
        this.ratio = ratio;
    }

    public String getVideoResolution() {
        return videoResolution;
    }

    public void setVideoResolution(String videoResolution) {
        this.videoResolution = videoResolution;
    }

    public Boolean getGenerateAudio() {
        return generateAudio;
    }

    public void setGenerateAudio(Boolean generateAudio) {
        this.generateAudio = generateAudio;
    }

    public String getFirstFrameUrl() {
        return firstFrameUrl;
    }

    public void setFirstFrameUrl(String firstFrameUrl) {
        this.firstFrameUrl = firstFrameUrl;
    }

    public String getReferenceImageUrls() {
        return referenceImageUrls;
    }

    public void setReferenceImageUrls(String referenceImageUrls) {
        this.referenceImageUrls = referenceImageUrls;
    }

    /** The same from a list (a header may carry one). */
    public void setReferenceImageUrls(List<String> referenceImageUrls) {
        this.referenceImageUrls = referenceImageUrls == null ? null : String.join(",", referenceImageUrls);
    }

    public String getReferenceVideoUrls() {
        return referenceVideoUrls;
    }

    public void setReferenceVideoUrls(String referenceVideoUrls) {
        this.referenceVideoUrls = referenceVideoUrls;
    }

    /** The same from a list (a header may carry one). */
    public void setReferenceVideoUrls(List<String> referenceVideoUrls) {
        this.referenceVideoUrls = referenceVideoUrls == null ? null : String.join(",", referenceVideoUrls);
    }

    public String getReferenceAudioUrl() {
        return referenceAudioUrl;
    }

    public void setReferenceAudioUrl(String referenceAudioUrl) {
        this.referenceAudioUrl = referenceAudioUrl;
    }

    public String getTaskType() {
        return taskType;
    }

    public void setTaskType(String taskType) {
        this.taskType = taskType;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public Integer getOffset() {
        return offset;
    }

    public void setOffset(Integer offset) {
        this.offset = offset;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
