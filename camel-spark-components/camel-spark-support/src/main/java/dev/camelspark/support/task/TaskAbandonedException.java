package dev.camelspark.support.task;

import dev.camelspark.support.error.SparkApiException;

/**
 * The exchange stopped waiting for its task because the component is stopping. The task itself was not touched: it
 * stays in the task store, and is resumed when the same input comes again (or handed out by the {@code tasks}
 * consumer after a restart).
 */
public class TaskAbandonedException extends SparkApiException {

    private final String taskId;

    public TaskAbandonedException(String provider, String taskId) {
        super(provider, 0, null, "stopped waiting for task " + taskId + ": the component is stopping; the task stays "
                                 + "in the task store and is resumed, not paid for again, when the same input comes again");
        this.taskId = taskId;
    }

    public String getTaskId() {
        return taskId;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
