package dev.camelspark.support.task;

/**
 * Where a task stands, in the same words for every provider. The provider's own status text is kept beside it
 * ({@link TaskRecord#status()}); a provider's mapper decides which of its statuses are final.
 */
public enum TaskState {
    /** Created; no status read yet. */
    SUBMITTED,
    /** The provider is working on it (any status that is not final, unknown ones included). */
    RUNNING,
    /** Finished with a result. */
    COMPLETED,
    /** Finished without a result; the provider's code and message say why. */
    FAILED,
    /** Cancelled before it finished. */
    CANCELLED,
    /** Still not finished when its deadline ({@code pollTimeout}) passed: no longer polled, maybe still running. */
    TIMED_OUT,
    /**
     * Its status could not be read until its deadline (the last reads were refused: a 401, a 404); maybe still
     * running.
     */
    ERROR;

    /** Whether tracking has ended: the task is ready to be handed out, as a result or as a failure. */
    public boolean isFinished() {
        return this != SUBMITTED && this != RUNNING;
    }

    /** Whether the provider itself reported the end (completed, failed, cancelled). */
    public boolean isFinalAtProvider() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
