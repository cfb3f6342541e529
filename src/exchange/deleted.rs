//! Deletions in the exchange file (`"deleted": [...]`): tombstones that let a deletion travel between
//! offices. A tombstone removes our record only when it is newer than our record's `updated_at`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Id, Timestamp};
use crate::store::{RecordKind, Tombstone, progress_key};

/// The kind of a deleted record as written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeletedKind {
    Plan,
    Section,
    Measure,
    School,
    Progress,
}

impl From<DeletedKind> for RecordKind {
    fn from(k: DeletedKind) -> Self {
        match k {
            DeletedKind::Plan => RecordKind::Plan,
            DeletedKind::Section => RecordKind::Section,
            DeletedKind::Measure => RecordKind::Measure,
            DeletedKind::School => RecordKind::School,
            DeletedKind::Progress => RecordKind::Progress,
        }
    }
}

impl From<RecordKind> for DeletedKind {
    fn from(k: RecordKind) -> Self {
        match k {
            RecordKind::Plan => DeletedKind::Plan,
            RecordKind::Section => DeletedKind::Section,
            RecordKind::Measure => DeletedKind::Measure,
            RecordKind::School => DeletedKind::School,
            RecordKind::Progress => DeletedKind::Progress,
        }
    }
}

/// One deleted record: `{"kind": "measure", "id": …, "deleted_at": …}`, or for progress
/// `{"kind": "progress", "measure_id": …, "school_id": …, "due": …, "deleted_at": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deletion {
    pub kind: DeletedKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure_id: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_id: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    pub deleted_at: Timestamp,
}

impl Deletion {
    /// The record's key as the store keeps it (an id, or `measure/school/due`); `None` when the fields
    /// the kind needs are missing.
    pub fn key(&self) -> Option<String> {
        match self.kind {
            DeletedKind::Progress => {
                // No school: the office's own record.
                Some(progress_key(self.measure_id?, self.school_id, self.due))
            }
            _ => self.id.map(|id| id.to_string()),
        }
    }

    /// A file's deletion from a stored tombstone (`None` for a malformed key).
    pub fn from_tombstone(t: &Tombstone) -> Option<Deletion> {
        let mut d = Deletion {
            kind: t.kind.into(),
            id: None,
            measure_id: None,
            school_id: None,
            due: None,
            deleted_at: t.deleted_at,
        };
        if t.kind == RecordKind::Progress {
            let mut parts = t.key.splitn(3, '/');
            d.measure_id = Some(parts.next()?.parse().ok()?);
            d.school_id = match parts.next()? {
                "" => None,
                text => Some(text.parse().ok()?),
            };
            d.due = match parts.next()? {
                "" => None,
                text => Some(text.parse().ok()?),
            };
        } else {
            d.id = Some(t.key.parse().ok()?);
        }
        Some(d)
    }
}
