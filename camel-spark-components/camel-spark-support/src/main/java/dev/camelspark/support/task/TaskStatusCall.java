package dev.camelspark.support.task;

import java.util.concurrent.CompletableFuture;

/** Reads a task's status from its provider: one {@code READ} call through the component's client. */
@FunctionalInterface
public interface TaskStatusCall {

    CompletableFuture<TaskSnapshot> read(TaskRecord record);
}
