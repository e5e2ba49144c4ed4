package dev.camelspark.support.task;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.http.SparkResponse;
import dev.camelspark.support.media.DownloadRequest;
import org.apache.camel.Exchange;

/**
 * What a provider whose generations are paid tasks tells the shared task machinery: how a task is created, how its
 * answer and its status read, why it failed and how its result is fetched. The rest (the task key, the store, polling,
 * handing out to the waiting exchange or the {@code tasks} consumer) is the same for every provider and lives in
 * {@link SparkTaskSubmitProducer}, {@link SparkTaskStatusProducer} and {@link SparkTaskConsumer}, which are handed
 * this interface. Implementations map between the exchange and the provider's wire client.
 *
 * @param <C> the provider's configuration
 */
public interface TaskProvider<C extends SparkTaskConfiguration> {

    /**
     * Checks the input against {@code config} and builds the create call; throws, before any call, when wrong.
     *
     * @param operation the operation as its endpoint names it, for providers with several task kinds
     */
    TaskCreation prepare(Exchange exchange, String operation, C config);

    /**
     * Makes the free calls the create call needs first (a session to create the task in), before the intent of the
     * paid call is recorded: a death during them is no unknown outcome. The default has none.
     */
    default CompletableFuture<Void> beforeCreate(Exchange exchange, TaskCreation creation, C config) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Sends the create call. Providers that need calls of their own first (a session to create the task in) do them
     * here; it runs only when no recorded task is resumed.
     */
    CompletableFuture<SparkResponse> create(Exchange exchange, TaskCreation creation, C config);

    /**
     * Reads the create call's answer: the new task's id and what it says (a task may be already final, e.g. a
     * validation failure answered as a failed task).
     */
    TaskSnapshot readCreated(SparkResponse response, TaskCreation creation);

    /**
     * Reads one task's status from the provider (a {@code READ} call) and maps it.
     *
     * @param operation what was submitted ({@link TaskRecord#operation()}), for providers with several task kinds
     */
    CompletableFuture<TaskSnapshot> readTask(String taskId, String operation, C config);

    /**
     * Looks in the provider's task list for the task an earlier create call of this input ({@code intent}, whose
     * outcome is unknown: the process died before its task was recorded) may have created, and tells what it found
     * ({@link TaskReconciliation}). The default cannot tell: the API lists no tasks.
     *
     * @param creation the same create call, prepared again from the same input
     */
    default CompletableFuture<TaskReconciliation> reconcile(TaskIntent intent, TaskCreation creation, C config) {
        return CompletableFuture.completedFuture(TaskReconciliation.unknown(
                "the " + intent.provider() + " API has no task list to look it up in"));
    }

    /**
     * Why a task ended without a result; {@code standard} is the shared reading ({@link TaskFailures}), which
     * providers whose failures mean more (a validation code) replace.
     */
    default SparkApiException failureOf(TaskRecord record, SparkApiException standard) {
        return standard;
    }

    /** The headers that carry the key, sent with a result download only when it goes to the API's own origin. */
    Map<String, String> downloadAuthHeaders();

    /**
     * The most bytes of a result kept in memory; larger ones go to a temp-file-backed stream (or
     * {@code downloadDirectory}). 0 sends every byte to a file, for media that must never be read into the heap.
     */
    default long inMemoryLimit(TaskRecord record) {
        return DownloadRequest.DEFAULT_IN_MEMORY_LIMIT;
    }
}
