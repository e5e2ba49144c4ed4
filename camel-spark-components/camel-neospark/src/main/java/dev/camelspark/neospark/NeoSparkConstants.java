package dev.camelspark.neospark;

import dev.camelspark.support.SparkConstants;
import org.apache.camel.spi.Metadata;

/**
 * Headers of the {@code neospark:} component. The shared {@code CamelSpark*} result headers are inherited; the
 * {@code CamelNeoSpark<Option>} headers override the endpoint option of the same name for one message (generation
 * parameters only: never the key, the base URL or the limits, since headers may come from outside).
 */
public final class NeoSparkConstants extends SparkConstants {

    public static final String HEADER_PREFIX = "CamelNeoSpark";

    /** The options that a {@code CamelNeoSpark<Option>} header may override. */
    @Metadata(description = "The drawing session: overrides option sessionId on the way in; on the way out, the session an image was generated in.",
              javaType = "String")
    public static final String SESSION_ID = "CamelNeoSparkSessionId";
    @Metadata(description = "The id of an image generation (NeoSpark's message_id; also in CamelSparkTaskId).", javaType = "String")
    public static final String MESSAGE_ID = "CamelNeoSparkMessageId";
    @Metadata(description = "What the service estimated a task to cost, in credits, when it was created.", javaType = "java.math.BigDecimal")
    public static final String ESTIMATED_COST = "CamelNeoSparkEstimatedCost";
    @Metadata(description = "Every media URL of a finished task, absolute (several images when numImages > 1).",
              javaType = "java.util.List<String>")
    public static final String MEDIA_URLS = "CamelNeoSparkMediaUrls";
    @Metadata(description = "upload: the uploaded image's URL, absolute.", javaType = "String")
    public static final String UPLOAD_URL = "CamelNeoSparkUploadUrl";
    @Metadata(description = "Listings: how many entries there are in all (user-images, billing-history).", javaType = "Integer")
    public static final String TOTAL = "CamelNeoSparkTotal";
    @Metadata(description = "video-cancel: whether this call cancelled the task (false when it had already ended).", javaType = "Boolean")
    public static final String CANCELLED = "CamelNeoSparkCancelled";

    @Metadata(description = "Overrides option model.", javaType = "String",
              enums = "gemini-3-pro-image-preview,gemini-3.1-flash-image-preview,gemini-2.5-flash-image,gpt-image-2")
    public static final String OVERRIDE_MODEL = "CamelNeoSparkModel";
    @Metadata(description = "Overrides option resolution.", javaType = "String", enums = "512,1K,2K,3K,4K")
    public static final String OVERRIDE_RESOLUTION = "CamelNeoSparkResolution";
    @Metadata(description = "Overrides option aspectRatio.", javaType = "String",
              enums = "1:1,16:9,9:16,4:3,3:4,3:2,2:3,21:9")
    public static final String OVERRIDE_ASPECT_RATIO = "CamelNeoSparkAspectRatio";
    @Metadata(description = "Overrides option numImages (1-4).", javaType = "Integer")
    public static final String OVERRIDE_NUM_IMAGES = "CamelNeoSparkNumImages";
    @Metadata(description = "Overrides option negativePrompt.", javaType = "String")
    public static final String OVERRIDE_NEGATIVE_PROMPT = "CamelNeoSparkNegativePrompt";
    @Metadata(description = "Overrides option refUploadId.", javaType = "String")
    public static final String OVERRIDE_REF_UPLOAD_ID = "CamelNeoSparkRefUploadId";
    @Metadata(description = "Overrides option refUploadIds (comma-separated, or a List).", javaType = "String")
    public static final String OVERRIDE_REF_UPLOAD_IDS = "CamelNeoSparkRefUploadIds";
    @Metadata(description = "Overrides option refImagePaths (comma-separated, or a List).", javaType = "String")
    public static final String OVERRIDE_REF_IMAGE_PATHS = "CamelNeoSparkRefImagePaths";
    @Metadata(description = "Overrides option strength (0.0-1.0).", javaType = "Double")
    public static final String OVERRIDE_STRENGTH = "CamelNeoSparkStrength";
    @Metadata(description = "Overrides option provider.", javaType = "String", enums = "gemini,openai,tengda")
    public static final String OVERRIDE_PROVIDER = "CamelNeoSparkProvider";
    @Metadata(description = "Overrides option quality (gpt-image-2 only).", javaType = "String", enums = "standard,high")
    public static final String OVERRIDE_QUALITY = "CamelNeoSparkQuality";
    @Metadata(description = "Overrides option optimizePrompt.", javaType = "Boolean")
    public static final String OVERRIDE_OPTIMIZE_PROMPT = "CamelNeoSparkOptimizePrompt";
    @Metadata(description = "Overrides option sessionTitle.", javaType = "String")
    public static final String OVERRIDE_SESSION_TITLE = "CamelNeoSparkSessionTitle";
    @Metadata(description = "Overrides option videoModel.", javaType = "String", enums = "AiVideoMax,AiVideoMin")
    public static final String OVERRIDE_VIDEO_MODEL = "CamelNeoSparkVideoModel";
    @Metadata(description = "Overrides option duration (4-15 seconds).", javaType = "Integer")
    public static final String OVERRIDE_DURATION = "CamelNeoSparkDuration";
    @Metadata(description = "Overrides option ratio.", javaType = "String", enums = "16:9,9:16,1:1,4:3,3:4,21:9")
    public static final String OVERRIDE_RATIO = "CamelNeoSparkRatio";
    @Metadata(description = "Overrides option videoResolution.", javaType = "String", enums = "720p,480p")
    public static final String OVERRIDE_VIDEO_RESOLUTION = "CamelNeoSparkVideoResolution";
    @Metadata(description = "Overrides option generateAudio.", javaType = "Boolean")
    public static final String OVERRIDE_GENERATE_AUDIO = "CamelNeoSparkGenerateAudio";
    @Metadata(description = "Overrides option firstFrameUrl.", javaType = "String")
    public static final String OVERRIDE_FIRST_FRAME_URL = "CamelNeoSparkFirstFrameUrl";
    @Metadata(description = "Overrides option referenceImageUrls (comma-separated, or a List).", javaType = "String")
    public static final String OVERRIDE_REFERENCE_IMAGE_URLS = "CamelNeoSparkReferenceImageUrls";
    @Metadata(description = "Overrides option referenceVideoUrls (comma-separated, or a List).", javaType = "String")
    public static final String OVERRIDE_REFERENCE_VIDEO_URLS = "CamelNeoSparkReferenceVideoUrls";
    @Metadata(description = "Overrides option referenceAudioUrl.", javaType = "String")
    public static final String OVERRIDE_REFERENCE_AUDIO_URL = "CamelNeoSparkReferenceAudioUrl";
    @Metadata(description = "Overrides option taskType.", javaType = "String", enums = "auto,image,video")
    public static final String OVERRIDE_TASK_TYPE = "CamelNeoSparkTaskType";
    @Metadata(description = "Overrides option limit (1-100).", javaType = "Integer")
    public static final String OVERRIDE_LIMIT = "CamelNeoSparkLimit";
    @Metadata(description = "Overrides option offset.", javaType = "Integer")
    public static final String OVERRIDE_OFFSET = "CamelNeoSparkOffset";
    @Metadata(description = "Overrides option type.", javaType = "String")
    public static final String OVERRIDE_TYPE = "CamelNeoSparkType";

    private NeoSparkConstants() {
    }
}
