package dev.camelspark.routes.java;

import dev.camelspark.routes.BatchBeans;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The batch generation application's routes in the Java DSL: the same routes as {@code routes/yaml/batch.yaml} (read
 * its header). Selected with {@code spark.batch.dsl=java}. Beans: {@link BatchBeans}.
 */
public class BatchRoutes extends RouteConfigurationBuilder {

    private static final String INPUT = "file:{{spark.batch.dir}}/inbox?recursive=true&readLock={{spark.batch.read-lock}}"
                                        + "&readLockMinAge={{spark.batch.read-lock-min-age}}"
                                        + "&readLockCheckInterval={{spark.batch.read-lock-check-interval}}"
                                        + "&delay={{spark.batch.poll-delay}}&readLockMinLength=0"
                                        + "&idempotentRepository=#inboxLocks&readLockRemoveOnCommit=true"
                                        + "&maxMessagesPerPoll={{spark.batch.max-messages-per-poll}}"
                                        + "&eagerMaxMessagesPerPoll=false&shuffle={{spark.batch.shuffle}}"
                                        + "&filter=#inboxNames&move=.done/${file:name}";

    @Override
    public void configuration() {
        // not handled: jobFailures moves a failed input to .error/ and leaves one interrupted by a shutdown in the inbox
        routeConfiguration("input-errors")
                .onException(Exception.class).handled(false)
                    // jobFailures logs one readable line; no stack trace for a bad input
                    .logExhausted(false)
                    .bean("jobFailures", "record");
        // failures of a job go back to its caller (a file route, or a batch line), which records them once
        routeConfiguration("passthrough").errorHandler(noErrorHandler());
    }

    @Override
    public void configure() {
        from(INPUT + "&antInclude=**/*.txt&antExclude=jobs/**,batches/**,.done/**,.error/**")
                .routeId("prompt-files").routeConfigurationId("input-errors")
                // on the consumer's thread: with a limit (cluster profile), the next input is claimed once it can start
                .bean("inputLimit", "acquire")
                .threads().poolSize("{{spark.batch.concurrency}}").maxPoolSize("{{spark.batch.concurrency}}")
                .bean("jobReader", "promptFile")
                .to("direct:run-job");

        from(INPUT + "&antInclude=jobs/*.json,jobs/*.yaml,jobs/*.yml")
                .routeId("job-files").routeConfigurationId("input-errors")
                // on the consumer's thread: with a limit (cluster profile), the next input is claimed once it can start
                .bean("inputLimit", "acquire")
                .threads().poolSize("{{spark.batch.concurrency}}").maxPoolSize("{{spark.batch.concurrency}}")
                .bean("jobReader", "jobFile")
                .to("direct:run-job");

        from(INPUT + "&antInclude=batches/**/*.csv,batches/**/*.jsonl")
                .routeId("batch-files").routeConfigurationId("input-errors")
                // counts the lines (an unreadable CSV fails the batch here, before any call) and claims its outbox folder
                .bean("jobReader", "startBatch")
                .bean("progress", "batchStarted(${exchange}, ${exchangeProperty.sparkBatchTotal})")
                .split(method("jobReader", "batchLines")).streaming().parallelProcessing()
                        .executorService("batchPool").aggregationStrategy("batchResult")
                    .doTry()
                        // the line's job, or the reason it could not be read
                        .bean("jobReader", "batchLine")
                        .to("direct:run-job")
                    // a failed line is recorded in the batch result; the others carry on
                    .doCatch(Exception.class)
                        .setProperty("sparkLineFailed", constant(true))
                    .end()
                .end()
                .bean("batchResult", "write");

        from("direct:run-job").routeId("run-job").routeConfigurationId("passthrough")
                // the job's output name, claimed before any call; done already when its result is in the outbox or recorded
                .bean("outbox", "claim")
                // (a filter, not a stop: a stopped batch line would stop its whole batch)
                .filter(simple("${exchangeProperty.sparkAlreadyDone} != true"))
                    .bean("progress", "jobStarted")
                    .bean("jobRunner", "prepare")
                    // at most spark.batch.max-in-flight generations in flight at once, whatever their source (a permit
                    // is held until the job's exchange completes, so an asynchronous task waiting for its result counts)
                    .bean("inFlight", "acquire")
                    .toD("${exchangeProperty.sparkEndpoint}")
                    .bean("outbox", "write")
                .end()
                .bean("progress", "jobFinished");

        from("timer:progress?period={{spark.batch.progress-period}}&delay={{spark.batch.progress-period}}")
                .routeId("progress")
                .bean("progress", "tick");
    }
}
