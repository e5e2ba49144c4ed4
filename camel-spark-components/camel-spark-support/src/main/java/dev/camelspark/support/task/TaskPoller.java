package dev.camelspark.support.task;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkTaskTimeoutException;
import dev.camelspark.support.observe.SparkMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the tasks of one component from its small shared scheduler: no thread per task, and no thread held while a
 * task waits for its next poll. A task's next poll is scheduled only once the previous answer is in, after the
 * {@link PollSchedule}'s wait, until the provider reports a final state or the task's deadline passes.
 *
 * <p>Status changes are written to the task's store as they happen, and so is progress once it has moved by
 * {@link #PROGRESS_STEP} points since the last write, so that readers of a shared store (the batch application's
 * progress log) see a long video move without a write, and an fsync, at every poll. A
 * status call that fails (a 5xx, a timeout, a connection failure after the client's own retries, and also a 401 or a
 * 404) is tried again at the next poll, the waits growing as usual: the task was paid for, and one refusal (a key
 * rotated, a gateway that lost the task for a moment) must not throw it away. Only when its deadline passes with the
 * last read refused does tracking end, with a {@link TaskUnreadableException} naming the task.
 *
 * <p>Before each status read the poller takes or keeps the task's poll lease in the store ({@link TaskStore#lease}).
 * Where another instance holds it (a store shared by several), this one does not ask the provider: it follows the
 * task's record in the store instead, at the same pace, until that record ends, is handed out, or the lease lapses
 * (its holder died) and this one takes the polling over.
 */
public final class TaskPoller {

    private static final Logger LOG = LoggerFactory.getLogger(TaskPoller.class);
    /** Progress (0-100) that makes a record worth writing although its status did not change. */
    public static final int PROGRESS_STEP = 10;

    private final String provider;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final String owner;
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    /** Recorded by a producer and about to be tracked by it (see {@link #announce}). */
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private volatile SparkMetrics metrics = SparkMetrics.NONE;

    public TaskPoller(String provider, ScheduledExecutorService scheduler, Clock clock) {
        this(provider, scheduler, clock, java.util.UUID.randomUUID().toString());
    }

    /** @param owner who polls, in the poll leases of a shared store (the component's {@code owner()}) */
    public TaskPoller(String provider, ScheduledExecutorService scheduler, Clock clock, String owner) {
        this.provider = provider;
        this.scheduler = scheduler;
        this.clock = clock;
        this.owner = owner;
    }

    /**
     * Polls the task until it ends. The future completes with the final record (completed, failed, cancelled or
     * timed out; already saved to {@code store}), exceptionally with a {@link TaskUnreadableException} when its
     * deadline passed with its status unreadable, with a {@link TaskAbandonedException} when the component stops
     * first, or with a {@link TaskHandedOutElsewhereException} when another instance sharing the store handed it out. A task already tracked is not
     * tracked twice: its existing future is returned.
     *
     * @param record   the task as recorded
     * @param store    where status changes are written
     * @param status   the provider's status call
     * @param schedule how often to poll
     * @param now      poll at once (a task resumed after a restart) rather than after the first interval
     */
    public CompletableFuture<TaskRecord> track(TaskRecord record, TaskStore store, TaskStatusCall status,
                                               PollSchedule schedule, boolean now) {
        if (record.state().isFinished()) {
            announced.remove(record.taskId());
            return CompletableFuture.completedFuture(record);
        }
        Tracked fresh = new Tracked(record, store, status, schedule);
        Tracked existing = tracked.putIfAbsent(record.taskId(), fresh);
        announced.remove(record.taskId()); // after the put: isTracking stays true throughout
        if (existing != null) {
            return existing.result;
        }
        metrics.taskStarted(provider, record.operation());
        if (stopped) {
            fresh.abandon();
            return fresh.result;
        }
        fresh.scheduleNext(now ? Duration.ZERO : schedule.interval());
        return fresh.result;
    }

