package dev.camelspark.support.task;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a {@link TaskStore} keeps of one submitted task: enough to poll it again after a restart, to hand it to the
 * right exchange or consumer with the headers it was submitted with, and to know whether it was handed out. Immutable;
 * the {@code with...} methods return changed copies. Written as JSON by the file store, so every value is JSON-safe.
 *
 * @param provider      the component's scheme ({@code sparkdream}, {@code neospark})
 * @param taskId        the provider's id of the task
 * @param operation     what was submitted (the producer's operation, e.g. {@code generate}, {@code video}); it decides
 *                      how the status is read
 * @param group         the {@code taskGroup}: which {@code tasks} consumer hands it out
 * @param taskKey       what identifies the input it was made from ({@link TaskKeys}); null when nothing does
 * @param delivery      who hands it out when finished ({@link TaskDelivery#PARKED}: nobody until the same input resumes it)
 * @param headers       the exchange headers saved at submit ({@code correlationHeaders}), restored when handed out
 * @param submittedAt   when the create call was answered
 * @param deadline      when polling gives up ({@code submittedAt + pollTimeout})
 * @param status        the provider's last status text
 * @param state         what that status means, or how tracking ended
 * @param progress      the last progress seen, 0-100 (written with status changes, and when it moved by
 *                      {@link TaskPoller#PROGRESS_STEP} points since the last write)
 * @param mediaUrls     the results' absolute URLs, once completed
 * @param cost          what it cost, once known
 * @param errorCode     the provider's error code, when it failed
 * @param errorMessage  the provider's (or our) reason, when it failed, timed out or could not be read
 * @param resultHeaders further result headers of the provider (model, seed, ...)
 * @param claimedBy     the owner that is handing it out, when one is ({@link TaskStore#claim})
 * @param claimedUntil  until when that claim holds (a lease, for stores shared by several instances)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskRecord(String provider, String taskId, String operation, String group, String taskKey,
                         TaskDelivery delivery, Map<String, Object> headers, Instant submittedAt, Instant deadline,
                         String status, TaskState state, Integer progress, List<String> mediaUrls, BigDecimal cost,
                         String errorCode, String errorMessage, Map<String, Object> resultHeaders, String claimedBy,
                         Instant claimedUntil) {

    public TaskRecord {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(delivery, "delivery");
        group = group == null ? "default" : group;
        state = state == null ? TaskState.SUBMITTED : state;
        headers = withoutNulls(headers);
        mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
        resultHeaders = withoutNulls(resultHeaders);
    }

    /** A task just created: nothing known yet but what its create answer said. */
    public static TaskRecord submitted(String provider, String operation, String group, String taskKey,
                                       TaskDelivery delivery, Map<String, Object> headers, Instant submittedAt,
                                       Instant deadline, TaskSnapshot created) {
        TaskRecord r = new TaskRecord(provider, created.taskId(), operation, group, taskKey, delivery, headers,
                submittedAt, deadline, created.status(), TaskState.SUBMITTED, null, null, null, null, null, null, null,
                null);
        return created.state() == TaskState.SUBMITTED ? r : r.with(created);
    }

    /** The record updated with what a status read said. */
    public TaskRecord with(TaskSnapshot s) {
        return new TaskRecord(provider, taskId, operation, group, taskKey, delivery, headers, submittedAt, deadline,
                s.status() != null ? s.status() : status, s.state(), s.progress() != null ? s.progress() : progress,
                s.mediaUrls().isEmpty() ? mediaUrls : s.mediaUrls(), s.cost() != null ? s.cost() : cost,
                s.errorCode(), s.errorMessage(), s.resultHeaders().isEmpty() ? resultHeaders : s.resultHeaders(),
                claimedBy, claimedUntil);
    }

    /** Tracking ended without a final status from the provider ({@link TaskState#TIMED_OUT}, {@link TaskState#ERROR}). */
    public TaskRecord ended(TaskState end, String code, String reason) {
        return new TaskRecord(provider, taskId, operation, group, taskKey, delivery, headers, submittedAt, deadline,
                status, end, progress, mediaUrls, cost, code, reason, resultHeaders, claimedBy, claimedUntil);
    }

    /** Whether tracking ended without the provider's final word (timed out, status unreadable): it may still run. */
    public boolean endedUnsettled() {
        return state == TaskState.TIMED_OUT || state == TaskState.ERROR;
    }

    /**
     * Kept after its unsettled end was handed out ({@link TaskDelivery#PARKED}), unclaimed, for the same input to
     * resume.
     */
    public TaskRecord parked() {
        return new TaskRecord(provider, taskId, operation, group, taskKey, TaskDelivery.PARKED, headers, submittedAt,
                deadline, status, state, progress, mediaUrls, cost, errorCode, errorMessage, resultHeaders, null, null);
    }

    /**
     * Polled again, by {@code newDelivery}'s party, until {@code newDeadline}: a task whose tracking ended unsettled,
     * resumed by the same input. Its last failure is forgotten; what the provider said of it is kept.
     */
    public TaskRecord resumed(TaskDelivery newDelivery, Instant newDeadline) {
        return new TaskRecord(provider, taskId, operation, group, taskKey, newDelivery, headers, submittedAt,
                newDeadline, status, TaskState.RUNNING, progress, mediaUrls, cost, null, null, resultHeaders, null, null);
    }

    /** Claimed for delivery by {@code owner} until {@code until}. */
    public TaskRecord claimed(String owner, Instant until) {
        return new TaskRecord(provider, taskId, operation, group, taskKey, delivery, headers, submittedAt, deadline,
                status, state, progress, mediaUrls, cost, errorCode, errorMessage, resultHeaders, owner, until);
    }

    /** Handed out by another party from now on (a keyless {@code generate} task adopted by the tasks consumer). */
    public TaskRecord deliveredBy(TaskDelivery newDelivery) {
        return new TaskRecord(provider, taskId, operation, group, taskKey, newDelivery, headers, submittedAt, deadline,
                status, state, progress, mediaUrls, cost, errorCode, errorMessage, resultHeaders, claimedBy,
                claimedUntil);
    }

    /** Whether the provider's status or our state differ, i.e. whether a store should write the change. */
    public boolean differsInStatusFrom(TaskRecord other) {
        return other == null || state != other.state || !Objects.equals(status, other.status);
    }

    /** The first result URL, or null. */
    public String mediaUrl() {
        return mediaUrls.isEmpty() ? null : mediaUrls.get(0);
    }

    static Map<String, Object> withoutNulls(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
