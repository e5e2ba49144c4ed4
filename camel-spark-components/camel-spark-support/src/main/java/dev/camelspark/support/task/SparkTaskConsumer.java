package dev.camelspark.support.task;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import dev.camelspark.support.SparkTaskConfiguration;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkErrorProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("<provider>:tasks?taskGroup=g")}: one exchange per ended task of its group, carrying the headers saved
 * when the task was submitted, the task headers, and the media as body (or its URL with {@code download=false}). A
 * task that failed, was cancelled, timed out or could not be read arrives as an exchange failure (the provider's code
 * and message in a {@code SparkTaskFailedException}, ...) so the route's error handler decides.
 *
 * <p>On start it takes over the tasks of its group that the store still holds (from {@code submit}, and
 * {@code generate} tasks without a task key left by a previous run, which nothing else could resume), handing out at
 * once those that ended and polling the others. Tasks submitted in this JVM reach it as they end. Each task is
 * claimed in the store before it is handed out and marked delivered when its exchange completes, whatever the
 * outcome, so it is handed out once: redeliveries happen inside that exchange. A completed task whose result cannot
 * be fetched for a reason that may pass (a 503 of the CDN, a connection cut) is not handed out broken: its claim is
 * released, its record kept, and the download tried again later, waiting from {@code pollInterval} up to
 * {@code maxPollInterval}. Exchanges run on the consumer's own threads, not on the poller's.
 */
public class SparkTaskConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SparkTaskConsumer.class);
    /** How long a claim holds before another instance of a shared store may take the task over. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

    private volatile TaskStore store;
    private volatile ExecutorService executor;

    public SparkTaskConsumer(SparkTaskEndpointSupport endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public SparkTaskEndpointSupport getEndpoint() {
        return (SparkTaskEndpointSupport) super.getEndpoint();
    }

    private SparkTaskConfiguration config() {
        return getEndpoint().getConfiguration();
    }

    private String provider() {
        return getEndpoint().providerName();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        store = getEndpoint().taskStore(config());
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newDefaultThreadPool(this, provider() + "-tasks-" + config().getTaskGroup());
        SparkTaskComponentSupport component = getEndpoint().getComponent();
        component.register(config().getTaskGroup(), this);
        int taken = 0;
        for (TaskRecord r : store.findPending(provider(), config().getTaskGroup())) {
            if (r.delivery() == TaskDelivery.CONSUMER
                || r.taskKey() == null && r.submittedAt() != null && r.submittedAt().isBefore(component.startedAt())) {
                taken++;
                getEndpoint().track(r, config(), true).whenComplete((end, error) -> component.taskEnded(
                        end != null ? end : r, error));
            }
        }
        if (taken > 0) {
            LOG.info("{}: tasks consumer of group '{}' took over {} recorded task(s)", provider(),
                    config().getTaskGroup(), taken);
        }
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().getComponent().unregister(config().getTaskGroup(), this);
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor);
            executor = null;
        }
        super.doStop();
    }

    /** A task of this group has ended: hand it out on the consumer's threads, unless another party already did. */
    void offer(TaskRecord record, Throwable failure) {
        ExecutorService ex = executor;
        if (ex == null || !isRunAllowed()) {
            return; // it stays recorded; the next start hands it out
        }
        try {
            ex.execute(() -> handOut(record, failure));
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: tasks consumer stopping; task {} stays recorded", provider(), record.taskId());
        }
    }

    private void handOut(TaskRecord record, Throwable failure) {
        handOut(record, failure, null);
    }

    /** @param lastWait the wait before this download retry, or null on the first try */
    private void handOut(TaskRecord record, Throwable failure, Duration lastWait) {
        if (!isRunAllowed()) {
            return; // stopping: it stays recorded for the next start
        }
        TaskStore s = store;
        SparkTaskComponentSupport component = getEndpoint().getComponent();
        String owner = component.owner();
        if (!s.claim(provider(), record.taskId(), owner, component.getClock().instant().plus(CLAIM_LEASE))) {
            return; // handed out already, or by someone else
        }
        Exchange exchange = createExchange(false);
        CorrelationHeaders.restore(exchange.getMessage(), record.headers());
        CompletableFuture<Void> ready;
        try {
            ready = getEndpoint().deliver(exchange, record, failure, config());
        } catch (RuntimeException e) {
            ready = CompletableFuture.failedFuture(e);
        }
        ready.whenComplete((v, error) -> {
            if (error != null && failure == null && record.state() == TaskState.COMPLETED && mayPass(error)) {
                // the task is fine, its result could not be fetched yet: nothing is handed out
                releaseExchange(exchange, false);
                s.release(provider(), record.taskId(), owner);
                retryLater(record, lastWait, error);
                return;
            }
            if (error != null) {
                SparkErrorProperties.fail(exchange, error);
            }
            getAsyncProcessor().process(exchange, doneSync -> {
                s.delivered(provider(), record.taskId());
                defaultConsumerCallback(exchange, true).done(doneSync);
            });
        });
    }

    /** Whether a failed download may work later: a transport failure or a 5xx/429, not a refusal or a size limit. */
    private static boolean mayPass(Throwable error) {
        Throwable cause = SparkApiException.unwrap(error);
        return !(cause instanceof SparkApiException spark) || spark.isTransient();
    }

    private void retryLater(TaskRecord record, Duration lastWait, Throwable error) {
        PollSchedule schedule = config().pollSchedule();
        Duration wait = lastWait == null ? schedule.interval() : schedule.next(lastWait);
        LOG.warn("{}: task {} completed but its result could not be fetched ({}); trying again in {} ms", provider(),
                record.taskId(), SparkApiException.unwrap(error).getMessage(), wait.toMillis());
        try {
            getEndpoint().getComponent().getScheduler().schedule(() -> offerAgain(record, wait), wait.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException | IllegalStateException e) {
            LOG.debug("{}: component stopping; task {} stays recorded", provider(), record.taskId());
        }
    }

    /** The download retry, on the consumer's threads, with the record as the store holds it now. */
    private void offerAgain(TaskRecord record, Duration wait) {
        ExecutorService ex = executor;
        if (ex == null || !isRunAllowed()) {
            return; // it stays recorded; the next start hands it out
        }
        try {
            ex.execute(() -> store.find(provider(), record.taskId()).ifPresent(r -> handOut(r, null, wait)));
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: tasks consumer stopping; task {} stays recorded", provider(), record.taskId());
        }
    }
}
