package dev.camelspark.emulator.core;

import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tasks of one provider: created with a plan, read (their status computed from the emulator clock), cancelled.
 * Thread-safe; reads never block.
 *
 * @param <P> what the provider keeps of each request
 */
public final class TaskBoard<P> {

    /** Beyond this many tasks, finished ones are forgotten (oldest first is not needed: any finished one will do). */
    private static final int MAX_TASKS = 100_000;

    private final InstantSource clock;
    private final String idPrefix;
    private final Map<String, EmulatedTask<P>> tasks = new ConcurrentHashMap<>();
    private final AtomicLong created = new AtomicLong();

    /** @param idPrefix what every id starts with, e.g. {@code task-} */
    public TaskBoard(InstantSource clock, String idPrefix) {
        this.clock = clock;
        this.idPrefix = idPrefix;
    }

    /** Creates a task that starts now on the emulator clock. */
    public EmulatedTask<P> create(String owner, TaskPlan plan, P request) {
        if (tasks.size() >= MAX_TASKS) {
            tasks.values().removeIf(t -> t.view(clock.instant()).isFinal());
        }
        String id = idPrefix + randomHex();
        EmulatedTask<P> task = new EmulatedTask<>(id, created.incrementAndGet(), owner, clock.instant(), plan,
                request);
        tasks.put(id, task);
        return task;
    }

    /** The task with this id when {@code owner} created it: other keys get nothing, as from the real services. */
    public Optional<EmulatedTask<P>> get(String id, String owner) {
        EmulatedTask<P> task = tasks.get(id);
        if (task == null || owner != null && !owner.equals(task.owner())) {
            return Optional.empty();
        }
        return Optional.of(task);
    }

    /** The tasks {@code owner} created, oldest first (for listings). */
    public List<EmulatedTask<P>> ownedBy(String owner) {
        return tasks.values().stream().filter(t -> owner.equals(t.owner()))
                .sorted(Comparator.comparingLong(EmulatedTask::sequence)).toList();
    }

    /** The task as it stands now. */
    public TaskView view(EmulatedTask<P> task) {
        return task.view(clock.instant());
    }

    /** Cancels a running task now; false when it had already finished. */
    public boolean cancel(EmulatedTask<P> task) {
        return task.cancel(clock.instant());
    }

    public boolean remove(String id) {
        return tasks.remove(id) != null;
    }

    public int size() {
        return tasks.size();
    }

    public void clear() {
        tasks.clear();
    }

    private static String randomHex() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Long.toHexString(r.nextLong() | Long.MIN_VALUE).substring(0, 8);
    }
}
