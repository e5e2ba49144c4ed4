package dev.camelspark.emulator.sparkgpt;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.camelspark.emulator.core.ProviderSettings;

/**
 * SparkGPT switches: the trained models and their Q&A, which keys own which models, and the daily request limit.
 * By default every key that is not denied owns every model.
 */
public class SparkGptSettings extends ProviderSettings {

    @JsonProperty
    private volatile int requestsPerDay = 1000;
    @JsonProperty
    private volatile Map<Integer, TrainedModel> models = builtInModels();
    @JsonProperty
    private volatile Map<String, Set<Integer>> ownership = Map.of();

    @Override
    public void validate() {
        super.validate();
        positive(requestsPerDay, "requestsPerDay");
        require(models, "models");
        require(ownership, "ownership");
    }

    /** Requests per key per UTC day. */
    public int requestsPerDay() {
        return requestsPerDay;
    }

    public SparkGptSettings requestsPerDay(int limit) {
        this.requestsPerDay = positive(limit, "requestsPerDay");
        return this;
    }

    public Map<Integer, TrainedModel> models() {
        return models;
    }

    /** Adds or replaces one model. */
    public synchronized SparkGptSettings model(int id, TrainedModel model) {
        Map<Integer, TrainedModel> copy = new TreeMap<>(models);
        copy.put(id, require(model, "model"));
        this.models = Collections.unmodifiableMap(copy);
        return this;
    }

    /** Replaces all models. */
    public SparkGptSettings models(Map<Integer, TrainedModel> all) {
        this.models = Collections.unmodifiableMap(new TreeMap<>(all));
        return this;
    }

    public TrainedModel model(int id) {
        return models.get(id);
    }

    /** Which models each listed key owns; keys not listed own all models. */
    public Map<String, Set<Integer>> ownership() {
        return ownership;
    }

    /** From now on {@code key} owns exactly these models (403 for the others). */
    public synchronized SparkGptSettings ownership(String key, Collection<Integer> modelIds) {
        Map<String, Set<Integer>> copy = new HashMap<>(ownership);
        copy.put(require(key, "key"), Set.copyOf(modelIds));
        this.ownership = Map.copyOf(copy);
        return this;
    }

    public boolean owns(String key, int modelId) {
        if (!models.containsKey(modelId)) {
            return false;
        }
        Set<Integer> owned = ownership.get(key);
        return owned == null || owned.contains(modelId);
    }

    /** The models the emulator starts with; 5 carries the vendor page's own example. */
    static Map<Integer, TrainedModel> builtInModels() {
        Map<Integer, TrainedModel> m = new LinkedHashMap<>();
        m.put(1, new TrainedModel("Spark Assistant", List.of(
                new TrainingEntry(3, "Hello, how are you?",
                        "Hello! I'm doing well, thank you for asking. How can I help you today?", "2024-01-02 09:15:00"),
                new TrainingEntry(4, "What can you do?",
                        "I answer questions using what my owner trained me on, and I can help draft short texts.",
                        "2024-01-02 09:16:30"))));
        m.put(2, new TrainedModel("Camel Helpdesk", List.of(
                new TrainingEntry(5, "What is Apache Camel?",
                        "Apache Camel is an open-source integration framework that moves and transforms messages "
                                + "between systems using Enterprise Integration Patterns.", "2024-02-10 14:00:00"),
                new TrainingEntry(6, "How do I retry a failed call?",
                        "Use an error handler with redelivery (maximumRedeliveries and a redelivery delay), or "
                                + "onException for specific errors.", "2024-02-10 14:05:00"))));
        m.put(5, new TrainedModel("Tea Sommelier", List.of(
                new TrainingEntry(1, "What is your favorite tea?", "I love green tea", "2024-01-01 10:00:00"),
                new TrainingEntry(2, "How long should I steep green tea?",
                        "Two to three minutes at about 80 °C keeps green tea sweet rather than bitter.",
                        "2024-01-01 10:05:00"))));
        return Collections.unmodifiableMap(new TreeMap<>(m));
    }
}
