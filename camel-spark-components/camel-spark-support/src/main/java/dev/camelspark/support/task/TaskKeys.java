package dev.camelspark.support.task;

import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.http.SparkHashes;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The task key: what makes a submission recognisable when the same input comes again after a restart, so that the
 * task already paid for is resumed instead of created again. Its first part names the input: header
 * {@code CamelSparkTaskKey} when set, else the file the file consumer read (absolute path, last modified, length),
 * else there is none and the submission cannot be recognised. Its second part is a hash of the operation and the
 * request as sent, so the same file sent to two endpoints with different options is two tasks.
 */
public final class TaskKeys {

    static final String FILE_ABSOLUTE_PATH = "CamelFileAbsolutePath";
    static final String FILE_LAST_MODIFIED = "CamelFileLastModified";
    static final String FILE_LENGTH = "CamelFileLength";

    private TaskKeys() {
    }

    /**
     * The key of this submission, or null when the exchange carries nothing that identifies its input.
     *
     * @param operation the producer's operation, e.g. {@code generate}
     * @param request   the request body as sent (the same input always gives the same body)
     */
    public static String of(Exchange exchange, String operation, String request) {
        String input = inputOf(exchange.getMessage());
        if (input == null) {
            return null;
        }
        return input + "#" + SparkHashes.sha256Hex(operation + "\n" + request, 8);
    }

    /** What names the input: the explicit key, else the file. */
    static String inputOf(Message message) {
        String explicit = message.getHeader(SparkConstants.TASK_KEY, String.class);
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        String path = message.getHeader(FILE_ABSOLUTE_PATH, String.class);
        Long modified = message.getHeader(FILE_LAST_MODIFIED, Long.class);
        Long length = message.getHeader(FILE_LENGTH, Long.class);
        if (path == null || modified == null || length == null) {
            return null;
        }
        return "file:" + path + "@" + modified + "+" + length;
    }
}
