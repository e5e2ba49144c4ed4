-- The table of dev.camelspark.support.task.JdbcTaskStore (taskStore=jdbc), for PostgreSQL.
-- The store runs this itself on start when the table is missing (createSchema=true, the default); a DBA who keeps
-- DDL rights away from the application runs it once by hand instead and sets createSchema=false.
--
-- One row per paid task. The record itself is JSON (the same document the file store writes); the columns beside it
-- are what the instances of a cluster query and claim on:
--   claimed_by / claimed_until  who hands the finished task out, until when (a lease, kept alive by its holder)
--   lease_owner / lease_until   who polls the running task at the provider, until when (idem)
--   delivered                   handed out: the row stays a while as a tombstone, so that a late write of an
--                               instance that lost its lease cannot bring the task back
-- Every claim is one conditional UPDATE whose row count says who won, so two instances that see the same lapsed
-- lease cannot both take it.
CREATE TABLE IF NOT EXISTS spark_task (
    provider      VARCHAR(64)              NOT NULL,
    task_id       VARCHAR(255)             NOT NULL,
    task_group    VARCHAR(255)             NOT NULL,
    task_key      VARCHAR(2048),
    delivery      VARCHAR(16)              NOT NULL,
    state         VARCHAR(16)              NOT NULL,
    submitted_at  TIMESTAMP WITH TIME ZONE,
    record        TEXT                     NOT NULL,
    claimed_by    VARCHAR(255),
    claimed_until TIMESTAMP WITH TIME ZONE,
    lease_owner   VARCHAR(255),
    lease_until   TIMESTAMP WITH TIME ZONE,
    delivered     BOOLEAN                  NOT NULL DEFAULT FALSE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (provider, task_id)
);
CREATE INDEX IF NOT EXISTS spark_task_pending ON spark_task (provider, task_group) WHERE NOT delivered;
CREATE INDEX IF NOT EXISTS spark_task_by_key ON spark_task (provider, task_key) WHERE NOT delivered;
-- The intents: a paid create call about to be sent, written before it and deleted once its task is in spark_task (or
-- the provider refused it). A row left behind means its outcome is unknown: the task may exist (onUnknownOutcome).
CREATE TABLE IF NOT EXISTS spark_task_intent (
    provider    VARCHAR(64)              NOT NULL,
    task_key    VARCHAR(2048)            NOT NULL,
    record      TEXT                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (provider, task_key)
);
