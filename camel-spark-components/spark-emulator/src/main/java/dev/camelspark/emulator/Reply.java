package dev.camelspark.emulator;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.camelspark.emulator.core.ContentKind;

/**
 * What a {@link Stub} answers instead of the emulator's own answer: exactly one of
 * <ul>
 * <li>{@link #text}: the generated text of a text or chat call (streamed token by token when the call streams);</li>
 * <li>{@link #image}: the picture an image call produces, served at the image URL the answer gives (for a task,
 * once it has completed);</li>
 * <li>{@link #error}: an HTTP status with a message, in the provider's own error format;</li>
 * <li>{@link #fault}: any {@link Fault} (reset, latency, trickle, cut or stalled stream, a raw answer);</li>
 * <li>{@link #task}: how the task the call creates ends, as a {@link TaskRule} without selectors (fail with a code,
 * stuck, or complete after a time).</li>
 * </ul>
 * In JSON: {@code {"text": "..."}}, {@code {"image": "<base64>", "contentType": "image/png"}},
 * {@code {"status": 429, "message": "..."}}, {@code {"fault": {"type": "reset"}}},
 * {@code {"task": {"outcome": "fail", "code": "003019095", "message": "..."}}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Reply {

    /** What kind of answer a reply is. */
    public enum Kind {
        TEXT(ContentKind.TEXT), IMAGE(ContentKind.IMAGE), ERROR(null), FAULT(null), TASK(ContentKind.TASK);

        private final ContentKind content;

        Kind(ContentKind content) {
            this.content = content;
        }

        /** Replaces the provider's whole answer, before it checks anything (like a fault), rather than its content. */
        public boolean isAnswer() {
            return content == null;
        }

        /** The content this reply gives in place of the provider's own; null for an error or a fault. */
        public ContentKind content() {
            return content;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @JsonProperty
    private String text;
    @JsonProperty
    private byte[] image;
    @JsonProperty
    private String contentType;
    @JsonProperty
    private Integer status;
    @JsonProperty
    private String message;
    @JsonProperty
    private Fault fault;
    @JsonProperty
    private TaskRule task;

    public Reply() {
    }

    Reply(Reply other) {
        this.text = other.text;
        this.image = other.image == null ? null : other.image.clone();
        this.contentType = other.contentType;
        this.status = other.status;
        this.message = other.message;
        this.fault = other.fault == null ? null : new Fault(other.fault);
        this.task = other.task == null ? null : new TaskRule(other.task);
    }

    public static Reply text(String text) {
        Reply r = new Reply();
        r.text = text;
        return r;
    }

    /** A PNG image. */
    public static Reply image(byte[] png) {
        return image(png, "image/png");
    }

    public static Reply image(byte[] bytes, String contentType) {
        Reply r = new Reply();
        r.image = bytes.clone();
        r.contentType = contentType;
        return r;
    }

    /** This status, with the message in the provider's error format. */
    public static Reply error(int status, String message) {
        Reply r = new Reply();
        r.status = status;
        r.message = message;
        return r;
    }

    public static Reply fault(Fault fault) {
        Reply r = new Reply();
        r.fault = new Fault(fault);
        return r;
    }

    /** How the created task ends: {@code TaskRule.fail(code, message)}, {@code TaskRule.stuck()}, ... */
    public static Reply task(TaskRule outcome) {
        Reply r = new Reply();
        r.task = new TaskRule(outcome);
        return r;
    }

    @JsonIgnore
    public Kind kind() {
        if (text != null) {
            return Kind.TEXT;
        }
        if (image != null) {
            return Kind.IMAGE;
        }
        if (status != null) {
            return Kind.ERROR;
        }
        if (fault != null) {
            return Kind.FAULT;
        }
        return task != null ? Kind.TASK : null;
    }

    public String text() {
        return text;
    }

    public byte[] image() {
        return image == null ? null : image.clone();
    }

    public String contentType() {
        return contentType == null ? "image/png" : contentType;
    }

    public int status() {
        return status == null ? 500 : status;
    }

    public String message() {
        return message == null ? "Stubbed error: HTTP " + status() : message;
    }

    public Fault fault() {
        return fault;
    }

    public TaskRule task() {
        return task;
    }

    void validate() {
        int kinds = (text != null ? 1 : 0) + (image != null ? 1 : 0) + (status != null ? 1 : 0)
                + (fault != null ? 1 : 0) + (task != null ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException("a reply needs exactly one of text, image, status (with message), "
                    + "fault, task; got " + (kinds == 0 ? "none" : kinds));
        }
        if (status != null && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("reply status must be 100-599, got " + status);
        }
        if (message != null && status == null) {
            throw new IllegalArgumentException("a reply message goes with a status (an error reply)");
        }
        if (contentType != null && image == null) {
            throw new IllegalArgumentException("a reply contentType goes with an image");
        }
        if (image != null && image.length == 0) {
            throw new IllegalArgumentException("a reply image must not be empty");
        }
        if (fault != null) {
            fault.validate();
            if (fault.provider() != null || fault.method() != null || fault.path() != null || fault.times() != null) {
                throw new IllegalArgumentException("a reply fault has no provider, method, path or times of its own: "
                        + "the stub says which requests, and how often");
            }
        }
        if (task != null) {
            task.validate();
            if (task.provider() != null || task.promptContains() != null || task.times() != null) {
                throw new IllegalArgumentException("a reply task has no provider, promptContains or times of its own: "
                        + "the stub says which requests, and how often");
            }
        }
    }

    @Override
    public String toString() {
        Kind k = kind();
        if (k == null) {
            return "empty reply";
        }
        return switch (k) {
            case TEXT -> "text reply (" + text.length() + " characters)";
            case IMAGE -> "image reply (" + image.length + " bytes of " + contentType() + ")";
            case ERROR -> "error reply " + status();
            case FAULT -> "fault reply: " + fault;
            case TASK -> "task reply: " + task;
        };
    }
}
