//! Pure domain types and rules of a road map (DESIGN §1). Knows nothing of storage or UI.

mod change;
mod criteria;
mod evidence;
mod executor;
mod field;
#[cfg(test)]
pub(crate) mod fixtures;
mod measure;
mod plan;
mod progress;
mod school;
mod stored_text;
pub mod time_text;
mod validate;

/// How a date is shown and typed everywhere (31.12.2021): the window, the command line, documents and
/// messages.
pub const DATE_FORMAT: &str = "%d.%m.%Y";

pub use change::{Change, ChangeMismatch};
pub use criteria::{
    CriteriaGroup, CriteriaProblem, CriteriaSet, Criterion, CriterionKind, CriterionValue,
    DEFAULT_CRITERIA_JSON,
};
pub use evidence::{Evidence, EvidenceTarget, Refusal, evidence_link, evidence_target};
pub use executor::{Executor, propose_executor, propose_executors};
pub use field::{MeasureField, Synonyms, years_of};
pub use measure::{Measure, SchoolScope, Section, YearActivity};
pub use plan::{Indicator, IndicatorTarget, IndicatorUnit, Period, Plan, PlanLevel, PlanSummary};
pub use progress::{IndicatorValue, Progress, Status};
pub use school::{Category, School, SchoolField};
use stored_text::stored_text;
pub use validate::{ValidationError, validate_plan, validate_school};

/// Stable identifier of every record; kept across exchange files so re-import is idempotent.
pub type Id = uuid::Uuid;

/// Time of the last change of a record, used to merge files from several offices.
pub type Timestamp = chrono::DateTime<chrono::Utc>;

/// A new random id.
pub fn new_id() -> Id {
    uuid::Uuid::new_v4()
}

/// The day `now` stamps when the program runs with `--today` (a demo, a screenshot, a training): its edits are
/// dated on that day like everything else it shows. Set once, before any edit.
static FIXED_DAY: std::sync::OnceLock<chrono::NaiveDate> = std::sync::OnceLock::new();

/// Makes `now` stamp `day` (the time of day stays the clock's). Only the first call counts.
pub fn fix_today(day: chrono::NaiveDate) {
    let _ = FIXED_DAY.set(day);
}

/// The current time truncated to milliseconds, so it survives a text round trip unchanged; on the day fixed
/// by `fix_today` when there is one.
pub fn now() -> Timestamp {
    let mut t = chrono::Utc::now();
    if let Some(day) = FIXED_DAY.get() {
        t = day.and_time(t.time()).and_utc();
    }
    chrono::DateTime::from_timestamp_millis(t.timestamp_millis()).unwrap_or(t)
}
