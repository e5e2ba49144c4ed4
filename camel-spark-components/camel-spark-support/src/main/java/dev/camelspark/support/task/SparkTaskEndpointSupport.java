package dev.camelspark.support.task;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import dev.camelspark.support.SparkConstants;
import dev.camelspark.support.SparkEndpointSupport;
import dev.camelspark.support.SparkMediaDelivery;
import dev.camelspark.support.SparkOperationOptions;
import dev.camelspark.support.error.SparkApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.function.Suppliers;

/**
 * The base of endpoints whose generation is a task. The endpoint hands its {@link TaskProvider} (what is
 * provider-specific: create, read, failures, result download) to the shared producers and consumer; what is the same
 * for every provider is here: tracking a task with this endpoint's poll options, and handing a finished task to an
 * exchange (result headers, then the media or the failure).
 *
 * @param <C> the provider's configuration, so that producers and consumer work on it without casts
 */
public abstract class SparkTaskEndpointSupport<C extends SparkTaskConfiguration> extends SparkEndpointSupport {

    private final Supplier<TaskProvider<C>> tasks = Suppliers.memorize(this::createTasks);

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
    public abstract C getConfiguration();

    /** Builds what the provider does for tasks, on its wire client; called once, on first use. */
    protected abstract TaskProvider<C> createTasks();

    /** What the provider does for tasks. */
    public TaskProvider<C> tasks() {
        return tasks.get();
    }

    /** The configuration for this message: the endpoint's, with override headers applied and checked. */
    public C configurationFor(Exchange exchange) {
        return withOverrides(exchange, getConfiguration());
    }

    /** The store {@code config} names; opening it here makes a bad directory fail when the route starts. */
    public TaskStore taskStore(SparkTaskConfiguration config) {
        return getComponent().taskStore(config);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        taskStore(getConfiguration());
    }

    /** Polls the task with {@code config}'s poll options until it ends ({@link TaskPoller#track}). */
    public CompletableFuture<TaskRecord> track(TaskRecord record, C config, boolean now) {
        return getComponent().getPoller().track(record, taskStore(config),
                r -> tasks().readTask(r.taskId(), r.operation(), config), config.pollSchedule(), now);
    }

    /**
     * Hands a task that has ended to an exchange: the task headers, then the media (under the media options) or the
     * failure. The future fails with the task's failure when it did not complete.
     *
     * @param failure why its status could not be read, when known (else it is rebuilt from the record)
     */
    public CompletableFuture<Void> deliver(Exchange exchange, TaskRecord record, Throwable failure, C config) {
        setTaskHeaders(exchange.getMessage(), record);
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        if (record.state() != TaskState.COMPLETED) {
            return CompletableFuture.failedFuture(failureOf(record));
        }
        String url = record.mediaUrl();
        if (url == null) {
            return CompletableFuture.failedFuture(new SparkApiException(providerName(), 0, null,
                    "task " + record.taskId() + " completed without a result URL"));
        }
        // the first result is the body; a provider with several lists them all in its result headers
        TaskProvider<C> provider = tasks();
        return SparkMediaDelivery.deliver(exchange, getDownloader(), config, url, provider.downloadAuthHeaders(), null,
                apiKey(), provider.inMemoryLimit(record));
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

    /** Why a task ended without a result: the shared reading ({@link TaskFailures}), refined by the provider. */
    public SparkApiException failureOf(TaskRecord record) {
        return tasks().failureOf(record, TaskFailures.of(providerName(), record));
    }
}
