-- The SQLite schema's twin (migrations/sqlite/0003_feedback.sql).
CREATE TABLE feedback (
    id      BIGSERIAL PRIMARY KEY,
    created TEXT NOT NULL,
    page    TEXT NOT NULL,
    locale  TEXT NOT NULL,
    useful  TEXT NOT NULL,
    doing   TEXT NOT NULL,
    wrong   TEXT NOT NULL
);

CREATE INDEX feedback_by_day ON feedback (created);
