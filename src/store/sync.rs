//! What merging exchange files needs besides the records themselves: deletions kept as tombstones, the
//! newest file seen from each office (the base a conflict is judged against), and conflicts left for the
//! user to resolve. See `docs/exchange-format.md` (Merging).

use rusqlite::{OptionalExtension, params};

use super::codec;
use super::{Result, Store, Writer};
use crate::model::{Id, Timestamp};

/// The kinds of records an exchange file carries, as written in the file and in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Plan,
    Section,
    Measure,
    School,
    Progress,
}

impl RecordKind {
    pub const ALL: [RecordKind; 5] = [
        RecordKind::Plan,
        RecordKind::Section,
        RecordKind::Measure,
        RecordKind::School,
        RecordKind::Progress,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Plan => "plan",
            RecordKind::Section => "section",
            RecordKind::Measure => "measure",
            RecordKind::School => "school",
            RecordKind::Progress => "progress",
        }
    }

    pub fn parse(text: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// The `updated_at` of a measure's progress records by executor (school, or `None` for the office) and
/// due date.
pub type ProgressTimes =
    std::collections::HashMap<(Option<Id>, Option<chrono::NaiveDate>), Timestamp>;

/// The key of a progress record as one text: `measure/school/due` (`due` empty when unscheduled).
/// The office's own progress has an empty school: `measure//due`.
pub fn progress_key(measure: Id, school: Option<Id>, due: Option<chrono::NaiveDate>) -> String {
    format!(
        "{measure}/{}/{}",
        codec::school_text(school),
        due.map(codec::date_text).unwrap_or_default()
    )
}

/// The three parts of a [`progress_key`] as they are stored: measure, school (empty for the office) and due
/// (empty when unscheduled); a part the key lacks is empty.
fn progress_key_parts(key: &str) -> [&str; 3] {
    let mut parts = key.splitn(3, '/');
    let mut next = || parts.next().unwrap_or_default();
    [next(), next(), next()]
}

/// A deleted record: its kind, its key (an id, or [`progress_key`]) and when it was deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tombstone {
    pub kind: RecordKind,
    pub key: String,
    pub deleted_at: Timestamp,
}

/// An office we have imported files from, and the `exported_at` of the newest of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncOrigin {
    pub origin_id: String,
    pub office: String,
    pub exported_at: Timestamp,
}

/// A record changed both here and in an imported file since the two last exchanged: ours stays applied,
/// theirs is kept here (as the file's JSON of the record, or `null` for their deletion) until the user
/// chooses.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictRecord {
    pub kind: RecordKind,
    pub key: String,
    /// The record's title (or a description of a progress record) for lists.
    pub title: String,
    pub origin_id: String,
    pub office: String,
    pub theirs: String,
    /// Their `updated_at` (or `deleted_at`): a file with this version or an older one is no new conflict.
    pub theirs_at: Timestamp,
    pub detected_at: Timestamp,
}

impl Store {
    /// The `updated_at` of the record of `kind` with `key` (an id, or [`progress_key`]), when we hold it.
    pub fn updated_at(&self, kind: RecordKind, key: &str) -> Result<Option<Timestamp>> {
        self.updated_at_text(kind, key)?
            .map(|t| codec::timestamp(&t))
            .transpose()
    }

