-- Applications and their status events, as imported from the case system (the SQLite schema's
-- twin: migrations/sqlite). No names and no date of birth: `identity` is HMAC-SHA256 (server
-- secret) of the number and the date of birth.
CREATE TABLE applications (
    number    TEXT PRIMARY KEY,  -- compact form, e.g. TR2026004217K
    identity  BYTEA NOT NULL,
    procedure TEXT NOT NULL,
    submitted TEXT NOT NULL      -- YYYY-MM-DD
);

CREATE TABLE events (
    id     BIGSERIAL PRIMARY KEY,  -- order of arrival, for events on the same day
    number TEXT NOT NULL REFERENCES applications (number),
    date   TEXT NOT NULL,
    status TEXT NOT NULL,
    note   TEXT NOT NULL DEFAULT '',
    UNIQUE (number, date, status, note)
);

CREATE INDEX events_by_number ON events (number, date, id);
