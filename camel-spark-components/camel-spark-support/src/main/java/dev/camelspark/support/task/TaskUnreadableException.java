package dev.camelspark.support.task;

import java.time.Duration;

import dev.camelspark.support.error.AiErrorCategory;
import dev.camelspark.support.error.SparkApiException;

/**
 * A task's status could not be read until its deadline ({@code pollTimeout}): every status read was refused (a 401,
 * a 404) or the last one was. The task was paid for and may well be running: it is not cancelled, its record is kept,
 * and the same input (task key) submitted again resumes it instead of paying for another. The HTTP status, code and
 * category are those of the last refusal.
 */
public class TaskUnreadableException extends SparkApiException {

    private final String taskId;
    private final AiErrorCategory category;

    /** After the last read was refused with {@code last}; {@link #reason} is what the record keeps. */
    public TaskUnreadableException(String provider, String taskId, Duration pollTimeout, SparkApiException last) {
        super(describe(provider, 0, last.getProviderCode(), reason(taskId, pollTimeout, last)), provider,
              last.getHttpStatus(), last.getProviderCode(), last.getProviderMessage(), null, null, last);
        this.taskId = taskId;
        this.category = last.getCategory();
    }

    /** As recorded ({@link TaskRecord#errorMessage()} holds the whole reason), after a restart. */
    public TaskUnreadableException(String provider, String taskId, String providerCode, String recordedReason) {
        super(provider, 0, providerCode, recordedReason);
        this.taskId = taskId;
        this.category = AiErrorCategory.UNKNOWN;
    }

    /** What the record keeps as the reason: it names the task, says why, and what happens to it. */
    static String reason(String taskId, Duration pollTimeout, SparkApiException last) {
        String said = last.getProviderMessage() != null && !last.getProviderMessage().isBlank()
                ? last.getProviderMessage() : last.getMessage();
        return "the status of task " + taskId + " could not be read within pollTimeout " + pollTimeout
               + " (last answer: " + (last.getHttpStatus() > 0 ? "HTTP " + last.getHttpStatus() + " " : "") + said
               + "); the task was not cancelled, it stays in the task store and the same input resumes it";
    }

    public String getTaskId() {
        return taskId;
    }

    @Override
    public AiErrorCategory getCategory() {
        return category;
    }
}
