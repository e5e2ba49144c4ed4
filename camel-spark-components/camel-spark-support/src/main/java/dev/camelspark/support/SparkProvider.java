package dev.camelspark.support;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The facts about one provider, declared once by its component ({@code XxxComponent.PROVIDER}) and read by whoever
 * needs them: the component (its scheme, where the key comes from), its producers (which options a header may
 * override) and applications such as the batch application (which operations generate, which of those are paid tasks,
 * how its cost is counted). So adding an operation or an overridable option is one edit.
 *
 * @param scheme             the URI scheme, also the name in messages, thread names and logs
 * @param apiKeyVariable     the environment variable that holds the key when none is configured
 * @param keyRequired        whether the API refuses calls without a key (a route without one fails to start)
 * @param headerPrefix       the prefix of the per-message override headers ({@code CamelDynaSpark} + {@code TopP})
 * @param overridableOptions the options a header may override for one message, in the order they are applied;
 *                           never the key, the base URL or the limits, since headers may come from outside
 * @param generations        the operations that generate something (not listings, status reads or cancels)
 * @param tasks              those of the generations that are paid tasks, created then polled and recorded
 * @param costUnit           what header {@code CamelSparkCost} counts ({@code USD}, {@code credits})
 */
public record SparkProvider(String scheme, String apiKeyVariable, boolean keyRequired, String headerPrefix,
                            List<String> overridableOptions, Set<String> generations, Set<String> tasks,
                            String costUnit) {

    public SparkProvider {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(apiKeyVariable, "apiKeyVariable");
        Objects.requireNonNull(headerPrefix, "headerPrefix");
        overridableOptions = List.copyOf(overridableOptions);
        generations = Collections.unmodifiableSet(new LinkedHashSet<>(generations));
        tasks = Collections.unmodifiableSet(new LinkedHashSet<>(tasks));
        if (!generations.containsAll(tasks)) {
            throw new IllegalArgumentException(scheme + ": tasks " + tasks + " must be among the generations " + generations);
        }
        Objects.requireNonNull(costUnit, "costUnit");
    }

    /** Starts the declaration of provider {@code scheme}. */
    public static Builder of(String scheme) {
        return new Builder(scheme);
    }

    /** Whether some of its generations are paid tasks (a task store, a {@code tasks} consumer). */
    public boolean isAsynchronous() {
        return !tasks.isEmpty();
    }

    /** The header that overrides {@code option} for one message: {@code headerPrefix} + {@code Option}. */
    public String overrideHeader(String option) {
        return SparkHeaderOverrides.headerName(headerPrefix, option);
    }

    /** The per-message overrides of {@link #overridableOptions()}. */
    public SparkHeaderOverrides overrides() {
        return SparkHeaderOverrides.of(scheme, headerPrefix, overridableOptions.toArray(String[]::new));
    }

    /** Declares a provider step by step; {@link #build()} checks what was given. */
    public static final class Builder {

        private final String scheme;
        private String apiKeyVariable;
        private boolean keyRequired;
        private String headerPrefix;
        private List<String> overridable = List.of();
        private Set<String> generations = Set.of();
        private Set<String> tasks = Set.of();
        private String costUnit = "USD";

        private Builder(String scheme) {
            this.scheme = scheme;
        }

        /** The key's environment variable; the API takes calls without a key unless {@link #keyRequired()}. */
        public Builder apiKeyVariable(String variable) {
            this.apiKeyVariable = variable;
            return this;
        }

        public Builder keyRequired() {
            this.keyRequired = true;
            return this;
        }

        public Builder headerPrefix(String prefix) {
            this.headerPrefix = prefix;
            return this;
        }

        public Builder overridable(String... options) {
            this.overridable = List.of(options);
            return this;
        }

        public Builder generations(String... operations) {
            this.generations = new LinkedHashSet<>(Arrays.asList(operations));
            return this;
        }

        public Builder tasks(String... operations) {
            this.tasks = new LinkedHashSet<>(Arrays.asList(operations));
            return this;
        }

        public Builder costUnit(String unit) {
            this.costUnit = unit;
            return this;
        }

        public SparkProvider build() {
            return new SparkProvider(scheme, apiKeyVariable, keyRequired, headerPrefix, overridable, generations, tasks,
                    costUnit);
        }
    }
}
