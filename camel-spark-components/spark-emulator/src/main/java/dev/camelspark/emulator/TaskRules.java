package dev.camelspark.emulator;

import java.util.Optional;

/**
 * The task rules of one emulator, shared by the providers that have tasks. Rules are tried in the order they were
 * added when a task is created; the first that matches decides how the task ends and uses up one of its
 * {@code times}. Tasks no rule matches complete after the provider's configured durations.
 */
public final class TaskRules extends RuleBook<TaskRule> {

    public TaskRules() {
        super("task-rule-", TaskRule.class);
    }

    /** The rule for a task being created, using it up; empty when the task should simply complete. */
    public Optional<TaskRule> take(Provider provider, String prompt) {
        return take(r -> r.matches(provider, prompt));
    }
}