    /** Where the task counters go (in flight, completed, failed). */
    public void setMetrics(SparkMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Marks a task its producer is recording and will track next, so that a {@code tasks} consumer that finds the
     * record in the store in between leaves it to that producer instead of polling it on its own schedule.
     */
    public void announce(String taskId) {
        announced.add(taskId);
    }

    /** Takes back an {@link #announce announcement} whose task will not be tracked (its record could not be saved). */
    public void withdraw(String taskId) {
        announced.remove(taskId);
    }

    /** Whether the task is being polled now, or is about to be by the producer that recorded it. */
    public boolean isTracking(String taskId) {
        return tracked.containsKey(taskId) || announced.contains(taskId);
    }

    /** How many tasks are being polled now. */
    public int size() {
        return tracked.size();
    }

    /**
     * Stops polling: every tracked task's future fails with {@link TaskAbandonedException}; their records are left as
     * they are, to be resumed after the restart.
     */
    public void stop() {
        stopped = true;
        for (Tracked t : tracked.values()) {
            t.abandon();
        }
    }

    /** One task's polling: at most one poll in flight or scheduled at a time. */
    private final class Tracked {
        private final TaskStore store;
        private final TaskStatusCall status;
        private final PollSchedule schedule;
        private final CompletableFuture<TaskRecord> result = new CompletableFuture<>();
        private volatile TaskRecord record;
        private volatile Duration wait;
        /** The progress in the store, as last written. */
        private volatile int savedProgress;
        /** Why the last status read was refused (a 401, a 404), or null when it was answered or failed transiently. */
        private volatile SparkApiException refused;

        Tracked(TaskRecord record, TaskStore store, TaskStatusCall status, PollSchedule schedule) {
            this.record = record;
            this.savedProgress = record.progress() == null ? 0 : record.progress();
            this.store = store;
            this.status = status;
            this.schedule = schedule;
        }

        /** Schedules the next poll after {@code delay}, or no later than the deadline. */
        void scheduleNext(Duration delay) {
            wait = delay;
            long untilDeadline = Math.max(0, Duration.between(clock.instant(), record.deadline()).toMillis());
            try {
                scheduler.schedule(this::poll, Math.min(delay.toMillis(), untilDeadline), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                abandon();
            }
        }

        private void poll() {
            if (result.isDone()) {
                return;
            }
            boolean mine;
            try {
                mine = store.lease(provider, record.taskId(), owner);
            } catch (RuntimeException e) {
                LOG.debug("{}: the poll lease of task {} could not be taken, trying again at the next poll: {}",
                        provider, record.taskId(), e.toString());
                scheduleLater(schedule.next(wait.isZero() ? schedule.interval() : wait));
                return;
            }
            if (!mine) {
                followStore();
                return;
            }
            if (result.isDone()) {
                unlease(); // abandoned (stopping) while the lease was taken: give it back, not left to lapse
                return;
            }
            CompletableFuture<TaskSnapshot> answer;
            try {
                answer = status.read(record);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete(this::onAnswer);
        }

        private void onAnswer(TaskSnapshot snapshot, Throwable error) {
            if (result.isDone()) {
                return;
            }
            if (error != null) {
                Throwable cause = SparkApiException.unwrap(error);
                if (cause instanceof SparkApiException spark && !spark.isTransient()) {
                    if (refused == null) {
                        LOG.warn("{}: reading task {} was refused ({}); the task is kept and read again, less and less"
                                 + " often, until its deadline", provider, record.taskId(), spark.getMessage());
                    }
                    refused = spark;
                } else {
                    refused = null;
                    LOG.debug("{}: reading task {} failed, trying again at the next poll: {}", provider,
                            record.taskId(), cause.toString());
                }
            } else {
                refused = null;
                TaskRecord updated = record.with(snapshot);
                if (updated.state().isFinished()) {
                    finish(updated, null);
                    return;
                }
                if (updated.differsInStatusFrom(record) || progressed(updated)) {
                    save(updated);
                }
                record = updated;
            }
            if (!clock.instant().isBefore(record.deadline())) {
                Duration pollTimeout = Duration.between(record.submittedAt(), record.deadline());
                SparkApiException last = refused;
                if (last != null) {
                    finish(record.ended(TaskState.ERROR, last.getProviderCode(),
                            TaskUnreadableException.reason(record.taskId(), pollTimeout, last)),
                            new TaskUnreadableException(provider, record.taskId(), pollTimeout, last));
                    return;
                }
                SparkTaskTimeoutException timeout = new SparkTaskTimeoutException(provider, record.taskId(),
                        record.status() == null ? "unknown" : record.status(), pollTimeout);
                finish(record.ended(TaskState.TIMED_OUT, null, timeout.getMessage()), null);
                return;
            }
            scheduleNext(schedule.next(wait.isZero() ? schedule.interval() : wait));
        }

        /** Another instance polls the task: its record in the store says when it ends. */
        private void followStore() {
            TaskRecord latest;
            try {
                latest = store.find(provider, record.taskId()).orElse(null);
            } catch (RuntimeException e) {
                latest = record;
            }
            if (latest == null) {
                // handed out by another instance: nothing left to wait for here, and no shutdown either
                tracked.remove(record.taskId(), this);
                result.completeExceptionally(new TaskHandedOutElsewhereException(provider, record.taskId()));
                return;
            }
            if (latest.state().isFinished()) {
                record = latest;
                tracked.remove(latest.taskId(), this);
                result.complete(latest);
                return;
            }
            record = latest;
            scheduleLater(schedule.next(wait.isZero() ? schedule.interval() : wait));
        }

        /** Schedules the next look after {@code delay}, however near the deadline (which the lease holder keeps). */
        private void scheduleLater(Duration delay) {
            wait = delay;
            try {
                scheduler.schedule(this::poll, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                abandon();
            }
        }

        private void finish(TaskRecord end, Throwable failure) {
            record = end;
            save(end);
            unlease();
            tracked.remove(end.taskId(), this);
            // counted before the waiting exchange is told, so whoever it tells sees the count
            metrics.taskEnded(provider, end.operation(), failure == null && end.state() == TaskState.COMPLETED);
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(end);
            }
        }

        private boolean progressed(TaskRecord updated) {
            return updated.progress() != null && updated.progress() - savedProgress >= PROGRESS_STEP;
        }

        /** A record that cannot be written is still handed out: its last written state resumes after a restart. */
        private void save(TaskRecord r) {
            try {
                store.save(r);
                savedProgress = r.progress() == null ? savedProgress : r.progress();
            } catch (RuntimeException e) {
                LOG.warn("{}: could not record status '{}' of task {}: {}", provider, r.status(), r.taskId(),
                        e.getMessage());
            }
        }

        private void unlease() {
            try {
                store.unlease(provider, record.taskId(), owner);
            } catch (RuntimeException e) {
                // it lapses by itself
                LOG.debug("{}: could not give up the poll lease of task {}: {}", provider, record.taskId(), e.toString());
            }
        }

        void abandon() {
            unlease();
            if (tracked.remove(record.taskId(), this)) {
                metrics.taskEnded(provider, record.operation(), null); // polled again after the restart
            }
            result.completeExceptionally(new TaskAbandonedException(provider, record.taskId()));
        }
    }
}