    fn updated_at_text(&self, kind: RecordKind, key: &str) -> Result<Option<String>> {
        let sql = match kind {
            RecordKind::Plan => "SELECT updated_at FROM plans WHERE id = ?1",
            RecordKind::Section => "SELECT updated_at FROM sections WHERE id = ?1",
            RecordKind::Measure => "SELECT updated_at FROM measures WHERE id = ?1",
            RecordKind::School => "SELECT updated_at FROM schools WHERE id = ?1",
            RecordKind::Progress => {
                let [m, s, d] = progress_key_parts(key);
                return Ok(self
                    .conn
                    .prepare_cached(
                        "SELECT updated_at FROM progress
                          WHERE measure_id = ?1 AND school_id = ?2 AND due = ?3",
                    )?
                    .query_row([m, s, d], |r| r.get(0))
                    .optional()?);
            }
        };
        Ok(self
            .conn
            .prepare_cached(sql)?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    /// The `updated_at` of a progress record, when we hold it (the fast path of a big import's preview).
    pub fn progress_updated_at(
        &self,
        measure: Id,
        school: Option<Id>,
        due: Option<chrono::NaiveDate>,
    ) -> Result<Option<Timestamp>> {
        let mut m = uuid::Uuid::encode_buffer();
        let text: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT updated_at FROM progress WHERE measure_id = ?1 AND school_id = ?2 AND due = ?3",
            )?
            .query_row(
                params![
                    &*measure.hyphenated().encode_lower(&mut m),
                    codec::school_text(school),
                    due.map(codec::date_text).unwrap_or_default()
                ],
                |r| r.get(0),
            )
            .optional()?;
        text.map(|t| codec::timestamp(&t)).transpose()
    }

    /// The `updated_at` of every progress record of one measure, by school and due date: one query for all of
    /// a measure's records (a big import's preview asks per measure, not per record).
    pub fn progress_times(&self, measure: Id) -> Result<ProgressTimes> {
        let mut m = uuid::Uuid::encode_buffer();
        let mut stmt = self.conn.prepare_cached(
            "SELECT school_id, due, updated_at FROM progress WHERE measure_id = ?1",
        )?;
        let mut rows = stmt.query([&*measure.hyphenated().encode_lower(&mut m)])?;
        let mut out = std::collections::HashMap::new();
        while let Some(r) = rows.next()? {
            let school = codec::opt_id(r.get(0)?)?;
            let due: String = r.get(1)?;
            let due = if due.is_empty() {
                None
            } else {
                Some(codec::date(&due)?)
            };
            out.insert((school, due), codec::timestamp(&r.get::<_, String>(2)?)?);
        }
        Ok(out)
    }

    /// Every tombstone, oldest first.
    pub fn tombstones(&self) -> Result<Vec<Tombstone>> {
        self.rows_of(
            "SELECT kind, key, deleted_at FROM tombstones ORDER BY deleted_at, kind, key",
            |r| {
                let Some(kind) = RecordKind::parse(&r.get::<_, String>(0)?) else {
                    return Ok(None);
                };
                Ok(Some(Tombstone {
                    kind,
                    key: r.get(1)?,
                    deleted_at: codec::timestamp(&r.get::<_, String>(2)?)?,
                }))
            },
        )
    }

    /// The rows of a query without parameters, each made by `row` (`None` leaves a row out).
    pub(super) fn rows_of<T>(
        &self,
        sql: &str,
        row: impl FnMut(&rusqlite::Row<'_>) -> Result<Option<T>>,
    ) -> Result<Vec<T>> {
        self.rows_with(sql, [], row)
    }

    /// The newest file imported from an office, if any.
    pub fn sync_origin(&self, origin_id: &str) -> Result<Option<SyncOrigin>> {
        Ok(self
            .sync_origins()?
            .into_iter()
            .find(|o| o.origin_id == origin_id))
    }

    /// Every office we have imported files from.
    pub fn sync_origins(&self) -> Result<Vec<SyncOrigin>> {
        let limit = future_limit();
        self.rows_of(
            "SELECT origin_id, office, exported_at FROM sync_origins ORDER BY origin_id",
            |r| {
                let exported_at = codec::timestamp(&r.get::<_, String>(2)?)?;
                // A watermark from the future (kept before files were checked for them) is no watermark.
                if exported_at > limit {
                    return Ok(None);
                }
                Ok(Some(SyncOrigin {
                    origin_id: r.get(0)?,
                    office: r.get(1)?,
                    exported_at,
                }))
            },
        )
    }

    /// Conflicts waiting for the user, by kind and title.
    pub fn conflicts(&self) -> Result<Vec<ConflictRecord>> {
        self.rows_of(
            "SELECT kind, key, title, origin_id, office, theirs, theirs_at, detected_at FROM conflicts
              ORDER BY kind, title, key",
            |r| {
                let Some(kind) = RecordKind::parse(&r.get::<_, String>(0)?) else {
                    return Ok(None);
                };
                Ok(Some(ConflictRecord {
                    kind,
                    key: r.get(1)?,
                    title: r.get(2)?,
                    origin_id: r.get(3)?,
                    office: r.get(4)?,
                    theirs: r.get(5)?,
                    theirs_at: codec::timestamp(&r.get::<_, String>(6)?)?,
                    detected_at: codec::timestamp(&r.get::<_, String>(7)?)?,
                }))
            },
        )
    }
}

impl Writer<'_> {
    /// Records a deletion made here, now (called by every delete, in its transaction).
    pub(super) fn record_deletion(&mut self, kind: RecordKind, key: &str) -> Result<()> {
        self.put_tombstone(kind, key, &crate::model::now())
    }

    /// Records, before a plan or section is deleted, the deletion of what the delete cascades to (its
    /// sections and measures), so a file that still names them is not mistaken for new data.
    pub(super) fn record_children_deleted(&mut self, kind: RecordKind, id: Id) -> Result<()> {
        let now = codec::timestamp_text(&crate::model::now());
        let id = id.to_string();
        let sql: &[&str] = match kind {
            RecordKind::Plan => &[
                "INSERT OR REPLACE INTO tombstones (kind, key, deleted_at)
                 SELECT 'section', id, ?2 FROM sections WHERE plan_id = ?1",
                "INSERT OR REPLACE INTO tombstones (kind, key, deleted_at)
                 SELECT 'measure', m.id, ?2 FROM measures m JOIN sections s ON m.section_id = s.id
                  WHERE s.plan_id = ?1",
            ],
            RecordKind::Section => &["INSERT OR REPLACE INTO tombstones (kind, key, deleted_at)
                 SELECT 'measure', id, ?2 FROM measures WHERE section_id = ?1"],
            _ => &[],
        };
        for sql in sql {
            self.tx.prepare_cached(sql)?.execute([&id, &now])?;
        }
        Ok(())
    }

    /// Sets a record's `updated_at` to now, so that our version wins the next exchange.
    pub fn touch(&mut self, kind: RecordKind, key: &str) -> Result<()> {
        let now = codec::timestamp_text(&crate::model::now());
        if kind == RecordKind::Progress {
            let [m, s, d] = progress_key_parts(key);
            self.tx
                .prepare_cached(
                    "UPDATE progress SET updated_at = ?4
                      WHERE measure_id = ?1 AND school_id = ?2 AND due = ?3",
                )?
                .execute([m, s, d, &now])?;
            return Ok(());
        }
        let sql = match kind {
            RecordKind::Plan => "UPDATE plans SET updated_at = ?2 WHERE id = ?1",
            RecordKind::Section => "UPDATE sections SET updated_at = ?2 WHERE id = ?1",
            RecordKind::Measure => "UPDATE measures SET updated_at = ?2 WHERE id = ?1",
            _ => "UPDATE schools SET updated_at = ?2 WHERE id = ?1",
        };
        self.tx.prepare_cached(sql)?.execute([key, &now])?;
        Ok(())
    }

    /// Keeps a tombstone; of two for one record the later deletion stays.
    pub fn put_tombstone(&mut self, kind: RecordKind, key: &str, at: &Timestamp) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO tombstones (kind, key, deleted_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(kind, key) DO UPDATE SET deleted_at = excluded.deleted_at
                  WHERE excluded.deleted_at > tombstones.deleted_at",
            )?
            .execute(params![kind.as_str(), key, codec::timestamp_text(at)])?;
        Ok(())
    }

    /// Deletes a record because an imported file deleted it (no tombstone of our own: the caller keeps
    /// theirs). Deleting what is already gone is no error.
    pub fn delete_for_import(&mut self, kind: RecordKind, key: &str) -> Result<()> {
        match kind {
            RecordKind::Progress => {
                let [m, s, d] = progress_key_parts(key);
                self.tx
                    .prepare_cached(
                        "DELETE FROM progress WHERE measure_id = ?1 AND school_id = ?2 AND due = ?3",
                    )?
                    .execute([m, s, d])?;
            }
            other => {
                let sql = match other {
                    RecordKind::Plan => "DELETE FROM plans WHERE id = ?1",
                    RecordKind::Section => "DELETE FROM sections WHERE id = ?1",
                    RecordKind::Measure => "DELETE FROM measures WHERE id = ?1",
                    _ => "DELETE FROM schools WHERE id = ?1",
                };
                self.tx.prepare_cached(sql)?.execute([key])?;
            }
        }
        Ok(())
    }

    /// Remembers the newest file imported from an office (an older one never moves it back).
    pub fn set_sync_origin(&mut self, origin_id: &str, office: &str, at: &Timestamp) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO sync_origins (origin_id, office, exported_at, imported_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(origin_id) DO UPDATE SET office = excluded.office,
                    exported_at = CASE WHEN sync_origins.exported_at > ?5 THEN excluded.exported_at
                        ELSE max(sync_origins.exported_at, excluded.exported_at) END,
                    imported_at = excluded.imported_at",
            )?
            .execute(params![
                origin_id,
                office,
                codec::timestamp_text(at),
                codec::timestamp_text(&crate::model::now()),
                codec::timestamp_text(&future_limit())
            ])?;
        Ok(())
    }

