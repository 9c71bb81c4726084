-- State shared by every server instance: see migrations/sqlite/0002_shared_state.sql.
CREATE TABLE counters (
    bucket  TEXT PRIMARY KEY,
    started BIGINT NOT NULL,
    hits    BIGINT NOT NULL
);

CREATE INDEX counters_by_start ON counters (started);

CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
