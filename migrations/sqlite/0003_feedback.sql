-- "Was this page useful?" and "Report a problem" (server/feedback_store.rs). No network address
-- and no name: the page, its language, the day, and what the visitor wrote.
CREATE TABLE feedback (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,           -- YYYY-MM-DD (Baku)
    page    TEXT NOT NULL,
    locale  TEXT NOT NULL,
    useful  TEXT NOT NULL,           -- yes, no, or '' for "Report a problem"
    doing   TEXT NOT NULL,
    wrong   TEXT NOT NULL
) STRICT;

CREATE INDEX feedback_by_day ON feedback (created);
