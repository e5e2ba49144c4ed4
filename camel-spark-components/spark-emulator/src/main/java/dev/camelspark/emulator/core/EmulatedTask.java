package dev.camelspark.emulator.core;

import java.time.Duration;
import java.time.Instant;

/**
 * One task of an emulated provider: who created it, when, with what request, and its plan. Its status is not
 * stored but computed from the emulator clock each time it is read ({@link #view(Instant)}), so moving the clock
 * moves the task.
 *
 * @param <P> what the provider keeps of the request (prompt, sizes, ...)
 */
public final class EmulatedTask<P> {

    private final String id;
    private final long sequence;
    private final String owner;
    private final Instant createdAt;
    private final TaskPlan plan;
    private final P request;
    private volatile Instant cancelledAt;

    EmulatedTask(String id, long sequence, String owner, Instant createdAt, TaskPlan plan, P request) {
        this.id = id;
        this.sequence = sequence;
        this.owner = owner;
        this.createdAt = createdAt;
        this.plan = plan;
        this.request = request;
    }

    public String id() {
        return id;
    }

    /** Creation order on its board, from 1. */
    long sequence() {
        return sequence;
    }

    /** The key that created it; other keys do not see it. */
    public String owner() {
        return owner;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public TaskPlan plan() {
        return plan;
    }

    public P request() {
        return request;
    }

    /** Cancels the task if it is still running at {@code now}; true when it was. */
    synchronized boolean cancel(Instant now) {
        if (cancelledAt != null || view(now).isFinal()) {
            return false;
        }
        cancelledAt = now;
        return true;
    }

    /** The task as it stands at {@code now}. */
    public TaskView view(Instant now) {
        Instant cancelled = cancelledAt;
        Instant at = cancelled != null && cancelled.isBefore(now) ? cancelled : now;
        long elapsed = Math.max(0, Duration.between(createdAt, at).toMillis());
        // the first phase is the queue (progress 0) unless it is the only one
        long workStart = plan.phases().size() > 1 ? plan.phases().get(0).duration().toMillis() : 0;
        long workTotal = plan.total().toMillis() - workStart;
        long start = 0;
        for (TaskPlan.Phase phase : plan.phases()) {
            long end = start + phase.duration().toMillis();
            if (elapsed < end) {
                return running(cancelled, at, phase.status(), progress(elapsed, workStart, workTotal));
            }
            start = end;
        }
        Instant finishedAt = createdAt.plus(plan.total());
        return switch (plan.ending()) {
            case COMPLETED -> new TaskView(TaskView.COMPLETED, TaskView.State.COMPLETED, 1.0, finishedAt, null, null);
            case FAILED -> new TaskView(TaskView.FAILED, TaskView.State.FAILED,
                    progress(elapsed, workStart, workTotal), finishedAt, plan.code(), plan.message());
            // stuck: never leaves its last phase, progress frozen short of the end
            case STUCK -> running(cancelled, at, plan.phases().get(plan.phases().size() - 1).status(), 0.5);
        };
    }

    private static TaskView running(Instant cancelled, Instant at, String status, double progress) {
        if (cancelled != null) {
            return new TaskView(TaskView.CANCELLED, TaskView.State.CANCELLED, progress, at, null, null);
        }
        return new TaskView(status, TaskView.State.RUNNING, progress, null, null, null);
    }

    private static double progress(long elapsed, long workStart, long workTotal) {
        if (elapsed <= workStart) {
            return 0.0;
        }
        if (workTotal <= 0) {
            return 1.0;
        }
        return Math.min(1.0, (double) (elapsed - workStart) / workTotal);
    }
}
