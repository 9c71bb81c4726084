//! Feedback in the status database (SQLite or PostgreSQL, as `Store` is configured): one row per
//! form, and the CSV export the content team reads.
use super::db::{Store, StoreError};
use crate::feedback::Entry;
use sqlx::Row;

/// One stored form, as exported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub created: String,
    pub page: String,
    pub locale: String,
    pub useful: String,
    pub doing: String,
    pub wrong: String,
}

impl Store {
    /// Stores a checked form, dated `day` (`YYYY-MM-DD`).
    pub async fn add_feedback(&self, entry: &Entry, day: &str) -> Result<(), StoreError> {
        self.ready().await?;
        let useful = match entry.useful {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        sqlx::query(
            "INSERT INTO feedback (created, page, locale, useful, doing, wrong) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(day)
        .bind(&entry.page)
        .bind(&entry.locale)
        .bind(useful)
        .bind(&entry.doing)
        .bind(&entry.wrong)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Deletes forms dated before `day` (the privacy notice promises 12 months at most).
    pub async fn expire_feedback(&self, day: &str) -> Result<u64, StoreError> {
        self.ready().await?;
        let done = sqlx::query("DELETE FROM feedback WHERE created < $1")
            .bind(day)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// Every form from `since` (`YYYY-MM-DD`, included) on, oldest first.
    pub async fn feedback_since(&self, since: &str) -> Result<Vec<Stored>, StoreError> {
        self.ready().await?;
        let rows = sqlx::query(
            "SELECT created, page, locale, useful, doing, wrong FROM feedback \
             WHERE created >= $1 ORDER BY created, id",
        )
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| Stored {
                created: r.get("created"),
                page: r.get("page"),
                locale: r.get("locale"),
                useful: r.get("useful"),
                doing: r.get("doing"),
                wrong: r.get("wrong"),
            })
            .collect())
    }
}

/// The forms as CSV with a header line, after a byte-order mark (spreadsheets then read it as
/// UTF-8, not in the system's code page). A cell a spreadsheet would read as a formula (`=`, `+`,
/// `-`, `@` first) gets a leading `'`: visitors write these cells, the content team opens them.
pub fn to_csv(rows: &[Stored]) -> Result<String, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["date", "locale", "page", "useful", "doing", "wrong"])?;
    for r in rows {
        out.write_record(
            [
                &r.created, &r.locale, &r.page, &r.useful, &r.doing, &r.wrong,
            ]
            .map(|c| safe_cell(c)),
        )?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

fn safe_cell(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_commas_quoted() {
        let row = Stored {
            created: "2026-12-02".into(),
            page: "/en/fees".into(),
            locale: "en".into(),
            useful: "no".into(),
            doing: "=HYPERLINK(\"x\")".into(),
            wrong: "a, b".into(),
        };
        let csv = to_csv(&[row]).unwrap();
        assert!(csv.starts_with("\u{feff}date,locale,page,useful,doing,wrong\n"));
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
        assert!(csv.contains("\"a, b\""), "{csv}");
    }
}
