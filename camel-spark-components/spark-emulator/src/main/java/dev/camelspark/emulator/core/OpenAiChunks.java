package dev.camelspark.emulator.core;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAI {@code chat.completion.chunk} events: a role-only chunk, one chunk per token, a finish-reason-only chunk
 * (which may also carry the {@code usage}, as OpenAI's last chunk does when usage is asked for).
 */
public final class OpenAiChunks {

    private OpenAiChunks() {
    }

    public static List<String> of(String id, long created, String model, List<String> tokens, String finishReason) {
        return of(id, created, model, tokens, finishReason, null);
    }

    /** As above, with {@code usage} (when not null) on the last chunk. */
    public static List<String> of(String id, long created, String model, List<String> tokens, String finishReason,
            ObjectNode usage) {
        List<String> out = new ArrayList<>(tokens.size() + 2);
        ObjectNode role = Json.object().put("role", "assistant");
        out.add(chunk(id, created, model, role, null, null));
        for (String t : tokens) {
            out.add(chunk(id, created, model, Json.object().put("content", t), null, null));
        }
        out.add(chunk(id, created, model, Json.object(), finishReason, usage));
        return out;
    }

    private static String chunk(String id, long created, String model, ObjectNode delta, String finishReason,
            ObjectNode usage) {
        ObjectNode c = Json.object();
        c.put("id", id).put("object", "chat.completion.chunk").put("created", created).put("model", model);
        ArrayNode choices = c.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        if (usage != null) {
            c.set("usage", usage);
        }
        return Json.write(c);
    }
}
