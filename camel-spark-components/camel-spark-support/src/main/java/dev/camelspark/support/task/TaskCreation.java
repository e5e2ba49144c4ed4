package dev.camelspark.support.task;

import java.util.Objects;

import dev.camelspark.support.http.CallKind;
import dev.camelspark.support.http.SparkRequest;

/**
 * A create call ready to be sent, built after every check passed.
 *
 * @param operation what is submitted, recorded with the task (e.g. {@code generate}, {@code video})
 * @param request   the call; must be a {@link CallKind#PAID_CREATE}, so it is never resent when its outcome is unknown
 * @param body      the request body as sent: the same input always gives the same body, which makes it part of the
 *                  task key
 */
public record TaskCreation(String operation, SparkRequest request, String body) {

    public TaskCreation {
        Objects.requireNonNull(operation, "operation");
        if (request.kind() != CallKind.PAID_CREATE) {
            throw new IllegalArgumentException("a task is created with a PAID_CREATE call, not " + request.kind());
        }
        body = body == null ? "" : body;
    }
}
