package dev.camelspark.neospark;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a {@code neospark:} endpoint does; {@link #uriName()} is how the URI spells it. */
public enum NeoSparkOperation {
    /** Generate images and wait for them, without holding a thread: prompt in, image bytes (or URL) out. */
    image("image"),
    /** Generate a video and wait for it, without holding a thread: prompt in, video stream or file (or URL) out. */
    video("video"),
    /** Submit an image task, record it in the task store and return at once: prompt in, message id out. */
    imageSubmit("image-submit"),
    /** Submit a video task, record it in the task store and return at once: prompt in, task id out. */
    videoSubmit("video-submit"),
    /** Read a task (an image message or a video task): id in, {@link NeoSparkTask} out. */
    status("status"),
    /** Cancel a running video task: task id in, {@link NeoSparkTask} out. */
    videoCancel("video-cancel"),
    /** Upload a reference image: file, bytes or stream in, upload id out. */
    upload("upload"),
    /** The image models with their resolutions and prices: {@code Map<String, NeoSparkImageModel>}. */
    models("models"),
    /** The video models, ratios, resolutions and durations: {@code Map<String, Object>}. */
    videoModels("video-models"),
    /** The drawing sessions: {@code List<NeoSparkSession>}. */
    sessions("sessions"),
    /** Uploaded and generated images: {@code List<Map<String, Object>>}. */
    userImages("user-images"),
    /** Credit transactions: {@code List<NeoSparkTransaction>}. */
    billingHistory("billing-history"),
    /** Consumer only: one exchange per finished task of the endpoint's task group. */
    tasks("tasks");

    private final String uriName;

    NeoSparkOperation(String uriName) {
        this.uriName = uriName;
    }

    public String uriName() {
        return uriName;
    }

    /** The operation a URI names, or an error listing the allowed ones. */
    static NeoSparkOperation fromUri(String name) {
        for (NeoSparkOperation op : values()) {
            if (op.uriName.equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("neospark: unknown operation '" + name + "'; allowed: " + allowed());
    }

    static String allowed() {
        return Arrays.stream(values()).map(NeoSparkOperation::uriName).collect(Collectors.joining(", "));
    }

    /** Listings and other reads that cost nothing. */
    boolean isListing() {
        return this == models || this == videoModels || this == sessions || this == userImages
               || this == billingHistory;
    }

    boolean isImage() {
        return this == image || this == imageSubmit;
    }

    boolean isVideo() {
        return this == video || this == videoSubmit;
    }
}
