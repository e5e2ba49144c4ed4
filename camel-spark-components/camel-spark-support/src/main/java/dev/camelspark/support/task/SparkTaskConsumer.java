package dev.camelspark.support.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkErrorProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("<provider>:tasks?taskGroup=g")}: a scheduled polling consumer (Camel's {@link ScheduledPollConsumer},
 * so it takes {@code delay}, {@code initialDelay}, {@code backoffMultiplier}, {@code greedy}, {@code scheduler},
 * {@code bridgeErrorHandler}, ...) that hands out one exchange per ended task of its group, carrying the headers saved
 * when the task was submitted, the task headers, and the media as body (or its URL with {@code download=false}). A
 * task that failed, was cancelled, timed out or could not be read arrives as an exchange failure (the provider's code
 * and message in a {@code SparkTaskFailedException}, ...) so the route's error handler decides.
 *
 * <p>Each poll reads the task store, never the provider: the tasks themselves are polled by the component's shared
 * {@link TaskPoller} (every {@code pollInterval}, backing off to {@code maxPollInterval}), which writes each end to
 * the store. So {@code delay} says how often the store is looked at for ended tasks, {@code pollInterval} how often
 * each running task is asked about: a task is handed out at most about one {@code delay} after the poller saw it end,
 * whatever the number of tasks. A poll also takes over the tasks of its group that nobody polls: those a previous run
 * left (from {@code submit}, and {@code generate} tasks without a task key, which nothing else could resume).
 *
 * <p>The results of one poll are fetched at once, on the component's workers and within its limits; the exchanges
 * are then routed one after the other on the consumer's thread, as Camel's polling consumers do. Each task is claimed
 * in the store before it is handed out and marked delivered when its exchange completes, whatever the outcome, so it
 * is handed out once: redeliveries happen inside that exchange. A completed task whose result cannot be fetched for a
 * reason that may pass (a 503 of the CDN, a connection cut) is not handed out broken: its claim is released, its
 * record kept, and the download tried again at a later poll, waiting from {@code pollInterval} up to
 * {@code maxPollInterval}.
 */
