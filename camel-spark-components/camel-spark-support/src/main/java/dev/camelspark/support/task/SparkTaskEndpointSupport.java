package dev.camelspark.support.task;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkEndpointSupport;
import dev.camelspark.support.SparkMediaDelivery;
import dev.camelspark.support.SparkOperationOptions;
import dev.camelspark.support.SparkTaskConfiguration;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkTaskFailedException;
import dev.camelspark.support.error.SparkTaskTimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The base of endpoints whose generation is a task. A provider supplies its status call ({@link #readTask}) and the
 * headers that carry its key; the rest is shared: tracking a task with this endpoint's poll options, and handing a
 * finished task to an exchange (result headers, then the media or the failure).
 */
public abstract class SparkTaskEndpointSupport extends SparkEndpointSupport {

    protected SparkTaskEndpointSupport(String uri, SparkTaskComponentSupport component) {
        super(uri, component);
    }

    /** @see SparkEndpointSupport#SparkEndpointSupport(String, dev.camelspark.support.SparkComponentSupport, String, SparkOperationOptions) */
    protected SparkTaskEndpointSupport(String uri, SparkTaskComponentSupport component, String operation,
                                       SparkOperationOptions operationOptions) {
        super(uri, component, operation, operationOptions);
    }

    @Override
    public SparkTaskComponentSupport getComponent() {
        return (SparkTaskComponentSupport) super.getComponent();
    }

    @Override
    public abstract SparkTaskConfiguration getConfiguration();

    /**
     * Reads one task's status from the provider (a {@code READ} call) and maps it.
     *
     * @param operation what was submitted ({@link TaskRecord#operation()}), for providers with several task kinds
     */
    public abstract CompletableFuture<TaskSnapshot> readTask(String taskId, String operation,
                                                             SparkTaskConfiguration config);

    /** The headers that carry the key, sent with media downloads only to the API's own origin. */
    public abstract Map<String, String> apiAuthHeaders(String apiKey);

    /** The store {@code config} names; opening it here makes a bad directory fail when the route starts. */
    public TaskStore taskStore(SparkTaskConfiguration config) {
        return getComponent().taskStore(config);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        taskStore(getConfiguration());
    }

    /** Polls the task with {@code config}'s key and poll options until it ends ({@link TaskPoller#track}). */
    public CompletableFuture<TaskRecord> track(TaskRecord record, SparkTaskConfiguration config, boolean now) {
        return getComponent().getPoller().track(record, taskStore(config),
                r -> readTask(r.taskId(), r.operation(), config), config.pollSchedule(), now);
    }

    /**
     * Hands a task that has ended to an exchange: the task headers, then the media (under the media options) or the
     * failure. The future fails with the task's failure when it did not complete.
     *
     * @param failure why its status could not be read, when known (else it is rebuilt from the record)
     */
    public CompletableFuture<Void> deliver(Exchange exchange, TaskRecord record, Throwable failure,
                                           SparkTaskConfiguration config) {
        setTaskHeaders(exchange.getMessage(), record);
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        if (record.state() != TaskState.COMPLETED) {
            return CompletableFuture.failedFuture(failureOf(record));
        }
        return deliverResult(exchange, record, config);
    }

    /**
     * Makes a completed task's result the body: its first media URL, downloaded unless {@code download=false}. A
     * provider whose tasks give several results overrides this.
     */
    protected CompletableFuture<Void> deliverResult(Exchange exchange, TaskRecord record, SparkTaskConfiguration config) {
        String url = record.mediaUrl();
        if (url == null) {
            return CompletableFuture.failedFuture(new SparkApiException(providerName(), 0, null,
                    "task " + record.taskId() + " completed without a result URL"));
        }
        String apiKey = resolveApiKey(config);
        return SparkMediaDelivery.deliver(exchange, getDownloader(), config, url, apiAuthHeaders(apiKey), null, apiKey);
    }

    /** The task's id, status, progress, cost and the provider's further result headers. */
    public static void setTaskHeaders(Message message, TaskRecord record) {
        message.setHeader(SparkConstants.TASK_ID, record.taskId());
        if (record.status() != null) {
            message.setHeader(SparkConstants.TASK_STATUS, record.status());
        }
        Integer progress = record.state() == TaskState.COMPLETED ? Integer.valueOf(100) : record.progress();
        if (progress != null) {
            message.setHeader(SparkConstants.PROGRESS, progress);
        }
        if (record.cost() != null) {
            message.setHeader(SparkConstants.COST, record.cost());
        }
        record.resultHeaders().forEach(message::setHeader);
    }

    /**
     * Why a task ended without a result: the provider's failure ({@link SparkTaskFailedException} with its code and
     * message), a timeout, or a status that could not be read. Providers whose failures mean more (a validation code)
     * override this.
     */
    public SparkApiException failureOf(TaskRecord record) {
        return switch (record.state()) {
            case TIMED_OUT -> new SparkTaskTimeoutException(providerName(), record.taskId(),
                    record.status() == null ? "unknown" : record.status(),
                    Duration.between(record.submittedAt(), record.deadline()));
            case ERROR -> new TaskUnreadableException(providerName(), record.taskId(), record.errorCode(),
                    record.errorMessage());
            default -> new SparkTaskFailedException(providerName(), record.taskId(),
                    record.status() == null ? record.state().name().toLowerCase(java.util.Locale.ROOT) : record.status(),
                    record.errorCode(), record.errorMessage());
        };
    }
}
