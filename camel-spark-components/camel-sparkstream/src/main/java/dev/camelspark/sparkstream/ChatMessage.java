package dev.camelspark.sparkstream;

/**
 * One message of a conversation sent to {@code sparkstream:chat}: {@code role} is {@code system}, {@code user} or
 * {@code assistant}. A {@code List} of these (or of {@code Map}s with {@code role} and {@code content}) is a body the
 * component accepts; the roles are checked before any call.
 */
public record ChatMessage(String role, String content) {

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }
}
