package dev.camelspark.support.task;

/** Who hands a finished task out. */
public enum TaskDelivery {
    /** The exchange that submitted it waits for it ({@code generate}, {@code neospark:image}). */
    EXCHANGE,
    /** The {@code tasks} consumer of its group, in a new exchange ({@code submit}). */
    CONSUMER,
    /**
     * Nobody, for now: its tracking ended without the provider's final word (it timed out, or its status could not be
     * read) and that failure was handed out. The task was paid for and may still complete, so the record is kept:
     * the same input (task key) submitted again resumes it instead of paying for another.
     */
    PARKED
}
