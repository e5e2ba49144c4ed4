package dev.camelspark.routes;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.camelspark.support.task.JdbcTaskStore;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster profile's settings ({@code spark.cluster.*}) and what they switch on: one connection pool to the shared
 * PostgreSQL, the jdbc task store on it and the claims on the inbox's inputs ({@code #inboxLocks}). The password comes
 * from the environment variable {@code SPARK_CLUSTER_PASSWORD} only, and is never logged.
 */
record ClusterSettings(String jdbcUrl, String user, String instance, Duration leaseTime) {

    private static final Logger LOG = LoggerFactory.getLogger("camel-spark.batch");
    static final String PASSWORD_VARIABLE = "SPARK_CLUSTER_PASSWORD";
    /** The inbox's claims are kept under this name: the same for every instance of one cluster. */
    static final String INBOX = "camel-spark-inbox";

    static ClusterSettings of(PropertiesComponent properties) {
        String url = properties.resolveProperty("spark.cluster.jdbc-url").orElse("");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("invalid spark.cluster.jdbc-url '" + withoutParameters(url)
                                               + "': a PostgreSQL JDBC URL, jdbc:postgresql://host:5432/database");
        }
        String lease = properties.resolveProperty("spark.cluster.lease-time").orElse("30000");
        long leaseMillis;
        try {
            leaseMillis = Long.parseLong(lease.trim());
        } catch (NumberFormatException e) {
            leaseMillis = -1;
        }
        if (leaseMillis < 300) {
            throw new IllegalArgumentException("invalid spark.cluster.lease-time '" + lease
                                               + "': milliseconds, at least 300 (30000 is the default)");
        }
        return new ClusterSettings(url, properties.resolveProperty("spark.cluster.user").orElse(null),
                properties.resolveProperty("spark.cluster.instance").orElse("camel-spark-batch"),
                Duration.ofMillis(leaseMillis));
    }

    /**
     * Connects (refusing to start, with the reason, when the database cannot be reached), then binds and starts the
     * inbox's claims and returns the started task store; both stop with the context, the pool last.
     */
    JdbcTaskStore start(CamelContext camelContext) throws Exception {
        HikariDataSource pool = connect();
        JdbcTaskStore tasks = new JdbcTaskStore(pool);
        tasks.setInstanceName(instance);
        tasks.setLeaseTime(leaseTime);
        tasks.start();
        ClusterInboxLocks inbox = new ClusterInboxLocks(pool, INBOX, camelContext, leaseTime.toMillis());
        camelContext.getRegistry().bind("inboxLocks", inbox);
        camelContext.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                tasks.stop();
                pool.close();
            }
        }, true, false);
        LOG.info("cluster: instance {} on {} as {}, leases of {} ms", instance, withoutParameters(jdbcUrl), user,
                leaseTime.toMillis());
        return tasks;
    }

    private HikariDataSource connect() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        String password = System.getenv(PASSWORD_VARIABLE);
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setPoolName("camel-spark-cluster");
        config.setMaximumPoolSize(8);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1); // connect below, to say why it failed in our words
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection()) {
            c.isValid(5);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cluster profile: cannot reach the database at " + withoutParameters(jdbcUrl)
                                            + " as user '" + user + "' (spark.cluster.jdbc-url, spark.cluster.user, "
                                            + PASSWORD_VARIABLE + "): " + rootMessage(e), e);
        }
        return pool;
    }

    /** A JDBC URL may carry a password as a parameter: only what comes before them is shown. */
    static String withoutParameters(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
