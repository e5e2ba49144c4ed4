package dev.camelspark.emulator.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole life of an emulated task, decided when it is created: the running statuses it goes through, each for a
 * time on the emulator clock, and how it ends. The first status is the queue (progress 0); progress then rises with
 * the time spent in the following ones.
 *
 * @param phases  the running statuses in order, e.g. {@code pending} then {@code processing}; at least one
 * @param ending  what happens after the last phase
 * @param code    the provider's error code when the task fails
 * @param message the provider's error message when the task fails
 */
public record TaskPlan(List<Phase> phases, Ending ending, String code, String message) {

    /** One running status and how long the task stays in it. */
    public record Phase(String status, Duration duration) {
    }

    /** How the task ends once its phases are over. */
    public enum Ending {
        COMPLETED,
        FAILED,
        /** Stays in its last phase for ever. */
        STUCK
    }

    /**
     * How a test asked a task to end (a task rule or a stub's task reply): completed, failed with a code and message,
     * or stuck, after {@code after} instead of the provider's durations when that is given.
     */
    public record Outcome(Ending ending, Duration after, String code, String message) {
    }

    public TaskPlan {
        if (phases == null || phases.isEmpty()) {
            throw new IllegalArgumentException("a task plan needs at least one phase");
        }
        phases = List.copyOf(phases);
    }

    /** Completes after the phases. */
    public static TaskPlan completing(List<Phase> phases) {
        return new TaskPlan(phases, Ending.COMPLETED, null, null);
    }

    /** The plan for a new task: the provider's default phases, changed by the outcome a test asked for, if any. */
    public static TaskPlan of(List<Phase> defaults, Optional<Outcome> outcome) {
        if (outcome.isEmpty()) {
            return completing(defaults);
        }
        Outcome o = outcome.get();
        List<Phase> phases = o.after() == null ? defaults : stretch(defaults, o.after());
        return new TaskPlan(phases, o.ending(), o.code(), o.message());
    }

    /** The same statuses, their durations scaled to add up to {@code total} (all in the last one when they were 0). */
    static List<Phase> stretch(List<Phase> phases, Duration total) {
        long sum = phases.stream().mapToLong(p -> p.duration().toMillis()).sum();
        List<Phase> out = new ArrayList<>();
        long given = 0;
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            long millis;
            if (i == phases.size() - 1) {
                millis = total.toMillis() - given;
            } else {
                millis = sum == 0 ? 0 : total.toMillis() * p.duration().toMillis() / sum;
            }
            given += millis;
            out.add(new Phase(p.status(), Duration.ofMillis(millis)));
        }
        return out;
    }

    /** The time from creation to the end of the last phase. */
    public Duration total() {
        return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
