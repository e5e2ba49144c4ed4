package dev.camelspark.support;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Message;

/**
 * Which options mean something for which operation of a component. The rule, the same for all five: an option set on
 * an endpoint that does nothing for its operation fails when the route starts, naming the option and the one to use
 * ({@code neospark: option 'resolution' does nothing for operation 'video'; use 'videoResolution'}); a header that
 * overrides such an option fails the message the same way, before any call. Component-level values
 * ({@code camel.component.neospark.resolution=2K}) are defaults for every endpoint and are never refused. An option
 * not listed here applies to every operation (the key, the base URL, timeouts, retries, limits).
 *
 * <p>A header that the component itself also sets on its results ({@code CamelNeoSparkSessionId}) may come from an
 * earlier step of the route: where its option does nothing it is left alone, not refused.
 */
public final class SparkOperationOptions {

    /** Options of media results: what a producer or consumer does with the generated file. */
    public static final List<String> MEDIA = List.of("download", "downloadDirectory", "maxDownloadSize",
            "downloadTimeout", "allowedDownloadHosts");
    /** How a submitted task is polled and recorded. */
    public static final List<String> TASK_POLLING = List.of("pollInterval", "maxPollInterval", "pollTimeout",
            "taskStore", "taskStoreDirectory");
    /** What a submission records with its task for whoever hands it out. */
    public static final List<String> TASK_SUBMISSION = List.of("correlationHeaders");
    /** Camel's scheduled-poll options (ScheduledPollEndpoint): only a polling consumer uses them. */
    public static final List<String> SCHEDULED_POLL = List.of("startScheduler", "initialDelay", "delay", "timeUnit",
            "useFixedDelay", "pollStrategy", "runLoggingLevel", "sendEmptyMessageWhenIdle", "greedy", "scheduler",
            "schedulerProperties", "scheduledExecutorService", "backoffMultiplier", "backoffIdleThreshold",
            "backoffErrorThreshold", "repeatCount");
    /** A component without operation-specific options (none is refused). */
    public static final SparkOperationOptions NONE = new SparkOperationOptions("spark", Map.of(), Map.of(), Set.of());

    private static final String SCHEDULER_PROPERTY_PREFIX = "scheduler.";
    private static final String ADDITIONAL_BODY_PROPERTY_PREFIX = "additionalbodyproperty.";

    private final String provider;
    /** Lower-case option name → the option as declared and the operations it applies to. */
    private final Map<String, Scope> scopes;
    /** Lower-case option name → per operation, the option to use instead. */
    private final Map<String, Map<String, String>> instead;
    /** Lower-case option names whose header is also a result header. */
    private final Set<String> alsoResults;

    private record Scope(String option, Set<String> operations) {
    }

    private SparkOperationOptions(String provider, Map<String, Scope> scopes, Map<String, Map<String, String>> instead,
                                  Set<String> alsoResults) {
        this.provider = provider;
        this.scopes = scopes;
        this.instead = instead;
        this.alsoResults = alsoResults;
    }

    public static Builder of(String provider) {
        return new Builder(provider);
    }

    /** Whether {@code option} means something for {@code operation} (options not listed apply everywhere). */
    public boolean applies(String operation, String option) {
        Scope scope = scopes.get(key(option));
        return scope == null || scope.operations().contains(operation);
    }

    /**
     * Refuses, when the endpoint is created, URI options that do nothing for its operation.
     *
     * @param operation the operation as the URI names it ({@code video}, {@code image-submit})
     * @param options   the names of the options set on the endpoint
     */
    public void checkEndpoint(String operation, Collection<String> options) {
        for (String option : options) {
            if (!applies(operation, option)) {
                String use = insteadOf(operation, option);
                throw new SparkValidationException(provider, 0, null, "option '" + declared(option) + "' does nothing"
                        + " for operation '" + operation + "'; " + (use != null ? "use '" + use + "'" : where(option)));
            }
        }
    }