    /// Keeps their version of a record in conflict (replacing an older conflict on the same record).
    pub fn put_conflict(&mut self, c: &ConflictRecord) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO conflicts (kind, key, title, origin_id, office, theirs, theirs_at,
                                        detected_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT(kind, key) DO UPDATE SET title = excluded.title,
                    origin_id = excluded.origin_id, office = excluded.office,
                    theirs = excluded.theirs, theirs_at = excluded.theirs_at,
                    detected_at = excluded.detected_at",
            )?
            .execute(params![
                c.kind.as_str(),
                c.key,
                c.title,
                c.origin_id,
                c.office,
                c.theirs,
                codec::timestamp_text(&c.theirs_at),
                codec::timestamp_text(&c.detected_at)
            ])?;
        Ok(())
    }

    /// Forgets a conflict (the user resolved it).
    pub fn remove_conflict(&mut self, kind: RecordKind, key: &str) -> Result<()> {
        self.tx
            .prepare_cached("DELETE FROM conflicts WHERE kind = ?1 AND key = ?2")?
            .execute([kind.as_str(), key])?;
        Ok(())
    }
}

/// The `kind`/`key` of an id-keyed record, for tombstones.
pub(super) fn id_key(id: Id) -> String {
    id.to_string()
}

/// How far ahead of this computer's clock a time stamp from another computer may be (time zones, a fast
/// clock); anything later is from the future and not believed.
pub const CLOCK_TOLERANCE_HOURS: i64 = 24;

/// The latest believable time stamp: now plus [`CLOCK_TOLERANCE_HOURS`].
pub fn future_limit() -> Timestamp {
    crate::model::now() + chrono::Duration::hours(CLOCK_TOLERANCE_HOURS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::date;

    #[test]
    fn a_progress_key_splits_back_into_its_stored_parts() {
        let (measure, school) = (crate::model::new_id(), crate::model::new_id());
        let (m, s) = (measure.to_string(), school.to_string());
        let key = progress_key(measure, Some(school), Some(date(2022, 5, 31)));
        assert_eq!(
            progress_key_parts(&key),
            [m.as_str(), s.as_str(), "2022-05-31"]
        );
        let office_unscheduled = progress_key(measure, None, None);
        assert_eq!(
            progress_key_parts(&office_unscheduled),
            [m.as_str(), "", ""]
        );
        assert_eq!(progress_key_parts(&m), [m.as_str(), "", ""]);
    }
}
