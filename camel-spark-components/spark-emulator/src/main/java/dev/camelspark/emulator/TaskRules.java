package dev.camelspark.emulator;

import java.util.List;
import java.util.Optional;

/**
 * The task rules of one emulator, shared by the providers that have tasks. Rules are tried in the order they were
 * added when a task is created; the first that matches decides how the task ends and uses up one of its
 * {@code times}. Tasks no rule matches complete after the provider's configured durations.
 */
public final class TaskRules {

    private final RuleBook<TaskRule> rules = new RuleBook<>("task-rule-", TaskRule::new, TaskRule::times);

    /** Adds a copy of the rule at the end of the list; returns its id, for {@link #remove(String)}. */
    public String add(TaskRule rule) {
        TaskRule copy = new TaskRule(rule);
        copy.validate();
        return rules.add(copy);
    }

    public boolean remove(String id) {
        return rules.remove(id);
    }

    public void clear() {
        rules.clear();
    }

    /** A snapshot of the rules still active. */
    public List<RuleBook.Active<TaskRule>> list() {
        return rules.list();
    }

    /** The rule for a task being created, using it up; empty when the task should simply complete. */
    public Optional<TaskRule> take(Provider provider, String prompt) {
        return rules.take(r -> r.matches(provider, prompt));
    }
}
