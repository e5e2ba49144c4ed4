package dev.camelspark.sparkstream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.camelspark.support.SparkChecks;
import org.apache.camel.Message;

/**
 * Turns a message body into the {@code messages} of a chat call, checking it before any call: text (a {@code String},
 * or anything Camel converts to one) is one user message; a {@code List} holds {@link ChatMessage}s or {@code Map}s
 * with {@code role} and {@code content}, each role one of system, user, assistant. A failure names the element's
 * index and the value.
 */
final class ChatMessages {

    static final Set<String> ROLES = Set.of("system", "user", "assistant");
    private static final String ALLOWED_BODY =
            "a String (one user message) or a List of ChatMessage or of Map with role and content";

    private ChatMessages() {
    }

    /** The messages of a message body: a conversation as it is, anything else as text in whatever form it came. */
    static List<ChatMessage> of(String provider, Message message, String systemMessage) {
        Object body = message.getBody();
        if (!(body instanceof Collection || body instanceof ChatMessage || body instanceof Map)) {
            // a String, bytes, a file, an HTTP request's body: Camel's converters make it text
            String text = message.getBody(String.class);
            body = text != null ? text : body;
        }
        return of(provider, body, systemMessage);
    }

    /** The messages to send: {@code systemMessage} (when set) first, then the body's. */
    static List<ChatMessage> of(String provider, Object body, String systemMessage) {
        SparkChecks checks = SparkChecks.of(provider);
        List<ChatMessage> messages = new ArrayList<>();
        if (systemMessage != null && !systemMessage.isEmpty()) {
            messages.add(ChatMessage.system(systemMessage));
        }
        if (body instanceof CharSequence text) {
            checks.that(!text.toString().isBlank(), "body (message)", "\"" + text + "\"", "a non-empty message");
            messages.add(ChatMessage.user(text.toString()));
            return messages;
        }
        if (body instanceof ChatMessage || body instanceof Map) {
            messages.add(message(checks, body, 0));
            return messages;
        }
        if (!(body instanceof Collection<?> list)) {
            throw checks.invalid("body", body == null ? "null" : body.getClass().getName(), ALLOWED_BODY);
        }
        checks.that(!list.isEmpty(), "body (messages)", "an empty list", "at least one message");
        int index = 0;
        for (Object element : list) {
            messages.add(message(checks, element, index++));
        }
        return messages;
    }

    private static ChatMessage message(SparkChecks checks, Object element, int index) {
        String at = "messages[" + index + "]";
        Object role;
        Object content;
        if (element instanceof ChatMessage message) {
            role = message.role();
            content = message.content();
        } else if (element instanceof Map<?, ?> map) {
            role = map.get("role");
            content = map.get("content");
        } else {
            throw checks.invalid(at, element == null ? "null" : element.getClass().getName(),
                    "a ChatMessage or a Map with role and content");
        }
        checks.that(role instanceof String && ROLES.contains(role), at + ".role", role, "one of system, user, assistant")
                .that(content instanceof CharSequence, at + ".content", content, "text");
        return new ChatMessage((String) role, content.toString());
    }
}
