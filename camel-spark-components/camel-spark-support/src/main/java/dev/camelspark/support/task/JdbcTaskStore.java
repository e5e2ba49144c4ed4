package dev.camelspark.support.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records in a database table ({@code taskStore=jdbc}, PostgreSQL first), shared by every instance of an application
 * that uses the same {@link DataSource}: each task is polled by one instance at a time and handed out once across all
 * of them, and the tasks of an instance that dies are taken over by the others once its leases run out.
 *
 * <p>Both kinds of hold are leases: the poll lease ({@link #lease}: who asks the provider about a running task) and
 * the delivery claim ({@link #claim}: who hands a finished one out). Each is taken by one conditional {@code UPDATE}
 * whose row count says who won, never by a read followed by a write: two instances that see the same lapsed lease
 * both send the update, and the database lets one of them match (Camel's JDBC orphan-lock repository lost exactly this
 * race, CAMEL-23294). A hold lasts {@link #setLeaseTime leaseTime} and is renewed every third of it while this JVM
 * lives, so a dead instance's tasks move on after at most one lease time. A delivered task's row stays as a tombstone
 * for {@link #setRetention retention}, so that a late write of an instance that lost its lease cannot revive it.
 *
 * <p>The table is created on {@link #start} when missing, from {@code jdbc-task-store-postgresql.sql} beside this
 * class (shipped in the jar, to run by hand where the application has no DDL rights; then set
 * {@code createSchema=false}). The instances' clocks must agree to well within a lease time (NTP).
 */
public class JdbcTaskStore implements TaskStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTaskStore.class);
    public static final String SCHEMA_SCRIPT = "jdbc-task-store-postgresql.sql";
    /** The advisory lock the schema is created under (any number, the same in every instance). */
    private static final long SCHEMA_LOCK = 0x5350_4b54L;
    private static final String COLUMNS = "record, claimed_by, claimed_until";
    private static final String UNFINISHED = "('SUBMITTED', 'RUNNING')";
    private static final String ENDS_CLAIM = "(EXCLUDED.delivery = 'PARKED' OR EXCLUDED.state IN " + UNFINISHED + ")";

    private final DataSource dataSource;
    private final Clock clock;
    private String instanceName;
    private Duration leaseTime = Duration.ofSeconds(30);
    private Duration retention = Duration.ofDays(1);
    private boolean createSchema = true;
    /** The holds of this JVM, renewed until given up or lost. */
    private final Set<Hold> holds = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService keepAlive;

    /** A poll lease or a delivery claim held here. */
    private record Hold(String provider, String taskId, String owner, boolean claim) {
    }

    public JdbcTaskStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public JdbcTaskStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Shown before each owner in the table ({@code node-2/<owner>}), so a person sees which instance holds what. */
    public void setInstanceName(String instanceName) {
        this.instanceName = instanceName;
    }

    public String getInstanceName() {
        return instanceName;
    }

    /** How long a hold lasts without renewal: how soon a dead instance's tasks are taken over. Default 30 s. */
    public void setLeaseTime(Duration leaseTime) {
        if (leaseTime == null || leaseTime.toMillis() < 300) {
            throw new IllegalArgumentException("invalid leaseTime '" + leaseTime + "': at least 300 ms (PT0.3S)");
        }
        this.leaseTime = leaseTime;
    }

    public Duration getLeaseTime() {
        return leaseTime;
    }

    /** How long the tombstone of a delivered task is kept. Default 1 day. */
    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    /** Whether {@link #start} creates the table when it is missing. Default true. */
    public void setCreateSchema(boolean createSchema) {
        this.createSchema = createSchema;
    }

    /** Checks the database is there (a clear error now rather than at the first task), creates the table, purges. */
    @Override
    public synchronized void start() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (createSchema) {
                createSchema(c);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM spark_task WHERE delivered AND updated_at < ?")) {
                ps.setObject(1, time(clock.instant().minus(retention)));
                ps.executeUpdate();
            }
        }
        if (keepAlive == null) {
            long every = Math.max(100, leaseTime.toMillis() / 3);
            keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "camel-spark-task-leases");
                t.setDaemon(true);
                return t;
            });
            keepAlive.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }
        LOG.debug("{}: ready, leases of {}", this, leaseTime);
    }

    /** Stops renewing: the holds of this JVM lapse after one lease time (the pollers gave theirs up already). */
    @Override
    public synchronized void stop() {
        if (keepAlive != null) {
            keepAlive.shutdownNow();
            keepAlive = null;
        }
        holds.clear();
    }

    /**
     * Runs the script under a transaction-scoped advisory lock: instances starting together would otherwise race in
     * {@code CREATE TABLE IF NOT EXISTS}, which PostgreSQL does not make atomic.
     */
    private static void createSchema(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
            for (String sql : schemaStatements()) {
                s.execute(sql);
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The statements of the shipped schema script. */
    static List<String> schemaStatements() {
        try (InputStream in = JdbcTaskStore.class.getResourceAsStream(SCHEMA_SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_SCRIPT + " is missing from the classpath");
            }
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.strip().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            List<String> out = new ArrayList<>();
            for (String statement : sql.toString().split(";")) {
                if (!statement.isBlank()) {
                    out.add(statement.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Inserts or replaces the record. A delivered task is not brought back by a late write (the tombstone's row
     * matches no update); a claim is kept unless the record no longer waits to be handed out (parked, or polled again):
     * the poller writing a task's end must not free the claim of the instance handing it out.
     */
    @Override
    public void save(TaskRecord r) {
        update("INSERT INTO spark_task (provider, task_id, task_group, task_key, delivery, state, submitted_at, record,"
               + " claimed_by, claimed_until, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
               + " ON CONFLICT (provider, task_id) DO UPDATE SET task_group = EXCLUDED.task_group,"
               + " task_key = EXCLUDED.task_key, delivery = EXCLUDED.delivery, state = EXCLUDED.state,"
               + " submitted_at = EXCLUDED.submitted_at, record = EXCLUDED.record,"
               + " claimed_by = CASE WHEN " + ENDS_CLAIM + " THEN EXCLUDED.claimed_by ELSE spark_task.claimed_by END,"
               + " claimed_until = CASE WHEN " + ENDS_CLAIM + " THEN EXCLUDED.claimed_until"
               + " ELSE spark_task.claimed_until END, updated_at = EXCLUDED.updated_at WHERE NOT spark_task.delivered",
                r.provider(), r.taskId(), r.group(), r.taskKey(), r.delivery().name(), r.state().name(),
                time(r.submittedAt()), json(r), r.claimedBy(), time(r.claimedUntil()), time(clock.instant()));
    }

    @Override
    public Optional<TaskRecord> find(String provider, String taskId) {
        return query("SELECT " + COLUMNS + " FROM spark_task WHERE provider = ? AND task_id = ? AND NOT delivered",
                provider, taskId).stream().findFirst();
    }

    @Override
    public Optional<TaskRecord> findByKey(String provider, String taskKey) {
        if (taskKey == null) {
            return Optional.empty();
        }
        return query("SELECT " + COLUMNS + " FROM spark_task WHERE provider = ? AND task_key = ? AND NOT delivered"
                     + " ORDER BY submitted_at DESC NULLS LAST LIMIT 1", provider, taskKey).stream().findFirst();
    }

    @Override
    public List<TaskRecord> findPending(String provider, String group) {
        return query("SELECT " + COLUMNS + " FROM spark_task WHERE provider = ? AND task_group = ? AND NOT delivered"
                     + " ORDER BY submitted_at NULLS FIRST", provider, group);
    }

    /**
     * One conditional update: it matches only while nobody holds the claim or the holder's lapsed, so of two
     * instances racing for the same lapsed claim exactly one sees a row count of 1. The claim holds one lease time
     * (at most {@code until}) and is renewed while this JVM lives.
     */
    @Override
    public boolean claim(String provider, String taskId, String owner, Instant until) {
        Instant now = clock.instant();
        Instant end = until.isBefore(now.plus(leaseTime)) ? until : now.plus(leaseTime);
        boolean won = update("UPDATE spark_task SET claimed_by = ?, claimed_until = ? WHERE provider = ? AND task_id = ?"
                             + " AND NOT delivered AND (claimed_by IS NULL OR claimed_until < ?)",
                who(owner), time(end), provider, taskId, time(now)) == 1;
        if (won && end.equals(now.plus(leaseTime))) {
            holds.add(new Hold(provider, taskId, owner, true));
        }
        return won;
    }

    @Override
    public void release(String provider, String taskId, String owner) {
        holds.remove(new Hold(provider, taskId, owner, true));
        update("UPDATE spark_task SET claimed_by = NULL, claimed_until = NULL WHERE provider = ? AND task_id = ?"
               + " AND claimed_by = ?", provider, taskId, who(owner));
    }

    @Override
    public void delivered(String provider, String taskId) {
        holds.removeIf(h -> h.provider().equals(provider) && h.taskId().equals(taskId));
        update("UPDATE spark_task SET delivered = TRUE, claimed_by = NULL, claimed_until = NULL, lease_owner = NULL,"
               + " lease_until = NULL, updated_at = ? WHERE provider = ? AND task_id = ?", time(clock.instant()),
                provider, taskId);
    }

    /**
     * Takes, keeps or takes over (when lapsed) the poll lease, in one conditional update; renewed while held. A task
     * that has ended has no lease to take: its end is in the store, and a late poller reads it there.
     */
    @Override
    public boolean lease(String provider, String taskId, String owner) {
        Instant now = clock.instant();
        boolean won = update("UPDATE spark_task SET lease_owner = ?, lease_until = ? WHERE provider = ? AND task_id = ?"
                             + " AND NOT delivered AND state IN " + UNFINISHED
                             + " AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)",
                who(owner), time(now.plus(leaseTime)), provider, taskId, who(owner), time(now)) == 1;
        Hold hold = new Hold(provider, taskId, owner, false);
        if (won) {
            holds.add(hold);
        } else {
            holds.remove(hold);
        }
        return won;
    }

    @Override
    public void unlease(String provider, String taskId, String owner) {
        holds.remove(new Hold(provider, taskId, owner, false));
        update("UPDATE spark_task SET lease_owner = NULL, lease_until = NULL WHERE provider = ? AND task_id = ?"
               + " AND lease_owner = ?", provider, taskId, who(owner));
    }

    @Override
    public void saveIntent(TaskIntent intent) {
        update("INSERT INTO spark_task_intent (provider, task_key, record, created_at) VALUES (?, ?, ?, ?)"
               + " ON CONFLICT (provider, task_key) DO UPDATE SET record = EXCLUDED.record,"
               + " created_at = EXCLUDED.created_at", intent.provider(), intent.taskKey(), json(intent), time(intent.at()));
    }

    @Override
    public Optional<TaskIntent> findIntent(String provider, String taskKey) {
        if (taskKey == null) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = prepare(c, "SELECT record FROM spark_task_intent WHERE provider = ? AND task_key = ?",
                     provider, taskKey);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(FileTaskStore.MAPPER.readValue(rs.getString(1), TaskIntent.class))
                    : Optional.empty();
        } catch (SQLException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable task intent in " + this + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void forgetIntent(String provider, String taskKey) {
        update("DELETE FROM spark_task_intent WHERE provider = ? AND task_key = ?", provider, taskKey);
    }

    /** The keep-alive: pushes back the expiry of each hold of this JVM; one that was lost is forgotten. */
    void renew() {
        for (Hold h : holds) {
            try {
                String column = h.claim() ? "claimed" : "lease";
                String ownerColumn = h.claim() ? "claimed_by" : "lease_owner";
                int rows = update("UPDATE spark_task SET " + column + "_until = ? WHERE provider = ? AND task_id = ?"
                                  + " AND " + ownerColumn + " = ? AND NOT delivered",
                        time(clock.instant().plus(leaseTime)), h.provider(), h.taskId(), who(h.owner()));
                if (rows == 0) {
                    holds.remove(h);
                }
            } catch (RuntimeException e) {
                // the database is away for a moment: the next round tries again, within the lease time
                LOG.warn("{}: could not renew the lease of task {}: {}", this, h.taskId(), e.getMessage());
            }
        }
    }

    private String who(String owner) {
        return instanceName == null || instanceName.isBlank() ? owner : instanceName + "/" + owner;
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String json(TaskIntent intent) {
        try {
            return FileTaskStore.MAPPER.writeValueAsString(intent);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("intent " + intent.taskKey() + " cannot be written as JSON: "
                                               + e.getMessage(), e);
        }
    }

    private static String json(TaskRecord r) {
        try {
            // the claim lives in its columns
            return FileTaskStore.MAPPER.writeValueAsString(r.claimed(null, null));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("task " + r.taskId() + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private List<TaskRecord> query(String sql, Object... args) {
        List<TaskRecord> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TaskRecord r = FileTaskStore.MAPPER.readValue(rs.getString(1), TaskRecord.class);
                OffsetDateTime until = rs.getObject(3, OffsetDateTime.class);
                out.add(r.claimed(rs.getString(2), until == null ? null : until.toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable task record in " + this + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private IllegalStateException failure(SQLException e) {
        return new IllegalStateException(this + ": " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "jdbc task store" + (instanceName == null ? "" : " of " + instanceName);
    }
}
