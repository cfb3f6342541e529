//! Statistics over the model, pure of storage and UI (DESIGN §2): which occurrences of which measures
//! concern a school, per-school and per-section progress, overdue and upcoming items, identification
//! criteria scores, and the data of the summary report.
//!
//! A progress record that does not exist means "planned": records are written only when the user marks
//! something, so every count here starts from the occurrences the plan implies ([`occurrences`]) and lays the
//! records over them ([`progress_index::ProgressIndex`]).

pub mod analytic_note;
pub mod criteria;
pub mod occurrences;
pub mod progress_index;
pub mod progress_summary;
pub mod school_plan;
pub mod summary;
pub mod target;
pub mod touched;

pub use occurrences::{
    Occurrence, SchoolItem, concerns, concerns_office, office_items, school_items,
};
pub use progress_index::{ProgressIndex, ProgressKey};
pub use progress_summary::ProgressSummary;
pub use school_plan::{measures_for_school, school_plan};
pub use summary::{SchoolSummary, SectionCount, office_summary, summarize, summary_of_items};
pub use target::{progress_key, progress_target};
pub use touched::Touched;
