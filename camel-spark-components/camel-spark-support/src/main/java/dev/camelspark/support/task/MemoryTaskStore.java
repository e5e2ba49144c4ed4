package dev.camelspark.support.task;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records in memory: enough to hand each task out once and to resume a task in the same JVM, lost with it. The
 * default for the components; use {@code taskStore=file} to survive a restart.
 */
public class MemoryTaskStore implements TaskStore {

    private final Map<String, TaskRecord> records = new ConcurrentHashMap<>();
    private final Map<String, TaskIntent> intents = new ConcurrentHashMap<>();
    private final Clock clock;

    public MemoryTaskStore() {
        this(Clock.systemUTC());
    }

    public MemoryTaskStore(Clock clock) {
        this.clock = clock;
    }

    static String id(String provider, String taskId) {
        return provider + '\u0000' + taskId;
    }

    @Override
    public synchronized void save(TaskRecord record) {
        persist(record);
        records.put(id(record.provider(), record.taskId()), record);
    }

    @Override
    public Optional<TaskRecord> find(String provider, String taskId) {
        return Optional.ofNullable(records.get(id(provider, taskId)));
    }

    @Override
    public Optional<TaskRecord> findByKey(String provider, String taskKey) {
        if (taskKey == null) {
            return Optional.empty();
        }
        return records.values().stream()
                .filter(r -> r.provider().equals(provider) && taskKey.equals(r.taskKey()))
                .max(Comparator.comparing(TaskRecord::submittedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    @Override
    public List<TaskRecord> findPending(String provider, String group) {
        List<TaskRecord> out = new ArrayList<>();
        for (TaskRecord r : records.values()) {
            if (r.provider().equals(provider) && r.group().equals(group)) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing(TaskRecord::submittedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    @Override
    public synchronized boolean claim(String provider, String taskId, String owner, Instant until) {
        TaskRecord r = records.get(id(provider, taskId));
        if (r == null) {
            return false;
        }
        boolean free = r.claimedBy() == null || r.claimedUntil() != null && r.claimedUntil().isBefore(clock.instant());
        if (free) {
            records.put(id(provider, taskId), r.claimed(owner, until));
        }
        return free;
    }

    @Override
    public synchronized void release(String provider, String taskId, String owner) {
        TaskRecord r = records.get(id(provider, taskId));
        if (r != null && owner.equals(r.claimedBy())) {
            records.put(id(provider, taskId), r.claimed(null, null));
        }
    }

    @Override
    public synchronized void delivered(String provider, String taskId) {
        TaskRecord r = records.remove(id(provider, taskId));
        if (r != null) {
            erase(r);
        }
    }

    @Override
    public synchronized void saveIntent(TaskIntent intent) {
        persistIntent(intent);
        intents.put(id(intent.provider(), intent.taskKey()), intent);
    }

    @Override
    public Optional<TaskIntent> findIntent(String provider, String taskKey) {
        return taskKey == null ? Optional.empty() : Optional.ofNullable(intents.get(id(provider, taskKey)));
    }

    @Override
    public synchronized void forgetIntent(String provider, String taskKey) {
        TaskIntent intent = taskKey == null ? null : intents.remove(id(provider, taskKey));
        if (intent != null) {
            eraseIntent(intent);
        }
    }

    /** Holds an intent; for subclasses that load them from elsewhere. */
    protected void loadIntent(TaskIntent intent) {
        intents.put(id(intent.provider(), intent.taskKey()), intent);
    }

    /** Makes the intent durable before it is visible; a no-op in memory. */
    protected void persistIntent(TaskIntent intent) {
    }

    /** Forgets an intent durably; a no-op in memory. */
    protected void eraseIntent(TaskIntent intent) {
    }

    /** Holds every record; for subclasses that load them from elsewhere. */
    protected void load(TaskRecord record) {
        records.put(id(record.provider(), record.taskId()), record);
    }

    protected int size() {
        return records.size();
    }

    /** Makes the record durable before it is visible; a no-op in memory. */
    protected void persist(TaskRecord record) {
    }

    /** Forgets a delivered record durably; a no-op in memory. */
    protected void erase(TaskRecord record) {
    }
}
