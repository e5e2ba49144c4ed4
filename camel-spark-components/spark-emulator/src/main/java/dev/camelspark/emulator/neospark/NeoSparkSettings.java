package dev.camelspark.emulator.neospark;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.camelspark.emulator.core.ProviderSettings;

/**
 * NeoSpark switches: how long tasks take on the emulator clock, the starting credits of each key, the size of video
 * files, which reference URLs cannot be fetched, and how task objects are shaped.
 */
public class NeoSparkSettings extends ProviderSettings {

    /** Where a task object says why it failed. */
    public enum ErrorShape {
        /** {@code error_msg} (a string) and {@code error_code}, as the contract says. */
        @JsonProperty("error_msg") ERROR_MSG,
        /** {@code error: {"code", "error_message"}}, as a gateway in front of the service may answer. */
        @JsonProperty("error_message") ERROR_MESSAGE,
        /** {@code error: {"code", "message"}}. */
        @JsonProperty("message") MESSAGE,
        /** {@code error}: a plain string. */
        @JsonProperty("string") STRING
    }

    @JsonProperty
    private volatile long imagePendingMillis = 1_000;
    @JsonProperty
    private volatile long imageGeneratingMillis = 4_000;
    @JsonProperty
    private volatile long videoPendingMillis = 2_000;
    @JsonProperty
    private volatile long videoProcessingMillis = 30_000;
    @JsonProperty
    private volatile long defaultBalance = 10_000;
    @JsonProperty
    private volatile Map<String, Long> balances = Map.of();
    @JsonProperty
    private volatile long videoFileSize;
    @JsonProperty
    private volatile Set<String> unreachableHosts = Set.of();
    @JsonProperty
    private volatile long maxUploadBytes = 10L * 1024 * 1024;
    @JsonProperty
    private volatile boolean minimalTasks;
    @JsonProperty
    private volatile ErrorShape errorShape = ErrorShape.ERROR_MSG;

    @Override
    public void validate() {
        super.validate();
        if (imagePendingMillis < 0 || imageGeneratingMillis < 0 || videoPendingMillis < 0
                || videoProcessingMillis < 0) {
            throw new IllegalArgumentException("task durations must be zero or positive");
        }
        if (defaultBalance < 0 || videoFileSize < 0 || maxUploadBytes <= 0) {
            throw new IllegalArgumentException("defaultBalance and videoFileSize must be >= 0, maxUploadBytes > 0");
        }
        require(balances, "balances");
        require(unreachableHosts, "unreachableHosts");
        require(errorShape, "errorShape");
    }

    /** How long an image waits as {@code pending}, then how long it is {@code generating} (1 s, 4 s). */
    public NeoSparkSettings imageTimes(Duration pending, Duration generating) {
        this.imagePendingMillis = nonNegative(pending, "pending");
        this.imageGeneratingMillis = nonNegative(generating, "generating");
        return this;
    }

    /** How long a video waits as {@code pending}, then how long it is {@code processing} (2 s, 30 s). */
    public NeoSparkSettings videoTimes(Duration pending, Duration processing) {
        this.videoPendingMillis = nonNegative(pending, "pending");
        this.videoProcessingMillis = nonNegative(processing, "processing");
        return this;
    }

    /** Both image and video tasks take these times; {@code Duration.ZERO} twice makes them finish at once. */
    public NeoSparkSettings taskTimes(Duration pending, Duration running) {
        return imageTimes(pending, running).videoTimes(pending, running);
    }

    public Duration imagePending() {
        return Duration.ofMillis(imagePendingMillis);
    }

    public Duration imageGenerating() {
        return Duration.ofMillis(imageGeneratingMillis);
    }

    public Duration videoPending() {
        return Duration.ofMillis(videoPendingMillis);
    }

    public Duration videoProcessing() {
        return Duration.ofMillis(videoProcessingMillis);
    }

    /** Credits of a key not listed in {@link #balances()} (10,000). */
    public long defaultBalance() {
        return defaultBalance;
    }

    public NeoSparkSettings defaultBalance(long credits) {
        this.defaultBalance = Math.max(0, credits);
        return this;
    }

    /** Starting balances of particular keys, in credits; a create the balance does not cover gets 402. */
    public Map<String, Long> balances() {
        return balances;
    }

    public synchronized NeoSparkSettings balance(String key, long credits) {
        Map<String, Long> copy = new HashMap<>(balances);
        copy.put(require(key, "key"), credits);
        this.balances = Map.copyOf(copy);
        return this;
    }

    long startingBalance(String key) {
        return balances.getOrDefault(key, defaultBalance);
    }

    /**
     * When larger than the encoded video, video files are padded to exactly this many bytes (inside their
     * {@code mdat} box, so they stay valid MP4); 0 (the default) leaves them at their natural size of a few hundred
     * KiB. The padding is generated while sending: a large file is never held in memory.
     */
    public long videoFileSize() {
        return videoFileSize;
    }

    public NeoSparkSettings videoFileSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("videoFileSize must be >= 0, got " + bytes);
        }
        this.videoFileSize = bytes;
        return this;
    }

    /**
     * Hosts whose reference URLs (first_frame_url, reference_*_urls, ref_image_paths) "cannot be fetched": a create
     * naming one answers 502. Hosts under the reserved {@code .invalid} domain always count as unreachable. The
     * emulator fetches nothing itself.
     */
    public Set<String> unreachableHosts() {
        return unreachableHosts;
    }

    public NeoSparkSettings unreachableHosts(Set<String> hosts) {
        this.unreachableHosts = lowerAll(hosts);
        return this;
    }

    boolean isUnreachable(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".invalid") || h.equals("invalid") || unreachableHosts.contains(h);
    }

    /** The largest upload accepted (10 MiB); larger files get 400. */
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    public NeoSparkSettings maxUploadBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxUploadBytes must be positive, got " + bytes);
        }
        this.maxUploadBytes = bytes;
        return this;
    }

    /**
     * Answer image and video tasks, and create calls, with only what a client can rely on: the id and status, plus
     * the result URLs once completed and the failure once failed; no prompt, model, progress, costs or times. For
     * testing clients that must read every other field as optional.
     */
    public boolean minimalTasks() {
        return minimalTasks;
    }

    public NeoSparkSettings minimalTasks(boolean on) {
        this.minimalTasks = on;
        return this;
    }

    /** Where failed and cancelled tasks say why: {@code error_msg} (the default) or an {@code error} field. */
    public ErrorShape errorShape() {
        return errorShape;
    }

    public NeoSparkSettings errorShape(ErrorShape shape) {
        this.errorShape = require(shape, "errorShape");
        return this;
    }

    private static long nonNegative(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive, got " + d);
        }
        return d.toMillis();
    }
}
