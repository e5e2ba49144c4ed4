package dev.camelspark.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Makes the emulator answer the requests of a {@link RequestPattern} with a {@link Reply}: a given text, image, error,
 * fault or task outcome. Build with {@link #on} or {@link #when}, then narrow and reply:
 *
 * <pre>{@code
 * emu.stubs().add(Stub.on(Provider.DYNASPARK, "text").prompt(Match.contains("camel"))
 *         .replyText("Camels store fat, not water, in their humps.").times(1));
 * emu.stubs().add(Stub.on(Provider.NEOSPARK, "video").prompt(Match.contains("storm"))
 *         .replyTask(TaskRule.fail("CONTENT_POLICY", "Prompt rejected")));
 * }</pre>
 *
 * Errors and faults answer at once, before the emulator checks the key, like a {@link Fault}; text, images and task
 * outcomes are given where the emulator would generate them, after its own checks (key, rate limit, parameters,
 * balance), so a stub is used up only by a call that gets its reply. The same fields are the JSON of
 * {@code POST /_emulator/stubs}: {@code {"request": {...}, "reply": {...}, "times": 1}}.
 *
 * <p>A stub is copied when added to {@link Stubs}; changing it afterwards has no effect.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// times (from Rule) in its place among the fields, as the control API has always listed them
@JsonPropertyOrder({"request", "reply", "times"})
public final class Stub extends Rule<Stub> {

    @JsonProperty
    private RequestPattern request = new RequestPattern();
    @JsonProperty
    private Reply reply;

    public Stub() {
    }

    Stub(Stub other) {
        super(other);
        this.request = other.request == null ? new RequestPattern() : new RequestPattern(other.request);
        this.reply = other.reply == null ? null : new Reply(other.reply);
    }

    /** The requests this pattern matches. */
    public static Stub when(RequestPattern request) {
        Stub s = new Stub();
        s.request = new RequestPattern(request);
        return s;
    }

    /** The calls of one operation of a provider, e.g. {@code on(Provider.DYNASPARK, "image")}. */
    public static Stub on(Provider provider, String operation) {
        return when(RequestPattern.on(provider).operation(operation));
    }

    /** Only calls whose prompt matches. */
    public Stub prompt(Match match) {
        request.prompt(match);
        return this;
    }

    /** Only calls whose body matches (each one added must). */
    public Stub body(Match match) {
        request.body(match);
        return this;
    }

    public Stub willReply(Reply reply) {
        this.reply = new Reply(reply);
        return this;
    }

    public Stub replyText(String text) {
        return willReply(Reply.text(text));
    }

    public Stub replyImage(byte[] png) {
        return willReply(Reply.image(png));
    }

    public Stub replyError(int status, String message) {
        return willReply(Reply.error(status, message));
    }

    public Stub replyFault(Fault fault) {
        return willReply(Reply.fault(fault));
    }

    public Stub replyTask(TaskRule outcome) {
        return willReply(Reply.task(outcome));
    }

    public RequestPattern request() {
        return request;
    }

    public Reply reply() {
        return reply;
    }

    @Override
    Stub copy() {
        return new Stub(this);
    }

    /** No reply, or a matcher that could never work, is refused when the stub is added. */
    @Override
    void validate() {
        if (reply == null) {
            throw new IllegalArgumentException("a stub needs a reply: text, image, status, fault or task");
        }
        reply.validate();
        request.validate();
    }

    @Override
    public String toString() {
        return "stub " + request + " -> " + reply + timesSuffix();
    }
}
