package dev.camelspark.routes;

/**
 * A job, or a batch line, stopped because the application is stopping, not because it failed. Its input stays in the
 * inbox: on the next start it is picked up again, and a task already paid for is polled from the task store, not
 * created again.
 */
public class JobInterruptedException extends RuntimeException {

    public JobInterruptedException(String message) {
        super(message);
    }
}
