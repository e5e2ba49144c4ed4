package dev.camelspark.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;

/**
 * The claims on the inputs of a shared inbox, for the file consumer's {@code idempotent-changed} read lock: an input
 * is taken by the instance whose claim row goes in first, the row is kept alive while that instance lives, and removed
 * once the input has moved to {@code .done/} or {@code .error/} (or was given back at a shutdown). An instance that
 * dies leaves its rows behind; once one is older than {@code lockMaxAgeMillis} the input is taken over by another.
 *
 * <p>Why this and not the others: {@code JdbcMessageIdRepository} (as {@code idempotent=true}, or under the read lock)
 * remembers an input for ever, so one whose instance died mid-job would never be taken again; Camel's
 * {@code JdbcOrphanLockAwareIdempotentRepository} has the lapsing claim we need, but takes an orphan over with a read
 * followed by an unconditional update, so two instances that see the same orphan both win (CAMEL-23294), and does not
 * keep the claim it took over alive. So {@link #add} here is one statement, an insert that on conflict updates only a
 * row older than the maximum age, and its row count says who won; the rows this JVM holds are renewed by its own
 * keep-alive. And {@link #remove} deletes only a claim this instance holds (see there why).
 */
public class ClusterInboxLocks extends JdbcOrphanLockAwareIdempotentRepository {

    /** The advisory lock the table is created under (instances start together). */
    private static final long SCHEMA_LOCK = 0x5350_4942L;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final CamelContext camelContext;
    private ScheduledExecutorService keepAlive;

    public ClusterInboxLocks(DataSource dataSource, String processorName, CamelContext camelContext, long leaseMillis) {
        super(dataSource, processorName, camelContext);
        this.camelContext = camelContext;
        setLockMaxAgeMillis(leaseMillis);
        setLockKeepAliveIntervalMillis(Math.max(100, leaseMillis / 3));
        // a file's absolute path is its key: longer than Camel's default column of 100
        setCreateString("CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255),"
                        + " messageId VARCHAR(4096), createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
    }

    @Override
    protected void doStart() throws Exception {
        transactionTemplate.executeWithoutResult(status -> {
            jdbcTemplate.queryForList("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
            jdbcTemplate.execute(getCreateString());
        });
        super.doStart();
        long every = getLockKeepAliveIntervalMillis();
        keepAlive = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "inbox-locks");
        keepAlive.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        log.info("inbox claims in {} ({}): held for {} ms, renewed every {} ms", "CAMEL_MESSAGEPROCESSED", processorName,
                getLockMaxAgeMillis(), every);
    }

    @Override
    protected void doStop() throws Exception {
        if (keepAlive != null) {
            camelContext.getExecutorServiceManager().shutdownNow(keepAlive);
            keepAlive = null;
        }
        super.doStop();
    }

    /**
     * Claims the input: a new row, or the row of a claim older than the maximum age (its instance died), in one
     * statement. An input that is gone by then was finished by the instance that held it just before.
     */
    @Override
    public boolean add(String key) {
        long now = System.currentTimeMillis();
        int won = jdbcTemplate.update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt)"
                                      + " VALUES (?, ?, ?) ON CONFLICT (processorName, messageId) DO UPDATE"
                                      + " SET createdAt = EXCLUDED.createdAt WHERE CAMEL_MESSAGEPROCESSED.createdAt < ?",
                processorName, key, new Timestamp(now), new Timestamp(now - getLockMaxAgeMillis()));
        if (won != 1) {
            return false;
        }
        held.add(key);
        if (!Files.exists(Path.of(key))) {
            remove(key);
            return false;
        }
        return true;
    }

    /**
     * Gives up the claim on {@code key}, but only one this instance holds. Camel's file consumer also calls this for
     * every input it listed and did not start ({@code removeExcessiveInProgressFiles}, as {@code idempotentEager}
     * defaults to true), among them the inputs it could not claim because another instance holds them: deleting those
     * rows handed a live instance's input to the next poll of any other, so jobs ran twice.
     */
    @Override
    public boolean remove(String key) {
        return held.contains(key) && super.remove(key);
    }

    @Override
    protected int delete(String key) {
        held.remove(key);
        return super.delete(key);
    }

    /** Whether this instance holds the claim on {@code key} now. */
    public boolean holds(String key) {
        return held.contains(key);
    }

    /** Every claim held here, renewed in one batch. */
    private void renew() {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        List<Object[]> args = held.stream().map(key -> new Object[] { now, processorName, key }).toList();
        if (args.isEmpty()) {
            return;
        }
        try {
            jdbcTemplate.batchUpdate(getUpdateTimestampQuery(), args);
        } catch (RuntimeException e) {
            // the database is away for a moment: the next round tries again, within the maximum age
            log.warn("could not renew the claims on {} input(s): {}", args.size(), e.getMessage());
        }
    }
}
