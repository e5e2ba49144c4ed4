package dev.camelspark.routes;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import dev.camelspark.support.task.FileTaskStore;
import dev.camelspark.support.task.TaskStore;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beans the routes use by name, the same for the YAML, XML and Java DSL copies of the routes, so each copy is
 * only the flow and none carries logic of its own.
 */
public class BatchBeans implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger("camel-spark.batch");

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        PropertiesComponent properties = camelContext.getPropertiesComponent();
        String dir = properties.resolveProperty("spark.batch.dir").orElse("work");
        int batchConcurrency = properties.resolveProperty("spark.batch.batch-concurrency").map(Integer::parseInt).orElse(4);
        int maxInFlight = properties.resolveProperty("spark.batch.max-in-flight").map(Integer::parseInt).orElse(8);
        Registry registry = camelContext.getRegistry();
        // one store for both asynchronous components, so progress can read what they recorded: a folder of files, or
        // in the cluster profile the database's task table, with the inputs claimed there too
        TaskStore tasks;
        if (properties.resolveProperty("spark.cluster.enabled").map(Boolean::parseBoolean).orElse(false)) {
            ClusterSettings cluster = ClusterSettings.of(properties);
            tasks = cluster.start(camelContext);
        } else {
            tasks = new FileTaskStore(Path.of(dir, "state", "tasks"));
            tasks.start();
            // the read lock is changed: nothing reads this (the routes name it for the cluster profile's read lock)
            registry.bind("inboxLocks", MemoryIdempotentRepository.memoryIdempotentRepository());
        }
        registry.bind("taskStore", tasks);
        camelContext.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                tasks.stop();
            }
        }, true, false);
        BatchProgress progress = new BatchProgress(tasks);
        registry.bind("progress", progress);
        boolean bar = properties.resolveProperty("spark.batch.progress-bar").map(Boolean::parseBoolean).orElse(true);
        if (bar && TerminalProgress.onTerminal()) {
            long period = properties.resolveProperty("spark.batch.progress-bar-period").map(Long::parseLong).orElse(250L);
            camelContext.addService(new TerminalProgress(camelContext, progress, period), true, true);
        }
        // which job owns each output name, and each answer once it arrived (so a crash after it never calls again)
        OutputLedger ledger = new OutputLedger(Path.of(dir, "state"), Path.of(dir, "outbox"));
        registry.bind("jobReader", new JobReader(ledger));
        registry.bind("outbox", new OutboxWriter(Path.of(dir, "outbox"), ledger));
        registry.bind("jobRunner", new JobRunner());
        registry.bind("inFlight", new InFlightLimit(maxInFlight, progress::jobRunning));
        // the prompt and job files held at once (none in the default profile; the cluster profile's lanes)
        int inputsHeld = properties.resolveProperty(InputLimit.OPTION).map(Integer::parseInt).orElse(0);
        registry.bind("inputLimit", new InputLimit(inputsHeld));
        // the inbox routes' filter: a name Camel's file component cannot read goes to .error/ instead of sticking
        registry.bind("inboxNames", new UnreadableNames(Path.of(dir, "inbox"), progress));
        registry.bind("jobFailures", new JobFailures(Path.of(dir, "inbox", ".error"), progress, ledger));
        registry.bind("batchResult", new BatchResult(Path.of(dir, "outbox"), progress, ledger));
        // the lines of a batch run on this pool; inFlight (in run-job) caps the calls in flight overall
        ExecutorService batchPool = camelContext.getExecutorServiceManager()
                .newFixedThreadPool(this, "camel-spark-batch-lines", batchConcurrency);
        registry.bind("batchPool", batchPool);
        camelContext.addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // not yet: the routes start after this
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                Path root = Path.of(dir).toAbsolutePath().normalize();
                LOG.info("ready: watching {}, results in {}", root.resolve("inbox"), root.resolve("outbox"));
            }
        });
    }
}
