package dev.camelspark.support.error;

import java.time.Duration;

/** An asynchronous task did not reach a final state before its deadline ({@code pollTimeout}). */
public class SparkTaskTimeoutException extends SparkApiException {

    private final String taskId;

    public SparkTaskTimeoutException(String provider, String taskId, String lastStatus, Duration pollTimeout) {
        super(provider, 0, null, "task " + taskId + " still '" + lastStatus + "' after pollTimeout " + pollTimeout
                                 + "; it was not cancelled and may still complete");
        this.taskId = taskId;
    }

    public String getTaskId() {
        return taskId;
    }
}
