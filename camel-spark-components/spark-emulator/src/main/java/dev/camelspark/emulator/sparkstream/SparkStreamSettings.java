package dev.camelspark.emulator.sparkstream;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.camelspark.emulator.core.ProviderSettings;

/**
 * SparkAI Stream switches: the models and their max tokens, the plans (requests and tokens per minute), which plan a
 * key is on (the default plan otherwise).
 */
public class SparkStreamSettings extends ProviderSettings {

    @JsonProperty
    private volatile Map<String, Integer> models = sorted(Map.of("spark-1", 4096, "spark-turbo", 4096, "spark-pro", 8192));
    @JsonProperty
    private volatile Map<String, Plan> plans = sorted(Map.of("starter", Plan.STARTER, "pro", Plan.PRO));
    @JsonProperty
    private volatile String defaultPlan = "starter";
    @JsonProperty
    private volatile Map<String, String> keyPlans = Map.of();

    @Override
    public void validate() {
        super.validate();
        require(models, "models").forEach((name, max) -> positive(require(max, name), "max tokens of " + name));
        require(plans, "plans");
        knownPlan(defaultPlan);
        require(keyPlans, "keyPlans").values().forEach(this::knownPlan);
    }

    /** Model name to max tokens. */
    public Map<String, Integer> models() {
        return models;
    }

    public synchronized SparkStreamSettings model(String name, int maxTokens) {
        Map<String, Integer> copy = new TreeMap<>(models);
        copy.put(require(name, "name"), positive(maxTokens, "maxTokens"));
        this.models = Collections.unmodifiableMap(copy);
        return this;
    }

    public Map<String, Plan> plans() {
        return plans;
    }

    /** Adds or changes a plan, e.g. {@code plan("starter", new Plan(2, 100))} to hit limits quickly in a test. */
    public synchronized SparkStreamSettings plan(String name, Plan plan) {
        Map<String, Plan> copy = new TreeMap<>(plans);
        copy.put(lower(require(name, "name")), require(plan, "plan"));
        this.plans = Collections.unmodifiableMap(copy);
        return this;
    }

    public String defaultPlan() {
        return defaultPlan;
    }

    /** The plan of keys without one of their own. */
    public SparkStreamSettings defaultPlan(String name) {
        this.defaultPlan = knownPlan(name);
        return this;
    }

    public Map<String, String> keyPlans() {
        return keyPlans;
    }

    /** Puts a key on a plan. */
    public synchronized SparkStreamSettings keyPlan(String key, String planName) {
        Map<String, String> copy = new HashMap<>(keyPlans);
        copy.put(require(key, "key"), knownPlan(planName));
        this.keyPlans = Map.copyOf(copy);
        return this;
    }

    /** The limits that apply to a key. */
    public Plan planOf(String key) {
        Map<String, Plan> p = plans;
        Plan plan = p.get(lower(keyPlans.getOrDefault(key, defaultPlan)));
        return plan != null ? plan : p.getOrDefault(lower(defaultPlan), Plan.STARTER);
    }

    private String knownPlan(String name) {
        String n = lower(require(name, "plan"));
        if (!plans.containsKey(n)) {
            throw new IllegalArgumentException("Unknown plan '" + name + "': must be one of " + plans.keySet());
        }
        return n;
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return Collections.unmodifiableMap(new TreeMap<>(m));
    }

    static String describe(Map<String, Integer> models) {
        return String.join(", ", models.keySet()).toLowerCase(Locale.ROOT);
    }
}
