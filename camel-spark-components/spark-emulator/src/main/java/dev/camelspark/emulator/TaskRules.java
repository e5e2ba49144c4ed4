package dev.camelspark.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The task rules of one emulator, shared by the providers that have tasks. Rules are tried in the order they were
 * added when a task is created; the first that matches decides how the task ends and uses up one of its
 * {@code times}. Tasks no rule matches complete after the provider's configured durations.
 */
public final class TaskRules {

    /** A rule as stored: its id and how many uses are left (null: until removed). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Active {
        @JsonProperty
        private final String id;
        @JsonUnwrapped
        private final TaskRule rule;
        @JsonProperty
        private Integer remaining;
        @JsonProperty
        private long used;

        Active(String id, TaskRule rule) {
            this.id = id;
            this.rule = rule;
            this.remaining = rule.times();
        }

        public String id() {
            return id;
        }

        public TaskRule rule() {
            return rule;
        }

        public Integer remaining() {
            return remaining;
        }

        public long used() {
            return used;
        }
    }

    private final List<Active> rules = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** Adds a copy of the rule at the end of the list; returns its id, for {@link #remove(String)}. */
    public String add(TaskRule rule) {
        TaskRule copy = new TaskRule(rule);
        copy.validate();
        String id = "task-rule-" + ids.incrementAndGet();
        synchronized (rules) {
            rules.add(new Active(id, copy));
        }
        return id;
    }

    public boolean remove(String id) {
        synchronized (rules) {
            return rules.removeIf(a -> a.id.equals(id));
        }
    }

    public void clear() {
        synchronized (rules) {
            rules.clear();
        }
    }

    /** A snapshot of the rules still active. */
    public List<Active> list() {
        synchronized (rules) {
            List<Active> copy = new ArrayList<>();
            for (Active a : rules) {
                Active c = new Active(a.id, new TaskRule(a.rule));
                c.remaining = a.remaining;
                c.used = a.used;
                copy.add(c);
            }
            return copy;
        }
    }

    /** The rule for a task being created, using it up; empty when the task should simply complete. */
    public Optional<TaskRule> take(Provider provider, String prompt) {
        synchronized (rules) {
            for (Iterator<Active> it = rules.iterator(); it.hasNext();) {
                Active a = it.next();
                if (!a.rule.matches(provider, prompt)) {
                    continue;
                }
                a.used++;
                if (a.remaining != null && --a.remaining <= 0) {
                    it.remove();
                }
                return Optional.of(a.rule);
            }
            return Optional.empty();
        }
    }
}
