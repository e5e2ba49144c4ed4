package dev.camelspark.support.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where submitted tasks are recorded, so that a restart polls them again instead of paying for them again, and so
 * that each finished task is handed out once. Option {@code taskStore} picks one: {@code memory} (the default; lost
 * with the JVM), {@code file} (one JSON document per task in {@code taskStoreDirectory}, written atomically,
 * reloaded on start), {@code jdbc} (a table shared by several instances, {@link JdbcTaskStore}) or {@code #name}, a
 * bean implementing this interface.
 *
 * <p>Implementations must be thread-safe. A store shared by several instances makes {@link #claim} and
 * {@link #lease} compare-and-sets with a lease, so that a task is polled and handed out by one instance at a time
 * and taken over when that instance dies; the stores of one JVM need no poll lease and keep the defaults.
 */
public interface TaskStore {

    /** Inserts the record, or replaces the one with the same provider and task id. */
    void save(TaskRecord record);

    /** The record of a task, unless it was handed out. */
    Optional<TaskRecord> find(String provider, String taskId);

    /**
     * The record with this task key that was not delivered yet (the newest when there are several), parked ones
     * included ({@link TaskDelivery#PARKED}: their failure was handed out, their task may still complete).
     */
    Optional<TaskRecord> findByKey(String provider, String taskKey);

    /** Every record of the provider and group that was not handed out yet. */
    List<TaskRecord> findPending(String provider, String group);

    /**
     * Takes the record for delivery: true for exactly one call until the claim lapses at {@code until}; false while
     * a claim holds (whoever made it: a second offer of the same task must not hand it out again), and when the task
     * was handed out already. A lapsed claim (its owner died) can be taken over.
     */
    boolean claim(String provider, String taskId, String owner, Instant until);

    /**
     * Gives up a claim {@code owner} holds, without handing the task out (its result could not be fetched yet): it
     * may be claimed again at once. A no-op when someone else holds the claim.
     */
    void release(String provider, String taskId, String owner);

    /** The task was handed out (as a result or as a failure): it is no longer pending and may be forgotten. */
    void delivered(String provider, String taskId);

    /**
     * Takes, keeps or takes over the lease to poll a running task at the provider: true when {@code owner} may poll
     * it now (it held the lease, nobody did, or the holder's lapsed); false while another instance polls it (the
     * caller then follows the task in the store). A shared store keeps the lease alive while its JVM lives. The
     * stores of one JVM have one poller per task anyway: always true.
     */
    default boolean lease(String provider, String taskId, String owner) {
        return true;
    }

    /** Gives up the poll lease {@code owner} holds (its tracking ended or stopped), so another may take it at once. */
    default void unlease(String provider, String taskId, String owner) {
    }

    /**
     * Records that a create call for {@code intent}'s task key is about to be sent, durably, before it is sent; replaces
     * an intent of the same provider and task key. With {@link #findIntent} and {@link #forgetIntent} it closes the
     * create window: a process that dies after the provider created the task and before {@link #save} recorded it
     * leaves the intent behind, and the same input then knows its outcome is unknown. The memory, file and jdbc stores
     * keep intents; the default keeps none (a bean store without them leaves that window open).
     */
    default void saveIntent(TaskIntent intent) {
    }

    /** The intent recorded for this task key whose task was not recorded (yet). */
    default Optional<TaskIntent> findIntent(String provider, String taskKey) {
        return Optional.empty();
    }

    /** Forgets the intent of this task key: its task was recorded, or the provider refused the create call. */
    default void forgetIntent(String provider, String taskKey) {
    }

    /** Called once before first use by the component that created the store (not for {@code #bean} stores). */
    default void start() throws Exception {
    }

    /** Called when that component stops. */
    default void stop() {
    }
}
