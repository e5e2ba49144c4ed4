package dev.camelspark.support;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import dev.camelspark.support.http.ClientRateLimiter;
import dev.camelspark.support.http.DefaultErrorDecoder;
import dev.camelspark.support.http.SparkApiClient;
import dev.camelspark.support.http.SparkErrorDecoder;
import dev.camelspark.support.http.SparkHttpTransport;
import dev.camelspark.support.http.TransportSettings;
import dev.camelspark.support.media.MediaDownloader;
import dev.camelspark.support.observe.HealthProbes;
import dev.camelspark.support.observe.SparkMetrics;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * What the five components share: the configuration copied into each endpoint, and one HTTP client (with its
 * client-side limiter) created when the component starts and closed when it stops, with two thread pools from
 * Camel's {@code ExecutorServiceManager}: a small scheduler that only times waits and makes status polls (short
 * calls), and the workers that do everything that may take long: media downloads, retried calls, and the rest of
 * the route after a producer completes asynchronously. So a slow route step (an upload) holds a worker, never the
 * polling of other tasks.
 */
public abstract class SparkComponentSupport extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(label = "security", description = "TLS settings for the calls to the API.")
    private SSLContextParameters sslContextParameters;
    @Metadata(label = "security", defaultValue = "false", description = "Use Camel's global TLS settings.")
    private boolean useGlobalSslContextParameters;
    @Metadata(label = "proxy", description = "An HTTP proxy host for the calls to the API. Without it the JVM's http(s).proxyHost properties apply.")
    private String proxyHost;
    @Metadata(label = "proxy", defaultValue = "0", description = "The HTTP proxy port (0: the scheme's default port).")
    private int proxyPort;
    @Metadata(label = "advanced", defaultValue = "4",
              description = "Threads that time the component's waits (poll intervals, retry backoff, rate limits) and make the status polls of tasks: short calls only, never a download or a route step.")
    private int schedulerPoolSize = 4;
    @Metadata(label = "advanced", defaultValue = "10",
              description = "Threads that download media, make retried calls and continue exchanges after a producer completed asynchronously (the rest of the route runs on them up to its next asynchronous step). A route step that blocks, such as an upload, holds one of them, never a polling thread; work beyond them waits in a queue.")
    private int workerPoolSize = 10;
    @Metadata(label = "advanced", defaultValue = "0",
              description = "The size of the component's HTTP connection pool (to all hosts together, and to any one host). 0: the component's maxConcurrentRequests when that is set, else 100. A call beyond it waits up to connectTimeout for a connection to free up.")
    private int maxConnections;
    @Metadata(label = "health", defaultValue = "30000",
              description = "How long, in milliseconds, a producer health check keeps the provider's answer to its cheap call (a status page, a model list; never a paid call): health probes more often than this do not call the API again.")
    private long healthCheckCacheTime = 30_000;

    private Clock clock = Clock.systemUTC();
    private SparkHttpTransport transport;
    private ScheduledExecutorService scheduler;
    private ExecutorService workerPool;
    private Executor workers;
    // volatile, and set last by doStart: a thread that sees the client sees everything started before it
    private volatile SparkApiClient client;
    private volatile MediaDownloader downloader;
    private SparkMetrics metrics = SparkMetrics.NONE;
    private HealthProbes healthProbes;

    /** The component-level option values; each endpoint starts from a copy. */
    public abstract SparkConfiguration getConfiguration();

    /** What this provider is: its scheme, key variable, overridable options and operations, declared once. */
    public abstract SparkProvider provider();

    /** The scheme, used in messages, thread names and logs. */
    public String providerName() {
        return provider().scheme();
    }

    /** The environment variable that holds the key when none is configured, e.g. {@code DYNASPARK_API_KEY}. */
    protected String apiKeyEnvironmentVariable() {
        return provider().apiKeyVariable();
    }

    protected abstract SparkEndpointSupport createSparkEndpoint(String uri, String remaining,
                                                                SparkConfiguration configuration) throws Exception;

    /** How this provider's error answers are read; providers with their own shapes override it. */
    protected SparkErrorDecoder createErrorDecoder(Clock clock) {
        return new DefaultErrorDecoder(clock, defaultBaseUrl());
    }

    /** The vendor's base URL, as a fresh configuration has it: what a message holds up when baseUrl looks wrong. */
    protected String defaultBaseUrl() {
        try {
            return getConfiguration().getClass().getDeclaredConstructor().newInstance().getBaseUrl();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SparkEndpointSupport endpoint = createSparkEndpoint(uri, remaining, getConfiguration().copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SparkChecks.of(providerName()).atLeast("schedulerPoolSize", schedulerPoolSize, 1)
                .atLeast("workerPoolSize", workerPoolSize, 1).atLeast("maxConnections", maxConnections, 0);
        SparkConfiguration config = getConfiguration();
        TransportSettings settings = new TransportSettings(
                java.time.Duration.ofMillis(config.getConnectTimeout()),
                java.time.Duration.ofMillis(config.getRequestTimeout()),
                poolSize(config), resolveSslContext(), proxyHost, proxyPort, "camel-spark/" + providerName(), clock);
        transport = new SparkHttpTransport(settings);
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        // every task in flight has its next poll queued here: Camel's default profile caps a scheduler's queue at
        // 1,000 and refused the 1,001st poll (the task abandoned), so the queue is unbounded, as the workers' is
        ThreadPoolProfile schedulerProfile = new ThreadPoolProfile("camel-spark-" + providerName());
        schedulerProfile.setPoolSize(schedulerPoolSize);
        schedulerProfile.setMaxQueueSize(-1);
        schedulerProfile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        scheduler = executors.newScheduledThreadPool(this, "camel-spark-" + providerName(), schedulerProfile);
        // a fixed pool with an unbounded queue: work is never dropped, nor run on the thread that handed it over
        String workerName = "camel-spark-" + providerName() + "-worker";
        ThreadPoolProfile profile = new ThreadPoolProfile(workerName);
        profile.setPoolSize(workerPoolSize);
        profile.setMaxPoolSize(workerPoolSize);
        profile.setMaxQueueSize(-1);
        profile.setAllowCoreThreadTimeOut(false);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        workerPool = executors.newThreadPool(this, workerName, profile);
        ExecutorService pool = workerPool;
        workers = work -> {
            try {
                pool.execute(work);
            } catch (RejectedExecutionException e) {
                work.run(); // stopping: what is still handed over (failing exchanges) must complete
            }
        };
        SparkApiClient started = new SparkApiClient(providerName(), transport, new ClientRateLimiter(clock), scheduler,
                workers, createErrorDecoder(clock));
        metrics = SparkMetrics.of(getCamelContext());
        SparkChecks.of(providerName()).atLeast("healthCheckCacheTime", healthCheckCacheTime, 0);
        healthProbes = new HealthProbes(providerName(), started, java.time.Duration.ofMillis(healthCheckCacheTime), clock);
        downloader = new MediaDownloader(started);
        client = started;
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            client.abandonWaiting(); // before the scheduler drops them: their exchanges must complete, failed
        }
        client = null;
        downloader = null;
        healthProbes = null;
        if (transport != null) {
            transport.close();
            transport = null;
        }
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        if (workerPool != null) {
            // last: exchanges failed by the stop above still complete on it
            getCamelContext().getExecutorServiceManager().shutdownGraceful(workerPool);
            workerPool = null;
        }
        super.doStop();
    }

    /** {@code maxConnections}, else as many connections as calls may be in flight, else 100. */
    int poolSize(SparkConfiguration config) {
        if (maxConnections > 0) {
            return maxConnections;
        }
        return config.getMaxConcurrentRequests() > 0 ? config.getMaxConcurrentRequests() : 100;
    }

    /** The HTTP transport while started: its pool's size and leases, for tests and health checks. */
    public SparkHttpTransport getTransport() {
        getClient();
        return transport;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    private SSLContext resolveSslContext() throws Exception {
        SSLContextParameters params = sslContextParameters;
        if (params == null && useGlobalSslContextParameters) {
            params = retrieveGlobalSslContextParameters();
        }
        return params == null ? null : params.createSSLContext(getCamelContext());
    }

    /** The configured key, else the provider's environment variable, else {@code null}. */
    public String resolveApiKey(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String fromEnv = System.getenv(apiKeyEnvironmentVariable());
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }

    public SparkApiClient getClient() {
        SparkApiClient c = client;
        if (c == null) {
            awaitStart();
            c = client;
        }
        if (c == null) {
            throw new IllegalStateException(providerName() + " component is not started");
        }
        return c;
    }

    /**
     * The first exchanges to use a component that was created on demand ({@code toD}, a producer template) may reach
     * it, many threads at once, while one of them is still starting it: they wait for that start (the service lock)
     * instead of failing. A component that was stopped stays stopped, and one whose context has not started is not
     * started here.
     */
    protected void awaitStart() {
        if (getCamelContext() == null || !getCamelContext().isStarted()) {
            return; // before the context started, a component is not started by using it
        }
        byte now = status; // not isStoppingOrStopped(): that is also true of a component not started yet
        if (now == NEW || now == BUILT || now == INITIALIZING || now == INITIALIZED || now == STARTING) {
            start(); // waits on the service lock while another thread starts it, else starts it here
        }
    }

    /** Micrometer's registry when there is one ({@link SparkMetrics#of}), else {@link SparkMetrics#NONE}. */
    public SparkMetrics getMetrics() {
        return metrics;
    }

    /** The answers of the producers' health probes, shared by the endpoints of this component while it runs. */
    public HealthProbes getHealthProbes() {
        getClient();
        return healthProbes;
    }

    public long getHealthCheckCacheTime() {
        return healthCheckCacheTime;
    }

    public void setHealthCheckCacheTime(long healthCheckCacheTime) {
        this.healthCheckCacheTime = healthCheckCacheTime;
    }

    /** What header {@code CamelSparkCost} counts, as the provider declares it ({@code USD}, {@code credits}). */
    public String costUnit() {
        return provider().costUnit();
    }

    public MediaDownloader getDownloader() {
        getClient();
        return downloader;
    }

    /** Times waits and runs status polls: short work only. */
    public ScheduledExecutorService getScheduler() {
        getClient();
        return scheduler;
    }

    /** Runs downloads, retried calls and the continuation of exchanges ({@code workerPoolSize} threads). */
    public Executor getWorkers() {
        getClient();
        return workers;
    }

    public int getSchedulerPoolSize() {
        return schedulerPoolSize;
    }

    public void setSchedulerPoolSize(int schedulerPoolSize) {
        this.schedulerPoolSize = schedulerPoolSize;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public Clock getClock() {
        return clock;
    }

    /** For tests that move time: the clock rate limits and deadlines are measured on. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }
}
