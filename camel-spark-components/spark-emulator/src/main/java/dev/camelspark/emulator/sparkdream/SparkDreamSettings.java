package dev.camelspark.emulator.sparkdream;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.camelspark.emulator.core.ProviderSettings;

/**
 * Spark Dream switches: how long a task stays {@code pending} and {@code processing} (on the emulator clock), the
 * {@code in_progress} wording, how validation failures and errors are answered, what a task costs and what each
 * key can spend, how long result images stay on the CDN, and whether task objects carry only what the contract
 * promises.
 */
public class SparkDreamSettings extends ProviderSettings {

    /** The three shapes of {@code error} the contract allows. */
    public enum ErrorShape {
        /** {@code {"code", "error_message"}}, as the vendor's page documents it. */
        @JsonProperty("error_message") ERROR_MESSAGE,
        /** {@code {"code", "message"}}. */
        @JsonProperty("message") MESSAGE,
        /** A plain string. */
        @JsonProperty("string") STRING
    }

    @JsonProperty
    private volatile long pendingMillis = 1_000;
    @JsonProperty
    private volatile long processingMillis = 4_000;
    @JsonProperty
    private volatile boolean inProgressStatus;
    @JsonProperty
    private volatile boolean validationAsHttp400;
    @JsonProperty
    private volatile ErrorShape errorShape = ErrorShape.ERROR_MESSAGE;
    @JsonProperty
    private volatile BigDecimal costPerImage = new BigDecimal("0.0300");
    @JsonProperty
    private volatile BigDecimal defaultBalance = new BigDecimal("100.0000");
    @JsonProperty
    private volatile Map<String, BigDecimal> balances = Map.of();
    @JsonProperty
    private volatile long imageTtlSeconds = Duration.ofHours(24).toSeconds();
    @JsonProperty
    private volatile boolean minimalTasks;

    @Override
    public void validate() {
        super.validate();
        if (pendingMillis < 0 || processingMillis < 0 || imageTtlSeconds < 0) {
            throw new IllegalArgumentException("pendingMillis, processingMillis and imageTtlSeconds must be >= 0");
        }
        if (errorShape == null || costPerImage == null || costPerImage.signum() < 0 || defaultBalance == null
                || balances == null) {
            throw new IllegalArgumentException("errorShape, costPerImage (>= 0), defaultBalance and balances must be set");
        }
    }

    /** How long a new task says {@code pending} (1 s). */
    public Duration pending() {
        return Duration.ofMillis(pendingMillis);
    }

    /** How long it then says {@code processing} before it completes (4 s). */
    public Duration processing() {
        return Duration.ofMillis(processingMillis);
    }

    public SparkDreamSettings durations(Duration pending, Duration processing) {
        this.pendingMillis = require(pending, "pending").toMillis();
        this.processingMillis = require(processing, "processing").toMillis();
        return this;
    }

    /** Say {@code in_progress} instead of {@code processing}, as some Vtrix deployments do. */
    public boolean inProgressStatus() {
        return inProgressStatus;
    }

    public SparkDreamSettings inProgressStatus(boolean on) {
        this.inProgressStatus = on;
        return this;
    }

    /**
     * Answer a request that fails validation (codes 003019001-007) with HTTP 400 and the error object, instead of
     * the default 200 with a task already {@code failed}.
     */
    public boolean validationAsHttp400() {
        return validationAsHttp400;
    }

    public SparkDreamSettings validationAsHttp400(boolean on) {
        this.validationAsHttp400 = on;
        return this;
    }

    /** The shape of {@code error} in failed tasks and 400 answers. */
    public ErrorShape errorShape() {
        return errorShape;
    }

    public SparkDreamSettings errorShape(ErrorShape shape) {
        this.errorShape = require(shape, "errorShape");
        return this;
    }

    /** What one image costs, in USD ({@code usage.cost}). */
    public BigDecimal costPerImage() {
        return costPerImage;
    }

    public SparkDreamSettings costPerImage(BigDecimal cost) {
        this.costPerImage = require(cost, "costPerImage");
        return this;
    }

    /** The balance, in USD, of a key that is not in {@link #balances()}. */
    public BigDecimal defaultBalance() {
        return defaultBalance;
    }

    public SparkDreamSettings defaultBalance(BigDecimal balance) {
        this.defaultBalance = require(balance, "defaultBalance");
        return this;
    }

    /** Starting balances of particular keys, in USD; a create the balance does not cover gets 403. */
    public Map<String, BigDecimal> balances() {
        return balances;
    }

    public SparkDreamSettings balance(String key, BigDecimal balance) {
        java.util.HashMap<String, BigDecimal> copy = new java.util.HashMap<>(balances);
        copy.put(require(key, "key"), require(balance, "balance"));
        this.balances = Map.copyOf(copy);
        return this;
    }

    BigDecimal startingBalance(String key) {
        BigDecimal b = balances.get(key);
        return b != null ? b : defaultBalance;
    }

    /** How long a result image stays on the CDN, on the emulator clock (24 hours). */
    public Duration imageTtl() {
        return Duration.ofSeconds(imageTtlSeconds);
    }

    public SparkDreamSettings imageTtl(Duration ttl) {
        this.imageTtlSeconds = require(ttl, "imageTtl").toSeconds();
        return this;
    }

    /**
     * Answer task objects with only what the contract promises: {@code id} and {@code status}, plus {@code error}
     * when failed and {@code output[].content[].url} when completed; no {@code model}, {@code created_at},
     * {@code progress}, {@code usage} or {@code metadata}. For testing clients that must read every other field as
     * optional.
     */
    public boolean minimalTasks() {
        return minimalTasks;
    }

    public SparkDreamSettings minimalTasks(boolean on) {
        this.minimalTasks = on;
        return this;
    }
}
