package dev.camelspark.support.task;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.camelspark.support.SparkComponentSupport;
import org.apache.camel.RuntimeCamelException;

/**
 * The base of components whose generation is a task (Spark Dream, NeoSpark): on top of the HTTP client, one
 * {@link TaskPoller} on the component's small scheduler, the task stores its endpoints name (one memory store, one
 * file store per directory, one jdbc store on the registry's data source, or beans), and the {@code tasks} consumers by group (one per group).
 */
public abstract class SparkTaskComponentSupport extends SparkComponentSupport {

    private final String owner = UUID.randomUUID().toString();
    private final Map<String, TaskStore> ownedStores = new ConcurrentHashMap<>();
    private final Map<String, SparkTaskConsumer<?>> consumers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<?>> submitting = new ConcurrentHashMap<>();
    private volatile TaskPoller poller;
    private volatile Instant startedAt;

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        startedAt = getClock().instant();
        poller = new TaskPoller(providerName(), getScheduler(), getClock(), owner);
        poller.setMetrics(getMetrics());
    }

    @Override
    protected void doStop() throws Exception {
        if (poller != null) {
            poller.stop(); // exchanges still waiting fail now; their tasks stay recorded for the restart
        }
        super.doStop();
        List<TaskStore> stores = new ArrayList<>(ownedStores.values());
        ownedStores.clear();
        for (TaskStore store : stores) {
            store.stop();
        }
    }

    public TaskPoller getPoller() {
        TaskPoller p = poller;
        if (p == null) {
            awaitStart();
            p = poller;
        }
        if (p == null) {
            throw new IllegalStateException(providerName() + " component is not started");
        }
        return p;
    }

    /** Identifies this component instance in store claims. */
    public String owner() {
        return owner;
    }

    /** When this component instance started: records submitted earlier come from a previous run. */
    public Instant startedAt() {
        return startedAt;
    }

    /**
     * The store {@code taskStore} names: the component's one memory store, the file store of a directory (opened and
     * loaded on first use), or a bean from the registry.
     */
    public TaskStore taskStore(SparkTaskConfiguration config) {
        if (config.getTaskStore() instanceof TaskStore bean) {
            return bean;
        }
        String spec = String.valueOf(config.getTaskStore());
        if (spec.startsWith("#")) {
            String name = spec.substring(1).replaceFirst("^bean:", "");
            TaskStore bean = getCamelContext().getRegistry().lookupByNameAndType(name, TaskStore.class);
            if (bean == null) {
                throw new IllegalArgumentException(providerName() + ": invalid taskStore '" + spec + "': no bean named '"
                                                   + name + "' implementing " + TaskStore.class.getName());
            }
            return bean;
        }
        if (SparkTaskConfiguration.FILE_STORE.equals(spec)) {
            Path dir = Path.of(config.getTaskStoreDirectory()).toAbsolutePath().normalize();
            return ownedStores.computeIfAbsent("file:" + dir, k -> started(new FileTaskStore(dir, getClock())));
        }
        if (SparkTaskConfiguration.JDBC_STORE.equals(spec)) {
            return ownedStores.computeIfAbsent(spec, k -> started(new JdbcTaskStore(dataSource(), getClock())));
        }
        return ownedStores.computeIfAbsent(SparkTaskConfiguration.MEMORY_STORE,
                k -> started(new MemoryTaskStore(getClock())));
    }

    /** The one {@link DataSource} of the registry, for {@code taskStore=jdbc}. */
    private DataSource dataSource() {
        Set<DataSource> found = getCamelContext().getRegistry().findByType(DataSource.class);
        if (found.size() != 1) {
            throw new IllegalArgumentException(providerName() + ": invalid taskStore 'jdbc': it needs exactly one bean"
                                               + " implementing javax.sql.DataSource in the registry, found "
                                               + found.size() + "; with several, bind a " + JdbcTaskStore.class.getName()
                                               + " on the one to use and set taskStore=#name");
        }
        return found.iterator().next();
    }

    private TaskStore started(TaskStore store) {
        try {
            store.start();
        } catch (Exception e) {
            throw new RuntimeCamelException(providerName() + ": cannot open " + store + ": " + e.getMessage(), e);
        }
        return store;
    }

    /**
     * Runs one submission per task key at a time: a second exchange with the same key while the first is still
     * creating its task waits for that one instead of paying for another.
     */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> oncePerKey(String taskKey, Supplier<CompletableFuture<T>> submission) {
        if (taskKey == null) {
            return submission.get();
        }
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<?> running = submitting.putIfAbsent(taskKey, mine);
        if (running != null) {
            return (CompletableFuture<T>) running;
        }
        CompletableFuture<T> work;
        try {
            work = submission.get();
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        work.whenComplete((value, error) -> {
            submitting.remove(taskKey, mine);
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                mine.complete(value);
            }
        });
        return mine;
    }

    void register(String group, SparkTaskConsumer<?> consumer) {
        SparkTaskConsumer<?> other = consumers.putIfAbsent(group, consumer);
        if (other != null && other != consumer) {
            throw new IllegalStateException(providerName() + ": taskGroup '" + group
                                            + "' already has a tasks consumer (" + other.getEndpoint().getEndpointUri()
                                            + "); give each consumer its own group");
        }
    }

    void unregister(String group, SparkTaskConsumer<?> consumer) {
        consumers.remove(group, consumer);
    }
}
