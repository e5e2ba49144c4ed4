package dev.camelspark.emulator;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What faults, task rules and stubs share: each applies to the next {@code times} calls (or tasks) it matches, or to
 * every one until it is removed, and is copied when added to its list ({@link RuleBook}), so changing it afterwards
 * has no effect.
 *
 * @param <R> the rule type, which the fluent methods return
 */
public abstract class Rule<R extends Rule<R>> {

    @JsonProperty
    private Integer times;

    Rule() {
    }

    Rule(Rule<R> other) {
        this.times = other.times;
    }

    /** Apply to the next {@code count} matching calls (or tasks) only; by default, until removed. */
    public R times(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("times must be positive, got " + count);
        }
        this.times = count;
        return self();
    }

    /** Apply to every matching call (or task) until the rule is removed: the default. */
    public R always() {
        this.times = null;
        return self();
    }

    /** Null means until removed. */
    public Integer times() {
        return times;
    }

    /** Refuses {@code times} of zero or less, as given in JSON (the fluent setter refuses them at once). */
    final void checkTimes() {
        if (times != null && times <= 0) {
            throw new IllegalArgumentException("times must be positive, got " + times);
        }
    }

    /** A copy, which the rule lists keep. */
    abstract R copy();

    /** Refuses a rule that could never do anything sensible, so a typo fails when it is added rather than silently. */
    abstract void validate();

    @SuppressWarnings("unchecked")
    private R self() {
        return (R) this;
    }

    /** {@code " x2"}, or nothing for a rule that applies until removed: the end of the rule's {@code toString()}. */
    final String timesSuffix() {
        return times != null ? " x" + times : "";
    }
}
