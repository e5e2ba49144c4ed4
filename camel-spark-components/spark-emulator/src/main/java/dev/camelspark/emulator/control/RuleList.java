package dev.camelspark.emulator.control;

import java.util.List;

/**
 * A list of rules the control API adds to, lists and removes from ({@code /stubs}, {@code /faults},
 * {@code /task-rules}): each rule is the JSON of {@link #ruleType()}.
 *
 * @param <R> the rule type
 */
public interface RuleList<R> {

    /** What a rule is, to read one from JSON. */
    Class<R> ruleType();

    /** Adds a checked copy of the rule; returns its id. */
    String add(R rule);

    /** False when there is no rule with this id. */
    boolean remove(String id);

    void clear();

    /** The rules still active, as JSON will show them. */
    List<?> list();
}
