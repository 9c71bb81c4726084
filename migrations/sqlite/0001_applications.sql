-- Applications and their status events, as imported from the case system. No names, and no date
-- of birth: `identity` is HMAC-SHA256 (server secret) of the number and the date of birth.
CREATE TABLE applications (
    number    TEXT PRIMARY KEY NOT NULL,  -- compact form, e.g. TR2026004217K
    identity  BLOB NOT NULL,
    procedure TEXT NOT NULL,
    submitted TEXT NOT NULL               -- YYYY-MM-DD
) STRICT;

CREATE TABLE events (
    id     INTEGER PRIMARY KEY,           -- order of arrival, for events on the same day
    number TEXT NOT NULL REFERENCES applications (number),
    date   TEXT NOT NULL,
    status TEXT NOT NULL,
    note   TEXT NOT NULL DEFAULT '',      -- '' = no note (NULLs would defeat the UNIQUE below)
    UNIQUE (number, date, status, note)   -- importing the same feed twice adds nothing
) STRICT;

CREATE INDEX events_by_number ON events (number, date, id);
