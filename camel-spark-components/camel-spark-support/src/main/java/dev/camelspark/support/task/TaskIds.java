package dev.camelspark.support.task;

import java.util.regex.Pattern;

import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.error.SparkValidationException;
import org.apache.camel.Message;

/**
 * Task (and upload) ids go into URL paths ({@code /generation/task/<id>}, {@code /video/generations/<id>}): only what
 * the services' own ids are made of passes, so an id from a message can never leave its path segment
 * ({@code ../balance}, {@code a/b}, {@code a?x=1}, {@code %2e%2e}).
 */
public final class TaskIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
    private static final Pattern DOTS = Pattern.compile("\\.+");
    /** What {@link #check} allows, for messages. */
    public static final String ALLOWED = "an id of letters, digits, '_', '-' and '.' (1 to 200 characters, not only dots)";

    private TaskIds() {
    }

    /**
     * The id, stripped, when it is safe in a path; else a {@link SparkValidationException} naming {@code what}.
     *
     * @param what what the id is, for the message ("task id", "body (task id)", "body (upload id)")
     */
    public static String check(String provider, String what, String id) {
        if (!isSafe(id)) {
            throw new SparkValidationException(provider, what, id == null ? "null" : "\"" + id + "\"", ALLOWED, null);
        }
        return id.strip();
    }

    /** Whether the id, stripped, may go into a path. */
    public static boolean isSafe(String id) {
        String stripped = id == null ? null : id.strip();
        return stripped != null && ID.matcher(stripped).matches() && !DOTS.matcher(stripped).matches();
    }

    /** The id in the body, else in header {@code CamelSparkTaskId}; {@link #check checked}. */
    public static String fromMessage(Message message, String provider, String what) {
        String id = message.getBody(String.class);
        if (id == null || id.isBlank()) {
            id = message.getHeader(SparkConstants.TASK_ID, String.class);
        }
        if (id == null || id.isBlank()) {
            throw new SparkValidationException(provider, "body (" + what + ")", id == null ? "null" : "\"" + id + "\"",
                    "a " + what + ", in the body or in header " + SparkConstants.TASK_ID, null);
        }
        return check(provider, "body (" + what + ")", id);
    }
}
