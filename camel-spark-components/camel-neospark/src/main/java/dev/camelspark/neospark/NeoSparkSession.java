package dev.camelspark.neospark;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.http.SparkJson;

/**
 * A drawing session, as {@code neospark:sessions} lists them.
 *
 * @param createdAt    as the service wrote it (ISO-8601)
 * @param messageCount how many generations it holds, when the service says
 */
public record NeoSparkSession(String sessionId, String title, String createdAt, Integer messageCount) {

    static NeoSparkSession of(JsonNode json) {
        JsonNode count = json.get("message_count");
        return new NeoSparkSession(SparkJson.text(json, "session_id"), SparkJson.text(json, "title"),
                SparkJson.text(json, "created_at"), count != null && count.canConvertToInt() ? count.asInt() : null);
    }

    /**
     * The one session an endpoint generates in when no {@code sessionId} is given: created on first use, shared by
     * every message after (also by messages that arrive while it is being created), created again only when the
     * creation failed or the service forgot it. Nothing waits on a lock while the session is being created.
     */
    static final class Holder {
        private CompletableFuture<String> current;

        CompletableFuture<String> get(Supplier<CompletableFuture<String>> create) {
            CompletableFuture<String> mine;
            synchronized (this) {
                if (current != null && !current.isCompletedExceptionally()) {
                    return current;
                }
                mine = new CompletableFuture<>();
                current = mine;
            }
            try {
                create.get().whenComplete((id, error) -> {
                    if (error != null) {
                        mine.completeExceptionally(error);
                    } else {
                        mine.complete(id);
                    }
                });
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
            return mine;
        }

        /** Drops the session if it is still {@code sessionId} (the service answered 404 for it). */
        synchronized void forget(String sessionId) {
            if (current != null && current.isDone() && !current.isCompletedExceptionally()
                && sessionId.equals(current.join())) {
                current = null;
            }
        }
    }
}
