-- State shared by every server instance (server/limits.rs, server/db.rs).
-- One counter per bucket: lookups from one address (`addr:…`) or failed lookups of one application
-- number (`fail:…`, a keyed hash: no number is stored). `started` (Unix seconds) opens the
-- bucket's window; old rows are deleted as they expire.
CREATE TABLE counters (
    bucket  TEXT PRIMARY KEY NOT NULL,
    started INTEGER NOT NULL,
    hits    INTEGER NOT NULL
) STRICT;

CREATE INDEX counters_by_start ON counters (started);

-- `hmac_key_fingerprint`: which key the stored identities were made with.
CREATE TABLE settings (
    name  TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
