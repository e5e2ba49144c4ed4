package dev.camelspark.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.camelspark.emulator.control.RuleList;

/**
 * An ordered list of rules that are used up: what {@link Faults}, {@link TaskRules} and {@link Stubs} share. Rules are
 * tried in the order they were added; the first that matches wins and uses up one of its {@code times} (null: until
 * removed). Rules are copied in and out, so changing one after adding it, or a listed one, has no effect.
 *
 * @param <R> the rule type
 */
public abstract class RuleBook<R extends Rule<R>> implements RuleList<R> {

    /** A rule as stored: its id and how many uses are left (null: until removed). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class Active<R> {
        @JsonProperty
        private final String id;
        @JsonUnwrapped
        private final R rule;
        @JsonProperty
        private Integer remaining;
        @JsonProperty
        private long used;

        Active(String id, R rule, Integer remaining) {
            this.id = id;
            this.rule = rule;
            this.remaining = remaining;
        }

        public String id() {
            return id;
        }

        public R rule() {
            return rule;
        }

        public Integer remaining() {
            return remaining;
        }

        public long used() {
            return used;
        }
    }

    private final String idPrefix;
    private final Class<R> type;
    private final List<Active<R>> rules = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** @param idPrefix what ids start with, e.g. {@code fault-} */
    RuleBook(String idPrefix, Class<R> type) {
        this.idPrefix = idPrefix;
        this.type = type;
    }

    @Override
    public Class<R> ruleType() {
        return type;
    }

    /** Adds a checked copy of the rule at the end of the list; returns its id, for {@link #remove(String)}. */
    @Override
    public String add(R rule) {
        R copy = rule.copy();
        copy.validate();
        check(copy);
        String id = idPrefix + ids.incrementAndGet();
        synchronized (rules) {
            rules.add(new Active<>(id, copy, copy.times()));
        }
        return id;
    }

    /** What this list checks beyond the rule itself (a stub's operation, against the providers'). */
    void check(R rule) {
    }

    @Override
    public boolean remove(String id) {
        synchronized (rules) {
            return rules.removeIf(a -> a.id.equals(id));
        }
    }

    @Override
    public void clear() {
        synchronized (rules) {
            rules.clear();
        }
    }

    /** A snapshot of the rules still active. */
    @Override
    public List<Active<R>> list() {
        synchronized (rules) {
            List<Active<R>> out = new ArrayList<>();
            for (Active<R> a : rules) {
                Active<R> c = new Active<>(a.id, a.rule.copy(), a.remaining);
                c.used = a.used;
                out.add(c);
            }
            return out;
        }
    }

    /** The first rule that matches, using it up. */
    Optional<R> take(Predicate<R> matches) {
        synchronized (rules) {
            for (Iterator<Active<R>> it = rules.iterator(); it.hasNext();) {
                Active<R> a = it.next();
                if (!matches.test(a.rule)) {
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
