package dev.camelspark.support.task;

import java.time.Duration;
import java.util.List;

import dev.camelspark.support.SparkChecks;
import dev.camelspark.support.SparkMediaConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of components whose generation is a paid task that is created, then polled (Spark Dream, NeoSpark):
 * how often and how long to poll, where tasks are recorded, which consumer hands them out, and which headers travel
 * with them. Each component declares {@code pollTimeout} with its own default, as it declares {@code baseUrl}.
 */
@UriParams
public abstract class SparkTaskConfiguration extends SparkMediaConfiguration {

    public static final String MEMORY_STORE = "memory";
    public static final String FILE_STORE = "file";
    public static final String JDBC_STORE = "jdbc";
    public static final String ON_UNKNOWN_FAIL = "fail";
    public static final String ON_UNKNOWN_RETRY = "retry";

    @UriParam(label = "task", defaultValue = "2000", javaType = "java.time.Duration",
              description = "How long to wait before the first status poll of a task; each following wait is 1.5 times longer, up to maxPollInterval.")
    private long pollInterval = 2_000;
    @UriParam(label = "task", defaultValue = "15000", javaType = "java.time.Duration",
              description = "The longest wait between two status polls of a task.")
    private long maxPollInterval = 15_000;
    // Object, not String: Camel resolves #bean:name (and #type:) to the bean before the option is set, and a String
    // option would get the bean's toString(); the enum makes tooling offer memory and file, and accept #name
    @UriParam(label = "task", defaultValue = MEMORY_STORE, javaType = "java.lang.Object", enums = "memory,file,jdbc",
              description = "Where submitted tasks are recorded, before polling starts: memory (lost with the JVM), file (one JSON document per task in taskStoreDirectory, written atomically; a restart resumes the tasks instead of paying for them again), jdbc (a table in the one javax.sql.DataSource bean of the registry, PostgreSQL, shared by several instances: each task is polled and handed out by one of them, and taken over when it dies), or a bean implementing dev.camelspark.support.task.TaskStore (#name). Set it on the component so producers and the tasks consumer share it.")
    private Object taskStore = MEMORY_STORE;
    @UriParam(label = "task",
              description = "The directory of taskStore=file; created when missing. One JVM per directory.")
    private String taskStoreDirectory;
    @UriParam(label = "task", defaultValue = "default",
              description = "The group of the tasks a producer submits, and of the tasks a tasks consumer hands out: each group has its own consumer.")
    private String taskGroup = "default";
    @UriParam(label = "task", defaultValue = CorrelationHeaders.DEFAULT,
              description = "The exchange headers saved with a task when it is submitted and restored on the exchange that hands it out: comma-separated names, each may end with an asterisk (a prefix match); an asterisk alone saves all. Only text, number and boolean values are saved. The default keeps the file consumer's headers, so to(\"file:out\") writes the result under the input's name.")
    private String correlationHeaders = CorrelationHeaders.DEFAULT;
    @UriParam(label = "task", defaultValue = ON_UNKNOWN_FAIL, enums = "fail,retry",
              description = "What the same input does when an earlier create call of it has an unknown outcome: the process died (or the call failed without an answer, or with a 5xx) after the request was sent and before its task was recorded, so the task may exist and be paid. The store records an intent before each create call to know it. When the provider's task list cannot tell (NeoSpark videos are looked up there by prompt and time), fail (the default) fails the exchange with a TaskOutcomeUnknownException saying so; retry creates the task again, which may pay for it twice.")
    private String onUnknownOutcome = ON_UNKNOWN_FAIL;
    // a number (not BigDecimal, which tooling takes for a bean reference): NeoSpark's prices are whole credits
    @UriParam(label = "task",
              description = "NeoSpark: the most a single task may cost, in credits; a task estimated above it is refused before it is created. Not set: no limit. Spark Dream refuses it at start: its price of a task is only known once the task has completed.")
    private Double maxCostPerTask;

    /** The longest a task is polled before the exchange fails with a task timeout; each component sets its default. */
    public abstract long getPollTimeout();

    public abstract void setPollTimeout(long pollTimeout);

    @Override
    public void validate(String provider) {
        super.validate(provider);
        SparkChecks checks = SparkChecks.of(provider)
                .atLeast("pollInterval", pollInterval, 1)
                .atLeast("maxPollInterval", maxPollInterval, pollInterval)
                .atLeast("pollTimeout", getPollTimeout(), 1)
                .that(taskStore instanceof TaskStore || MEMORY_STORE.equals(taskStore) || FILE_STORE.equals(taskStore)
                      || JDBC_STORE.equals(taskStore)
                      || taskStore instanceof String s && s.startsWith("#") && s.length() > 1, "taskStore", taskStore,
                        "memory, file, jdbc, or a bean implementing " + TaskStore.class.getName() + " (#name)")
                .notBlank("taskGroup", taskGroup)
                .oneOf("onUnknownOutcome", onUnknownOutcome, List.of(ON_UNKNOWN_FAIL, ON_UNKNOWN_RETRY))
                .atLeast("maxCostPerTask", maxCostPerTask, 0);
        if (FILE_STORE.equals(taskStore)) {
            checks.notBlank("taskStoreDirectory (required with taskStore=file)", taskStoreDirectory);
        }
    }

    /** How tasks submitted with this configuration are polled. */
    public PollSchedule pollSchedule() {
        return new PollSchedule(Duration.ofMillis(pollInterval), Duration.ofMillis(maxPollInterval));
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getMaxPollInterval() {
        return maxPollInterval;
    }

    public void setMaxPollInterval(long maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
    }

    /** {@code memory}, {@code file}, {@code jdbc}, a {@link TaskStore}, or {@code #name} of one not found in the registry (yet). */
    public Object getTaskStore() {
        return taskStore;
    }

    public void setTaskStore(Object taskStore) {
        this.taskStore = taskStore;
    }

    public String getTaskStoreDirectory() {
        return taskStoreDirectory;
    }

    public void setTaskStoreDirectory(String taskStoreDirectory) {
        this.taskStoreDirectory = taskStoreDirectory;
    }

    public String getTaskGroup() {
        return taskGroup;
    }

    public void setTaskGroup(String taskGroup) {
        this.taskGroup = taskGroup;
    }

    public String getCorrelationHeaders() {
        return correlationHeaders;
    }

    public void setCorrelationHeaders(String correlationHeaders) {
        this.correlationHeaders = correlationHeaders;
    }

    public String getOnUnknownOutcome() {
        return onUnknownOutcome;
    }

    public void setOnUnknownOutcome(String onUnknownOutcome) {
        this.onUnknownOutcome = onUnknownOutcome;
    }

    public Double getMaxCostPerTask() {
        return maxCostPerTask;
    }

    public void setMaxCostPerTask(Double maxCostPerTask) {
        this.maxCostPerTask = maxCostPerTask;
    }
}
