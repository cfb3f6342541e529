//! What the Школы views (and the grid's details panel) ask of the runner; carried out by `run_schools.rs`.
//! They travel as `Command::School(…)`. Every edit is one undoable change (a `Change::Batch` for several).

use std::path::PathBuf;

use crate::model::{Category, CriteriaSet, Id, Progress, School, SchoolScope, Status};
use crate::stats::ProgressKey;

#[derive(Debug, Clone, PartialEq)]
pub enum SchoolCommand {
    /// Show a school's dashboard on the Школы screen.
    Show(Id),
    /// Add a school to the registry and select it.
    Add(Box<School>),
    /// Replace a school's registry fields (its categories included).
    Edit(Box<School>),
    /// Delete a school together with its progress records, criterion values and indicator values.
    Delete(Id),
    /// Ask for a CSV/TSV file of schools and import it.
    PickAndImportCsv,
    /// Import a CSV/TSV file of schools: new names are added, known names updated; one undo step.
    ImportCsv(PathBuf),
    /// Confirm the categories proposed by the criteria (or set by hand).
    SetCategories {
        school: Id,
        categories: Vec<Category>,
    },
    /// Set (`Some`) or clear (`None`) a school's values of some criteria.
    SetCriterionValues {
        school: Id,
        values: Vec<(String, Option<f64>)>,
    },
    /// Replace the criteria lists and thresholds in force.
    SaveCriteriaSet(Box<CriteriaSet>),
    /// Return to the shipped criteria.
    ResetCriteriaSet,
    /// Which schools a measure concerns.
    SetScope { measure: Id, scope: SchoolScope },
    /// Who executes these measures (one measure, or a selection): one undoable change.
    SetExecutor {
        measures: Vec<Id>,
        executor: crate::model::Executor,
    },
    /// Create a school plan from the open district plan: the picked measures (copies with fresh ids that
    /// remember their source) and the school's own measures; then open it.
    CreateSchoolPlan {
        school: Id,
        title: String,
        measures: Vec<Id>,
        own: Vec<String>,
    },
    /// Write progress records as edited (who and when are stamped by the runner).
    SaveProgress(Vec<Progress>),
    /// Mark occurrences done today.
    MarkDone(Vec<ProgressKey>),
    /// Set the status of several occurrences at once.
    SetStatus {
        keys: Vec<ProgressKey>,
        status: Status,
    },
    /// Open an evidence link or file with the system's program.
    OpenEvidence(String),
    /// Set (`Some`) or clear (`None`) an actual value of a target indicator for a year, plan level when
    /// `school` is `None`.
    SetIndicatorValue {
        indicator: Id,
        school: Option<Id>,
        year: i32,
        value: Option<f64>,
    },
    /// Ask where to save the summary report (of a school, or of the district when `None`) and save it.
    PickAndSaveReport { school: Option<Id> },
    /// Save the summary report as HTML.
    SaveReport { school: Option<Id>, path: PathBuf },
    /// Load the progress snapshot if it is not (views outside the Школы screen that show progress).
    Need,
}
