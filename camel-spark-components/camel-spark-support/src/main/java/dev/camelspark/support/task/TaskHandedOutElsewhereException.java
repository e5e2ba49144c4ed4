package dev.camelspark.support.task;

import dev.camelspark.support.error.SparkApiException;

/**
 * The exchange stopped waiting for its task because another instance sharing the task store (taskStore=jdbc) handed
 * the task out. Nothing is lost and nothing is paid again: the result went to that instance's exchange. Unlike
 * {@link TaskAbandonedException} this is not a shutdown, and trying again would not help.
 */
public class TaskHandedOutElsewhereException extends SparkApiException {

    private final String taskId;

    public TaskHandedOutElsewhereException(String provider, String taskId) {
        super(provider, 0, null, "stopped waiting for task " + taskId + ": another instance sharing the task store "
                                 + "handed it out");
        this.taskId = taskId;
    }

    public String getTaskId() {
        return taskId;
    }
}
