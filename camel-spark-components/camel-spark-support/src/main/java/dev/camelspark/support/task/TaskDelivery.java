package dev.camelspark.support.task;

/** Who hands a finished task out. */
public enum TaskDelivery {
    /** The exchange that submitted it waits for it ({@code generate}, {@code neospark:image}). */
    EXCHANGE,
    /** The {@code tasks} consumer of its group, in a new exchange ({@code submit}). */
    CONSUMER
}
