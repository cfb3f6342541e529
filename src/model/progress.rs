use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Id, Timestamp};

/// The state of one occurrence of a measure at one school. "Overdue" is not stored: it is derived from today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Planned,
    InProgress,
    Done,
    NotDone,
    Cancelled,
}

super::stored_text!(Status {
    Planned => "planned",
    InProgress => "in_progress",
    Done => "done",
    NotDone => "not_done",
    Cancelled => "cancelled",
});

impl Status {
    /// Whether an occurrence in this status still waits for work (and so can become overdue).
    pub fn is_open(self) -> bool {
        matches!(self, Status::Planned | Status::InProgress)
    }
}

/// Progress of one measure for one occurrence (`due`; `None` for an unscheduled measure) by one executor:
/// a school, or the office itself (`school_id` = `None`: its own measures).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub measure_id: Id,
    /// The school that carries out the occurrence; `None` for the office's own execution.
    pub school_id: Option<Id>,
    #[serde(default, deserialize_with = "super::time_text::deserialize_opt_date")]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub status: Status,
    #[serde(default, deserialize_with = "super::time_text::deserialize_opt_date")]
    pub done_on: Option<NaiveDate>,
    /// Evidence as written: document name and number, link or file path.
    #[serde(default)]
    pub evidence: String,
    #[serde(default)]
    pub comment: String,
    #[serde(deserialize_with = "super::time_text::deserialize_timestamp")]
    pub updated_at: Timestamp,
    /// Who made the last change.
    #[serde(default)]
    pub by: String,
}

impl Progress {
    /// A record with this status and nothing else said: no completion date, evidence, comment or author;
    /// changed now.
    pub fn new(
        measure_id: Id,
        school_id: Option<Id>,
        due: Option<NaiveDate>,
        status: Status,
    ) -> Self {
        Self {
            measure_id,
            school_id,
            due,
            status,
            done_on: None,
            evidence: String::new(),
            comment: String::new(),
            updated_at: super::now(),
            by: String::new(),
        }
    }

    /// Whether the occurrence is late on `today`: still open and its due date has passed.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|d| d < today)
    }
}

/// An actual value of a target indicator for a year, for the whole plan (`school_id` = None) or one school.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorValue {
    pub indicator_id: Id,
    #[serde(default)]
    pub school_id: Option<Id>,
    pub year: i32,
    pub value: f64,
    pub updated_at: Timestamp,
}
