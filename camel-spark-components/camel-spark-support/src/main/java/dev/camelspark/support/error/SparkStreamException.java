package dev.camelspark.support.error;

/**
 * An event stream broke: it ended without {@code [DONE]} (truncated), sent nothing for longer than
 * {@code streamIdleTimeout} (stalled), or carried an error event.
 */
public class SparkStreamException extends SparkServerException {

    public SparkStreamException(String provider, String message, Throwable cause) {
        super(provider, 0, null, message, null, null, cause);
    }
}