public class SparkTaskConsumer<C extends SparkTaskConfiguration> extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SparkTaskConsumer.class);
    /** How long a claim holds before another instance of a shared store may take the task over. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

    private final SparkTaskEndpointSupport<C> endpoint;
    /** Completed tasks whose result could not be fetched: not offered again before the time. */
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();
    private volatile TaskStore store;

    /** When a result that could not be fetched is tried again, and the wait that led there. */
    private record Retry(Duration lastWait, Instant notBefore) {
    }

    /** One task being handed out: claimed, its exchange created, its result on the way. */
    private record HandOut(TaskRecord record, Exchange exchange, CompletableFuture<Void> ready) {
    }

    public SparkTaskConsumer(SparkTaskEndpointSupport<C> endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    private C config() {
        return endpoint.getConfiguration();
    }

    private String provider() {
        return endpoint.providerName();
    }

    @Override
    protected void doStart() throws Exception {
        store = endpoint.taskStore(config());
        endpoint.getComponent().register(config().getTaskGroup(), this);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        endpoint.getComponent().unregister(config().getTaskGroup(), this);
        retries.clear();
    }

    /** Hands out the ended tasks of the group; follows those of its running ones that nobody polls. */
    @Override
    protected int poll() throws Exception {
        SparkTaskComponentSupport component = endpoint.getComponent();
        Instant now = component.getClock().instant();
        List<HandOut> handOuts = new ArrayList<>();
        int followed = 0;
        for (TaskRecord r : store.findPending(provider(), config().getTaskGroup())) {
            if (!isHandedOutHere(r, component)) {
                continue;
            }
            if (!r.state().isFinished()) {
                followed += follow(r, component) ? 1 : 0;
                continue;
            }
            Retry retry = retries.get(r.taskId());
            if (retry == null || !now.isBefore(retry.notBefore())) {
                HandOut h = start(r, component);
                if (h != null) {
                    handOuts.add(h);
                }
            }
        }
        if (followed > 0) {
            LOG.info("{}: tasks consumer of group '{}' took over {} recorded task(s)", provider(),
                    config().getTaskGroup(), followed);
        }
        int handed = 0;
        for (HandOut h : handOuts) {
            handed += handOut(h) ? 1 : 0;
        }
        return handed;
    }

    /**
     * Tasks of {@code submit}, and {@code generate} tasks without a task key left by a previous run (nothing else
     * could resume them); not those an exchange of this run waits for, nor parked ones.
     */
    private static boolean isHandedOutHere(TaskRecord r, SparkTaskComponentSupport component) {
        return r.delivery() == TaskDelivery.CONSUMER
               || r.delivery() == TaskDelivery.EXCHANGE && r.taskKey() == null && fromEarlierRun(r, component);
    }

    private static boolean fromEarlierRun(TaskRecord r, SparkTaskComponentSupport component) {
        return r.submittedAt() != null && r.submittedAt().isBefore(component.startedAt());
    }

    /** Polls a running task nobody polls; its end is written to the store. Whether it was taken over now. */
    private boolean follow(TaskRecord r, SparkTaskComponentSupport component) {
        if (component.getPoller().isTracking(r.taskId())) {
            return false;
        }
        // a task of an earlier run is read at once; one of this run (its producer just recorded it) after the interval
        endpoint.track(r, config(), fromEarlierRun(r, component));
        return true;
    }

    /** Claims the task and starts fetching its result; null when someone else hands it out. */
    private HandOut start(TaskRecord r, SparkTaskComponentSupport component) {
        if (!store.claim(provider(), r.taskId(), component.owner(), component.getClock().instant().plus(CLAIM_LEASE))) {
            return null;
        }
        Exchange exchange = createExchange(false);
        CorrelationHeaders.restore(exchange.getMessage(), r.headers());
        CompletableFuture<Void> ready;
        try {
            ready = endpoint.deliver(exchange, r, null, config());
        } catch (RuntimeException e) {
            ready = CompletableFuture.failedFuture(e);
        }
        return new HandOut(r, exchange, ready);
    }

    /** Routes one task's exchange once its result is in; false when it was not handed out (yet). */
    private boolean handOut(HandOut h) {
        TaskRecord r = h.record();
        Throwable error = awaitResult(h.ready());
        if (!isRunAllowed() || error instanceof InterruptedException) {
            giveBack(h); // stopping: it stays recorded for the next start
            return false;
        }
        if (error != null && r.state() == TaskState.COMPLETED && mayPass(error)) {
            giveBack(h); // the task is fine, its result could not be fetched yet: nothing is handed out
            retryLater(r, error);
            return false;
        }
        retries.remove(r.taskId());
        Exchange exchange = h.exchange();
        if (error != null) {
            SparkErrorProperties.fail(exchange, error);
        }
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            TaskEnds.handedOut(store, r);
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing the exchange of task " + r.taskId(), exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
        }
        return true;
    }

    private static Throwable awaitResult(CompletableFuture<Void> ready) {
        try {
            ready.get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return SparkApiException.unwrap(e.getCause());
        }
    }

    private void giveBack(HandOut h) {
        releaseExchange(h.exchange(), false);
        store.release(provider(), h.record().taskId(), endpoint.getComponent().owner());
    }

    /** Whether a failed download may work later: a transport failure or a 5xx/429, not a refusal or a size limit. */
    private static boolean mayPass(Throwable error) {
        return !(error instanceof SparkApiException spark) || spark.isTransient();
    }

    private void retryLater(TaskRecord record, Throwable error) {
        PollSchedule schedule = config().pollSchedule();
        Retry last = retries.get(record.taskId());
        Duration wait = last == null ? schedule.interval() : schedule.next(last.lastWait());
        retries.put(record.taskId(), new Retry(wait, endpoint.getComponent().getClock().instant().plus(wait)));
        LOG.warn("{}: task {} completed but its result could not be fetched ({}); trying again in {} ms", provider(),
                record.taskId(), error.getMessage(), wait.toMillis());
    }
}
