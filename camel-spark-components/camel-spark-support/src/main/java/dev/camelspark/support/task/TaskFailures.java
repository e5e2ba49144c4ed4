package dev.camelspark.support.task;

import java.time.Duration;
import java.util.Locale;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkTaskFailedException;
import dev.camelspark.support.error.SparkTaskTimeoutException;

/** Why a task ended without a result, in the shared terms: a task failure, a timeout, or a status never read. */
public final class TaskFailures {

    private TaskFailures() {
    }

    /**
     * The provider's failure ({@link SparkTaskFailedException} with its code and message), a timeout, or a status
     * that could not be read ({@link TaskUnreadableException}).
     */
    public static SparkApiException of(String provider, TaskRecord record) {
        return switch (record.state()) {
            case TIMED_OUT -> new SparkTaskTimeoutException(provider, record.taskId(),
                    record.status() == null ? "unknown" : record.status(),
                    Duration.between(record.submittedAt(), record.deadline()));
            case ERROR -> new TaskUnreadableException(provider, record.taskId(), record.errorCode(),
                    record.errorMessage());
            default -> new SparkTaskFailedException(provider, record.taskId(),
                    record.status() == null ? record.state().name().toLowerCase(Locale.ROOT) : record.status(),
                    record.errorCode(), record.errorMessage());
        };
    }
}
