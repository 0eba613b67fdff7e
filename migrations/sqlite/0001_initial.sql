-- 0001_initial: the metadata schema of etl-builder (SQLite).
--
-- Conventions, shared with migrations/postgres (keep both in step):
--   * ids are TEXT holding lowercase canonical UUID strings;
--   * instants are TEXT, ISO-8601 UTC with microseconds, fixed width
--     ('2025-01-20T02:00:05.000000Z'): string order is time order;
--   * booleans are INTEGER 0/1; JSON documents are TEXT the store keeps verbatim;
--   * case-insensitive uniqueness uses unique indexes on lower(column).
-- Never edit this file once released: add 0002_*.sql instead (the runner checks checksums).

CREATE TABLE users (
    id                  TEXT PRIMARY KEY NOT NULL,
    username            TEXT NOT NULL,
    email               TEXT NOT NULL,
    full_name           TEXT,
    password_hash       TEXT NOT NULL,
    role                TEXT NOT NULL DEFAULT 'viewer' CHECK (role IN ('admin', 'developer', 'viewer')),
    is_active           INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    failed_login_count  INTEGER NOT NULL DEFAULT 0,
    locked_until        TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    last_login_at       TEXT
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- Refresh tokens: one row per issued token; rotation links a token to its successor
-- (replaced_by) within a family. A replaced or revoked token presented again = reuse.
CREATE TABLE refresh_tokens (
    id          TEXT PRIMARY KEY NOT NULL,
    family_id   TEXT NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL,
    issued_at   TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    replaced_by TEXT,
    revoked_at  TEXT
);
CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

CREATE TABLE api_keys (
    id           TEXT PRIMARY KEY NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    key_hash     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    expires_at   TEXT,
    revoked_at   TEXT
);
CREATE UNIQUE INDEX api_keys_hash_key ON api_keys (key_hash);
CREATE INDEX api_keys_user ON api_keys (user_id);

-- Pipelines. Policy columns are NULL for "use the configured default".
CREATE TABLE pipelines (
    id                    TEXT PRIMARY KEY NOT NULL,
    name                  TEXT NOT NULL,
    description           TEXT,
    status                TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'archived')),
    version               TEXT NOT NULL,
    version_seq           INTEGER NOT NULL DEFAULT 1,
    config                TEXT NOT NULL,
    schedule              TEXT,
    schedule_timezone     TEXT,
    is_scheduled          INTEGER NOT NULL DEFAULT 0 CHECK (is_scheduled IN (0, 1)),
    default_params        TEXT NOT NULL DEFAULT '{}',
    misfire_policy        TEXT CHECK (misfire_policy IN ('skip', 'run_once', 'catch_up')),
    max_catch_up          INTEGER,
    overlap_policy        TEXT CHECK (overlap_policy IN ('allow', 'forbid', 'replace', 'queue')),
    max_active_runs       INTEGER,
    jitter_seconds        INTEGER,
    max_retries           INTEGER,
    retry_backoff_seconds INTEGER,
    timeout_seconds       INTEGER,
    last_fired_slot       TEXT,
    created_by            TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
CREATE INDEX pipelines_status ON pipelines (status);
CREATE INDEX pipelines_created ON pipelines (created_at);

-- Tags in their given order (position), filterable with an indexed lookup.
CREATE TABLE pipeline_tags (
    pipeline_id TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (pipeline_id, tag)
);
CREATE INDEX pipeline_tags_tag ON pipeline_tags (tag);

-- Config history: seq 1 is the creation; each config change adds the next seq.
CREATE TABLE pipeline_versions (
    pipeline_id TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    version     TEXT NOT NULL,
    config      TEXT NOT NULL,
    changed_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    change_note TEXT,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (pipeline_id, seq)
);

-- Connections: config holds non-secret fields; secrets holds only AES-GCM ciphertext.
CREATE TABLE connections (
    id                TEXT PRIMARY KEY NOT NULL,
    name              TEXT NOT NULL,
    type              TEXT NOT NULL,
    description       TEXT,
    config            TEXT NOT NULL DEFAULT '{}',
    secrets           TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'error', 'inactive')),
    last_tested_at    TEXT,
    last_test_message TEXT,
    created_by        TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE UNIQUE INDEX connections_name_key ON connections (lower(name));

-- Executions. UNIQUE (pipeline_id, scheduled_for) makes each cron slot run once;
-- NULL scheduled_for (manual, API runs) never conflicts.
CREATE TABLE executions (
    id               TEXT PRIMARY KEY NOT NULL,
    pipeline_id      TEXT NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
    status           TEXT NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'running', 'success', 'failed', 'cancelled')),
    trigger_type     TEXT NOT NULL CHECK (trigger_type IN ('scheduled', 'manual', 'retry', 'api')),
    scheduled_for    TEXT,
    params           TEXT NOT NULL DEFAULT '{}',
    attempt          INTEGER NOT NULL DEFAULT 1,
    retry_of         TEXT REFERENCES executions (id) ON DELETE SET NULL,
    fired_at         TEXT,
    queued_at        TEXT NOT NULL,
    started_at       TEXT,
    completed_at     TEXT,
    duration_seconds REAL,
    rows_processed   INTEGER NOT NULL DEFAULT 0,
    data_size_bytes  INTEGER NOT NULL DEFAULT 0,
    error_message    TEXT,
    failed_node_id   TEXT,
    triggered_by     TEXT REFERENCES users (id) ON DELETE SET NULL,
    claimed_by       TEXT,
    CONSTRAINT executions_slot_key UNIQUE (pipeline_id, scheduled_for)
);
CREATE INDEX executions_queue ON executions (status, queued_at);
CREATE INDEX executions_pipeline ON executions (pipeline_id, queued_at);
CREATE INDEX executions_retry_of ON executions (retry_of);

CREATE TABLE execution_logs (
    execution_id TEXT NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    logged_at    TEXT NOT NULL,
    level        TEXT NOT NULL CHECK (level IN ('DEBUG', 'INFO', 'WARNING', 'ERROR')),
    node_id      TEXT,
    message      TEXT NOT NULL,
    metadata     TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (execution_id, seq)
);

CREATE TABLE execution_node_metrics (
    execution_id     TEXT NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    node_id          TEXT NOT NULL,
    rows_input       INTEGER NOT NULL DEFAULT 0,
    rows_output      INTEGER NOT NULL DEFAULT 0,
    rows_filtered    INTEGER NOT NULL DEFAULT 0,
    duration_seconds REAL NOT NULL DEFAULT 0,
    memory_peak_mb   REAL,
    cpu_percent      REAL,
    first_seen_at    TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    PRIMARY KEY (execution_id, node_id)
);

-- Audit events carry no foreign keys: they outlive what they name.
CREATE TABLE audit_events (
    id          TEXT PRIMARY KEY NOT NULL,
    at          TEXT NOT NULL,
    user_id     TEXT,
    action      TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id   TEXT,
    details     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_at ON audit_events (at);
