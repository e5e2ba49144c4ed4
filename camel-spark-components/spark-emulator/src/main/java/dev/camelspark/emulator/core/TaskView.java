package dev.camelspark.emulator.core;

import java.time.Instant;

/**
 * An emulated task as it stands at one instant of the emulator clock.
 *
 * @param status     the running status (a phase name) or {@code completed}, {@code failed}, {@code cancelled}
 * @param state      whether it is still running or how it ended
 * @param progress   0.0 to 1.0; 1.0 once completed
 * @param finishedAt when it reached its final state; null while running
 * @param code       the failure code, for a failed task
 * @param message    the failure message, for a failed task
 */
public record TaskView(String status, State state, double progress, Instant finishedAt, String code, String message) {

    public enum State {
        RUNNING,
        COMPLETED,
        FAILED,
        CANCELLED
    }

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    public boolean isFinal() {
        return state != State.RUNNING;
    }
}
