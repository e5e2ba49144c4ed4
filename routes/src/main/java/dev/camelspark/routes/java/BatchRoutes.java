package dev.camelspark.routes.java;

import dev.camelspark.routes.BatchBeans;
import dev.camelspark.routes.Job;
import dev.camelspark.routes.JobReader;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The batch generation application's routes in the Java DSL: the same routes as {@code routes/yaml/batch.yaml} (read
 * its header). Selected with {@code spark.batch.dsl=java}. Beans: {@link BatchBeans}.
 */
public class BatchRoutes extends RouteConfigurationBuilder {

    private static final String INPUT = "file:{{spark.batch.dir}}/inbox?recursive=true&charset=UTF-8&readLock=changed"
                                        + "&readLockMinAge={{spark.batch.read-lock-min-age}}"
                                        + "&move=.done/${file:name}";

    @Override
    public void configuration() {
        // not handled: jobFailures moves a failed input to .error/ and leaves one interrupted by a shutdown in the inbox
        routeConfiguration("input-errors")
                .onException(Exception.class).handled(false)
                    .bean("jobFailures", "record");
        // failures of a job go back to its caller (a file route, or a batch line), which records them once
        routeConfiguration("passthrough").errorHandler(noErrorHandler());
    }

    @Override
    public void configure() {
        from(INPUT + "&antInclude=**/*.txt&antExclude=jobs/**,batches/**,.done/**,.error/**")
                .routeId("prompt-files").routeConfigurationId("input-errors")
                .threads().poolSize("{{spark.batch.concurrency}}").maxPoolSize("{{spark.batch.concurrency}}")
                .setProperty(Job.PROPERTY, method(JobReader.class, "promptFile"))
                .to("direct:run-job");

        from(INPUT + "&antInclude=jobs/*.json,jobs/*.yaml,jobs/*.yml")
                .routeId("job-files").routeConfigurationId("input-errors")
                .threads().poolSize("{{spark.batch.concurrency}}").maxPoolSize("{{spark.batch.concurrency}}")
                .setProperty(Job.PROPERTY, method(JobReader.class, "jobFile"))
                .to("direct:run-job");

        from(INPUT + "&antInclude=batches/**/*.csv,batches/**/*.jsonl")
                .routeId("batch-files").routeConfigurationId("input-errors")
                .setProperty("sparkBatchTotal", method(JobReader.class, "countLines"))
                .bean("progress", "batchStarted(${exchange}, ${exchangeProperty.sparkBatchTotal})")
                .split(method(JobReader.class, "batchLines")).streaming().parallelProcessing()
                        .executorService("batchPool").aggregationStrategy("batchResult")
                    .doTry()
                        .setProperty("sparkBatchLine", simple("${body}"))
                        .setProperty(Job.PROPERTY, simple("${body.jobOrFail()}"))
                        .to("direct:run-job")
                    // a failed line is recorded in the batch result; the others carry on
                    .doCatch(Exception.class)
                        .setProperty("sparkLineFailed", constant(true))
                    .end()
                .end()
                .bean("batchResult", "write");

        from("direct:run-job").routeId("run-job").routeConfigurationId("passthrough")
                .choice()
                    .when(method("outbox", "alreadyDone"))
                        .bean("progress", "jobFinished")
                        .stop()
                .end()
                .bean("progress", "jobStarted")
                .bean("jobRunner", "prepare")
                // at most this many generations in flight at once, whatever their source
                .throttle(constant("{{spark.batch.max-in-flight}}"))
                .toD("${exchangeProperty.sparkEndpoint}")
                .bean("outbox", "write")
                .bean("progress", "jobFinished");

        from("timer:progress?period={{spark.batch.progress-period}}&delay={{spark.batch.progress-period}}")
                .routeId("progress")
                .bean("progress", "tick");
    }
}
