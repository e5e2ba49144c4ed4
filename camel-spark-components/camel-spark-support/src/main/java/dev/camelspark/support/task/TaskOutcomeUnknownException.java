package dev.camelspark.support.task;

import dev.camelspark.support.error.SparkApiException;

/**
 * The same input came again while an earlier create call of it has an unknown outcome (the process died, or the call
 * failed, after the request was sent and before its task was recorded): the task may exist and be paid, so it is not
 * created again unless {@code onUnknownOutcome=retry} says to.
 */
public class TaskOutcomeUnknownException extends SparkApiException {

    private final transient TaskIntent intent;

    public TaskOutcomeUnknownException(TaskIntent intent, String why) {
        super(intent.provider(), 0, null, "the " + intent.operation() + " task of this input may exist already: a create"
                + " call was sent at " + intent.at() + " and its outcome is unknown (" + why + "), so it is not created"
                + " again. Look for it in the provider's task list (created at about " + intent.at() + "). To create it"
                + " again on purpose, set onUnknownOutcome=retry (on the endpoint or the " + intent.provider()
                + " component) and send the same input again. Task key: " + intent.taskKey());
        this.intent = intent;
    }

    public TaskIntent getIntent() {
        return intent;
    }
}
