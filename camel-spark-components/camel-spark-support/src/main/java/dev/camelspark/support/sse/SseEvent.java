package dev.camelspark.support.sse;

/**
 * One server-sent event: its {@code event:} name ({@code null} when none was given) and its data, with several
 * {@code data:} lines joined by {@code \n}.
 */
public record SseEvent(String event, String data) {

    public static final String DONE = "[DONE]";

    public boolean isDone() {
        return DONE.equals(data == null ? null : data.trim());
    }
}