    /**
     * Refuses, before any call, a header that overrides an option doing nothing for {@code operation}.
     *
     * @param optionByHeader the component's override headers, each with the option it overrides
     */
    public void checkHeaders(String operation, Message message, Map<String, String> optionByHeader) {
        for (Map.Entry<String, String> e : optionByHeader.entrySet()) {
            String option = e.getValue();
            // the header first: most calls carry none of them, and applies() lower-cases the option name
            if (message.getHeader(e.getKey()) != null && !applies(operation, option)
                && !alsoResults.contains(key(option))) {
                String use = insteadOf(operation, option);
                String useHeader = use == null ? null : optionByHeader.entrySet().stream()
                        .filter(h -> h.getValue().equalsIgnoreCase(use)).map(Map.Entry::getKey).findFirst().orElse(null);
                throw new SparkValidationException(provider, 0, null, "header " + e.getKey() + " (option '"
                        + declared(option) + "') does nothing for operation '" + operation + "'; "
                        + (useHeader != null ? "use header " + useHeader : use != null ? "use option '" + use + "'"
                        : where(option)));
            }
        }
    }

    private String insteadOf(String operation, String option) {
        return instead.getOrDefault(key(option), Map.of()).get(operation);
    }

    /** Where the option does something, in words. */
    private String where(String option) {
        Set<String> operations = scopes.get(key(option)).operations();
        return operations.isEmpty() ? "no " + provider + " operation uses it"
                : "it applies to " + provider + ":" + String.join(", " + provider + ":", operations);
    }

    private String declared(String option) {
        Scope scope = scopes.get(key(option));
        return scope == null ? option : scope.option();
    }

    /**
     * URI options are bound ignoring case; {@code scheduler.*} are the scheduler's properties and
     * {@code additionalBodyProperty.*} the entries of that one option.
     */
    private static String key(String option) {
        String lower = option.toLowerCase(Locale.ROOT);
        if (lower.startsWith(ADDITIONAL_BODY_PROPERTY_PREFIX)) {
            return "additionalbodyproperty";
        }
        return lower.startsWith(SCHEDULER_PROPERTY_PREFIX) ? "schedulerproperties" : lower;
    }

    /** Declares the scopes of a component's options. */
    public static final class Builder {
        private final String provider;
        private final Map<String, Scope> scopes = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> instead = new LinkedHashMap<>();
        private final Set<String> alsoResults = new LinkedHashSet<>();

        private Builder(String provider) {
            this.provider = provider;
        }

        /** These options apply to these operations only (as URIs name them); adds to earlier declarations. */
        public Builder only(Collection<String> operations, Collection<String> options) {
            for (String option : options) {
                scopes.merge(key(option), new Scope(option, new LinkedHashSet<>(operations)), (a, b) -> {
                    a.operations().addAll(b.operations());
                    return a;
                });
            }
            return this;
        }

        /** These options apply to no operation of this component (e.g. consumer options where there is no consumer). */
        public Builder nowhere(Collection<String> options) {
            return only(List.of(), options);
        }

        /** On {@code operations}, {@code option} does nothing and {@code use} is the one meaning it. */
        public Builder instead(String option, Collection<String> operations, String use) {
            Map<String, String> byOperation = instead.computeIfAbsent(key(option), k -> new LinkedHashMap<>());
            operations.forEach(op -> byOperation.put(op, use));
            return this;
        }

        /** Options whose override header the component also sets on its results. */
        public Builder alsoResults(String... options) {
            for (String option : options) {
                alsoResults.add(key(option));
            }
            return this;
        }

        public SparkOperationOptions build() {
            Map<String, Scope> frozen = new LinkedHashMap<>();
            // in declaration order, so messages list the operations as the component does
            scopes.forEach((k, v) -> frozen.put(k, new Scope(v.option(),
                    Collections.unmodifiableSet(new LinkedHashSet<>(v.operations())))));
            Map<String, Map<String, String>> insteadFrozen = new LinkedHashMap<>();
            instead.forEach((k, v) -> insteadFrozen.put(k, Map.copyOf(v)));
            return new SparkOperationOptions(provider, Map.copyOf(frozen), Map.copyOf(insteadFrozen),
                    Set.copyOf(alsoResults));
        }
    }
}
