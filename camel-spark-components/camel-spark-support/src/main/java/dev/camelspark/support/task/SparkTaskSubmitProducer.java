package dev.camelspark.support.task;

import static dev.camelspark.support.SparkCallHeaders.setCallHeaders;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.camelspark.support.SparkProducerSupport;
import dev.camelspark.support.error.SparkApiException;
import dev.camelspark.support.error.SparkTransportException;
import dev.camelspark.support.http.SparkHashes;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer of every operation that submits a paid task: {@code sparkdream:generate} and {@code neospark:image}
 * (which wait for it, {@link TaskDelivery#EXCHANGE}) and {@code sparkdream:submit} (which returns its id at once and
 * leaves it to the {@code tasks} consumer, {@link TaskDelivery#CONSUMER}). What is the provider's own comes from the
 * endpoint's {@link TaskProvider}.
 *
 * <p>In order: the provider checks the input and builds the create call ({@link TaskProvider#prepare}, before any
 * call); if a
 * task with the same task key is recorded and not handed out yet, it is resumed instead of created again; otherwise
 * the create call is made (never resent when its outcome is unknown), its answer read
 * ({@link TaskProvider#readCreated}) and the
 * task recorded in the store <em>before</em> polling starts. A waiting exchange completes from the poller's callback
 * once the task has ended and its media is downloaded: the route's thread is free meanwhile.
 *
 * <p>The record of a waited-for task is marked delivered once its result has been handed over: when its exchange
 * completes successfully, or fails with the task's own outcome (failed, cancelled). A completed task whose exchange
 * fails otherwise (its download failed, or a later step of the route) keeps its record, media URLs included, so the
 * same input sent again, or a restart, hands the result out again without paying again. A task whose tracking ended
 * without the provider's final word (it timed out, or its status could not be read until {@code pollTimeout}) may
 * still complete: its failure is handed out, and its record is kept ({@link TaskDelivery#PARKED}) when it has a task
 * key, so the same input sent again polls that task again, with a new deadline, instead of creating another.
 *
 * <p>The create window: a keyed submission records an intent ({@link TaskIntent}) in the store before its create call
 * and forgets it once the task is recorded or the provider refused the call. An intent found when the same input
 * comes again (the process died in between, or the call failed with an unknown outcome) means the task may exist:
 * the provider's task list is asked ({@link TaskProvider#reconcile}); a task found there is adopted and polled, none
 * found is created; when the provider cannot tell, {@code onUnknownOutcome=fail} (the default) fails with a
 * {@link TaskOutcomeUnknownException} rather than pay twice, and {@code retry} creates it again.
 */
public class SparkTaskSubmitProducer<C extends SparkTaskConfiguration> extends SparkProducerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SparkTaskSubmitProducer.class);
    private final SparkTaskEndpointSupport<C> endpoint;
    private final String kind;
    private final TaskDelivery delivery;

    /**
     * @param kind     what is submitted, as the task is recorded ({@link TaskRecord#operation()}): {@code generate},
     *                 {@code image}, {@code video}
     * @param delivery who hands the finished task out
     */
    public SparkTaskSubmitProducer(SparkTaskEndpointSupport<C> endpoint, String kind, TaskDelivery delivery) {
        super(endpoint);
        this.endpoint = endpoint;
        this.kind = kind;
        this.delivery = delivery;
    }

    @Override
    public SparkTaskEndpointSupport<C> getEndpoint() {
        return endpoint;
    }

    /** A task recorded for this submission, and whether it was found in the store rather than created now. */
    private record Submission(TaskRecord record, boolean resumed) {
    }

    @Override
    protected CompletableFuture<?> send(Exchange exchange) {
        C config = getEndpoint().configurationFor(exchange);
        TaskCreation creation = getEndpoint().tasks().prepare(exchange, kind, config);
        // the delivery is part of the key: the same input through generate and through submit is two tasks
        String taskKey = TaskKeys.of(exchange, creation.operation() + "/" + delivery, creation.body());
        TaskStore store = getEndpoint().taskStore(config);
        CompletableFuture<Submission> submission = getEndpoint().getComponent().oncePerKey(taskKey,
                () -> store.findByKey(provider(), taskKey)
                        .map(existing -> CompletableFuture.completedFuture(
                                new Submission(resume(existing, config, store), true)))
                        .orElseGet(() -> store.findIntent(provider(), taskKey)
                                .map(intent -> reconcile(exchange, config, creation, intent, store))
                                .orElseGet(() -> create(exchange, config, creation, taskKey, store))));
        return submission.thenCompose(s -> {
            SparkTaskEndpointSupport.setTaskHeaders(exchange.getMessage(), s.record());
            if (delivery == TaskDelivery.CONSUMER) {
                exchange.getMessage().setBody(s.record().taskId());
                // the tasks consumer finds it in the store once it has ended
                getEndpoint().track(s.record(), config, s.resumed());
                return CompletableFuture.completedFuture(null);
            }
            // the download runs on a worker: the poller's scheduler completed the tracking
            return getEndpoint().track(s.record(), config, s.resumed())
                    .handleAsync((end, error) -> handOut(exchange, config, store, end != null ? end : s.record(), error),
                            getEndpoint().getComponent().getWorkers())
                    .thenCompose(f -> f);
        });
    }

    /**
     * The recorded task of this input, polled again with a new deadline when its tracking ended unsettled (timed out,
     * status unreadable): it was paid for and may have completed meanwhile.
     */
    private TaskRecord resume(TaskRecord existing, C config, TaskStore store) {
        // a death between recording the task and forgetting its intent left it behind
        forget(store, existing.taskKey());
        if (!existing.endedUnsettled()) {
            return existing;
        }
        TaskRecord again = existing.resumed(delivery,
                getEndpoint().getComponent().getClock().instant().plusMillis(config.getPollTimeout()));
        store.save(again);
        LOG.info("{}: the same input came again; polling its task {} again (it had {}), not creating another",
                provider(), again.taskId(), existing.state() == TaskState.TIMED_OUT ? "timed out" : "become unreadable");
        return again;
    }

    private CompletableFuture<Submission> create(Exchange exchange, C config, TaskCreation creation,
                                                 String taskKey, TaskStore store) {
        TaskProvider<C> provider = getEndpoint().tasks();
        return provider.beforeCreate(exchange, creation, config)
                .thenCompose(ready -> createRecorded(exchange, config, creation, taskKey, store, provider));
    }

    /** Records the intent, then sends the paid call and records its task. */
    private CompletableFuture<Submission> createRecorded(Exchange exchange, C config, TaskCreation creation,
                                                         String taskKey, TaskStore store, TaskProvider<C> provider) {
        if (taskKey != null) {
            try {
                store.saveIntent(new TaskIntent(provider(), taskKey, creation.operation(),
                        SparkHashes.sha256Hex(creation.body(), 8), getEndpoint().getComponent().getClock().instant()));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(new SparkApiException(provider(), 0, null, "cannot record the"
                        + " intent to create a task in the task store, so nothing was sent: " + e.getMessage(), null,
                        null, e));
            }
        }
        return provider.create(exchange, creation, config).whenComplete((response, error) -> {
            if (error != null && taskKey != null && refused(error)) {
                forget(store, taskKey); // answered with a refusal: no task exists
            }
        }).thenApply(response -> {
            setCallHeaders(exchange, response.rateLimit(), response.attempts());
            TaskSnapshot created = provider.readCreated(response, creation);
            TaskRecord record = record(exchange, config, creation, taskKey, created);
            if (record.state().isFinished() && record.state() != TaskState.COMPLETED) {
                // refused as it was created (a validation failure answered as a failed task): nothing to poll or resume
                forget(store, taskKey);
                SparkTaskEndpointSupport.setTaskHeaders(exchange.getMessage(), record);
                throw getEndpoint().failureOf(record);
            }
            TaskPoller poller = getEndpoint().getComponent().getPoller();
            poller.announce(record.taskId()); // tracked by send() next, not by a tasks consumer seeing the record
            try {
                store.save(record);
            } catch (RuntimeException e) {
                poller.withdraw(record.taskId());
                throw new SparkApiException(provider(), 0, null, "task " + record.taskId() + " was created but could not"
                        + " be recorded in the task store, so it is not polled; find it in the provider's task list: "
                        + e.getMessage(), null, null, e);
            }
            forget(store, taskKey);
            return new Submission(record, false);
        });
    }

    private TaskRecord record(Exchange exchange, C config, TaskCreation creation, String taskKey, TaskSnapshot task) {
        Instant now = getEndpoint().getComponent().getClock().instant();
        return TaskRecord.submitted(provider(), creation.operation(), config.getTaskGroup(), taskKey, delivery,
                CorrelationHeaders.of(config.getCorrelationHeaders()).save(exchange.getMessage()), now,
                now.plusMillis(config.getPollTimeout()), task);
    }

    /**
     * Forgets the intent of a call whose outcome is known now. Failing to is no reason to fail the exchange: an intent
     * left behind can only make the same input fail later as an unknown outcome, never pay twice.
     */
    private void forget(TaskStore store, String taskKey) {
        try {
            store.forgetIntent(provider(), taskKey);
        } catch (RuntimeException e) {
            LOG.warn("{}: could not forget the intent of task key {}: {}", provider(), taskKey, e.getMessage());
        }
    }

    /** Whether the create call provably created nothing: answered with a 4xx, or never sent. */
    private static boolean refused(Throwable error) {
        Throwable cause = SparkApiException.unwrap(error);
        if (cause instanceof SparkTransportException transport) {
            return !transport.isOutcomeUnknown();
        }
        return cause instanceof SparkApiException api && api.getHttpStatus() >= 400 && api.getHttpStatus() < 500;
    }

    /**
     * The same input came while its earlier create call has an unknown outcome: the task found in the provider's list
     * is adopted, none found is created; else {@code onUnknownOutcome} decides.
     */
    private CompletableFuture<Submission> reconcile(Exchange exchange, C config, TaskCreation creation,
                                                    TaskIntent intent, TaskStore store) {
        return getEndpoint().tasks().reconcile(intent, creation, config).thenCompose(found -> {
            if (found.task() != null) {
                TaskRecord record = record(exchange, config, creation, intent.taskKey(), found.task());
                store.save(record);
                forget(store, intent.taskKey());
                LOG.info("{}: the create call of this input sent at {} had an unknown outcome; found its task {} in the"
                         + " provider's task list and polling it, not creating another", provider(), intent.at(),
                        record.taskId());
                return CompletableFuture.completedFuture(new Submission(record, true));
            }
            if (found.none()) {
                LOG.info("{}: the create call of this input sent at {} had an unknown outcome and the provider shows"
                         + " no such task; creating it", provider(), intent.at());
                return create(exchange, config, creation, intent.taskKey(), store);
            }
            if (SparkTaskConfiguration.ON_UNKNOWN_RETRY.equals(config.getOnUnknownOutcome())) {
                LOG.warn("{}: the create call of this input sent at {} had an unknown outcome ({}); creating it again"
                         + " (onUnknownOutcome=retry): it may be paid twice", provider(), intent.at(), found.why());
                return create(exchange, config, creation, intent.taskKey(), store);
            }
            return CompletableFuture.failedFuture(new TaskOutcomeUnknownException(intent, found.why()));
        });
    }

    /**
     * The waiting exchange gets the task's result or failure. A task that ended without a result is delivered when the
     * exchange completes, whatever the route did with the failure; a completed one only when its result was made the
     * body and the exchange then succeeded (a download that failed keeps the record, even if the route handled it).
     */
    private CompletableFuture<Void> handOut(Exchange exchange, C config, TaskStore store,
                                            TaskRecord end, Throwable error) {
        Throwable failure = error == null ? null : SparkApiException.unwrap(error);
        if (failure instanceof TaskAbandonedException) {
            return CompletableFuture.failedFuture(failure); // not handed out: it stays recorded for the restart
        }
        if (failure instanceof TaskHandedOutElsewhereException) {
            return CompletableFuture.failedFuture(failure); // another instance of a shared store handed it out
        }
        boolean result = failure == null && end.state() == TaskState.COMPLETED;
        AtomicBoolean handedOver = new AtomicBoolean(!result);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                if (handedOver.get()) {
                    TaskEnds.handedOut(store, end);
                }
            }

            @Override
            public void onFailure(Exchange done) {
                if (!result) {
                    TaskEnds.handedOut(store, end); // the failure was the task's own: it is told
                }
            }
        });
        return getEndpoint().deliver(exchange, end, failure, config).thenRun(() -> handedOver.set(true));
    }
}
