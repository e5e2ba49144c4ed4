package dev.camelspark.emulator;

import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.camelspark.emulator.core.Settings;
import dev.camelspark.emulator.core.TaskPlan;

/**
 * How the next generation tasks end, for providers whose generation is a task that is created and then polled
 * (Spark Dream, NeoSpark). By default a task completes after the provider's configured durations; a rule makes
 * matching tasks fail with a given code, get stuck (never finish), or finish after another time. Build with
 * {@link #fail}, {@link #stuck} or {@link #complete}, then narrow it: {@code TaskRule.fail("003019095", "Internal
 * generation error").on(Provider.SPARKDREAM).whenPromptContains("storm").times(1)}. The same fields are the JSON
 * accepted by {@code POST /_emulator/task-rules}.
 *
 * <p>A rule is looked up when a task is created and decides its whole life; it is copied when added to
 * {@link TaskRules}, so changing it afterwards has no effect.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// times (from Rule) in its place among the fields, as the control API has always listed them
@JsonPropertyOrder({"outcome", "provider", "promptContains", "times", "code", "message", "afterMillis"})
public final class TaskRule extends Rule<TaskRule> {

    /** How a matching task ends. */
    public enum Outcome {
        /** Completes normally (after {@code afterMillis} when given). */
        @JsonProperty("complete") COMPLETE,
        /** Fails with {@code code} and {@code message}. */
        @JsonProperty("fail") FAIL,
        /** Stays in its last running status for ever (until cancelled, where the API can cancel). */
        @JsonProperty("stuck") STUCK
    }

    @JsonProperty
    private Outcome outcome = Outcome.COMPLETE;
    @JsonProperty
    private Provider provider;
    @JsonProperty
    private String promptContains;
    @JsonProperty
    private String code;
    @JsonProperty
    private String message;
    @JsonProperty
    private Long afterMillis;

    public TaskRule() {
    }

    private TaskRule(Outcome outcome) {
        this.outcome = outcome;
    }

    TaskRule(TaskRule other) {
        super(other);
        this.outcome = other.outcome;
        this.provider = other.provider;
        this.promptContains = other.promptContains;
        this.code = other.code;
        this.message = other.message;
        this.afterMillis = other.afterMillis;
    }

    /** Matching tasks fail with this provider error code and message. */
    public static TaskRule fail(String code, String message) {
        TaskRule r = new TaskRule(Outcome.FAIL);
        r.code = code;
        r.message = message;
        return r;
    }

    /** Matching tasks never finish. */
    public static TaskRule stuck() {
        return new TaskRule(Outcome.STUCK);
    }

    /** Matching tasks complete; with {@link #after(Duration)}, after that time instead of the configured one. */
    public static TaskRule complete() {
        return new TaskRule(Outcome.COMPLETE);
    }

    /** Only tasks of this provider (default: any). */
    public TaskRule on(Provider provider) {
        this.provider = provider;
        return this;
    }

    /** Only tasks whose prompt contains this text, compared ignoring case (default: any prompt). */
    public TaskRule whenPromptContains(String text) {
        this.promptContains = text;
        return this;
    }

    /**
     * The time from creation to the outcome (completion, failure, or the start of being stuck), on the emulator clock,
     * instead of the provider's configured durations; shared among the running statuses in the same proportions.
     */
    public TaskRule after(Duration time) {
        this.afterMillis = Settings.nonNegative(time, "after").toMillis();
        return this;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Provider provider() {
        return provider;
    }

    public String promptContains() {
        return promptContains;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** Null means the provider's configured durations. */
    public Duration after() {
        return afterMillis == null ? null : Duration.ofMillis(afterMillis);
    }

    @Override
    TaskRule copy() {
        return new TaskRule(this);
    }

    @Override
    void validate() {
        if (outcome == null) {
            throw new IllegalArgumentException("task rule outcome is required: complete, fail or stuck");
        }
        checkTimes();
        if (afterMillis != null && afterMillis < 0) {
            throw new IllegalArgumentException("afterMillis must be zero or positive, got " + afterMillis);
        }
    }

    /** How the tasks this rule decides end, as the providers' task plans take it. */
    TaskPlan.Outcome toOutcome() {
        return switch (outcome) {
            case COMPLETE -> new TaskPlan.Outcome(TaskPlan.Ending.COMPLETED, after(), null, null);
            case FAIL -> new TaskPlan.Outcome(TaskPlan.Ending.FAILED, after(), code, message);
            case STUCK -> new TaskPlan.Outcome(TaskPlan.Ending.STUCK, after(), null, null);
        };
    }

    boolean matches(Provider p, String prompt) {
        if (provider != null && provider != p) {
            return false;
        }
        return promptContains == null
                || prompt != null && prompt.toLowerCase(Locale.ROOT).contains(promptContains.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return outcome.name().toLowerCase(Locale.ROOT) + " task rule"
                + (provider != null ? " on " + provider.id() : "")
                + (promptContains != null ? " for prompts containing '" + promptContains + "'" : "")
                + (code != null ? " code " + code : "")
                + timesSuffix();
    }
}
