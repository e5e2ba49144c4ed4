package dev.camelspark.neospark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelspark.support.http.SparkJson;
import dev.camelspark.support.task.TaskIntent;
import dev.camelspark.support.task.TaskReconciliation;

/**
 * Finds in NeoSpark's list of video generations ({@code GET /video/generations}, newest first) the task a create call
 * with an unknown outcome may have made: same prompt (and model), created within {@link #SLACK} of the intent (clocks
 * differ) plus the request timeout. One match is adopted; none means nothing was created; several cannot be told apart.
 */
final class NeoSparkVideoLookup {

    static final Duration SLACK = Duration.ofMinutes(2);
    static final int PAGE_SIZE = 100;
    /** At most this many pages are read: a task older than their last item is past any window anyway. */
    static final int MAX_PAGES = 5;

    private final NeoSparkClient client;

    NeoSparkVideoLookup(NeoSparkClient client) {
        this.client = client;
    }

    CompletableFuture<TaskReconciliation> find(TaskIntent intent, String requestBody, long requestTimeoutMillis) {
        JsonNode request = SparkJson.tryParse(requestBody);
        String prompt = request == null ? null : SparkJson.text(request, "prompt");
        String model = request == null ? null : SparkJson.text(request, "model");
        Instant from = intent.at().minus(SLACK);
        Instant to = intent.at().plus(SLACK).plusMillis(requestTimeoutMillis);
        return page(1, prompt, model, from, to, new ArrayList<>());
    }

    private CompletableFuture<TaskReconciliation> page(int page, String prompt, String model, Instant from, Instant to,
                                                       List<JsonNode> matches) {
        return client.send(client.get(NeoSparkClient.VIDEO_TASKS).query("page", page).query("page_size", PAGE_SIZE)
                .build()).thenCompose(answer -> {
                    JsonNode data = client.data(answer);
                    JsonNode items = data.path("items");
                    boolean older = false;
                    for (JsonNode item : items) {
                        Instant created = instant(SparkJson.text(item, "created_at"));
                        if (created == null) {
                            return done(TaskReconciliation.unknown("a listed video has no readable created_at: "
                                                                   + SparkJson.text(item, "created_at")));
                        }
                        older |= created.isBefore(from);
                        boolean sameAsk = Objects.equals(prompt, SparkJson.text(item, "prompt"))
                                          && (model == null || item.path("model").isMissingNode()
                                              || model.equals(SparkJson.text(item, "model")));
                        if (sameAsk && !created.isBefore(from) && !created.isAfter(to)) {
                            matches.add(item);
                        }
                    }
                    boolean more = items.size() == PAGE_SIZE && data.path("total").asInt(0) > page * PAGE_SIZE;
                    if (!older && more && page < MAX_PAGES) {
                        return page(page + 1, prompt, model, from, to, matches);
                    }
                    if (matches.size() == 1) {
                        JsonNode task = matches.get(0);
                        return done(TaskReconciliation.found(client.task(task, true).toSnapshot(task)));
                    }
                    if (matches.isEmpty()) {
                        return done(!older && more ? TaskReconciliation.unknown("the video list is longer than "
                                                     + MAX_PAGES * PAGE_SIZE + " items") : TaskReconciliation.notFound());
                    }
                    return done(TaskReconciliation.unknown(matches.size() + " listed videos have the same prompt and"
                                                          + " were created then"));
                });
    }

    private static CompletableFuture<TaskReconciliation> done(TaskReconciliation r) {
        return CompletableFuture.completedFuture(r);
    }

    /** ISO-8601 with an offset, or without one (then UTC). */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
