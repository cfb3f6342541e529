//! What views ask for. Views push `Command`s during the frame; the runner carries them out after it.

use std::path::PathBuf;

use crate::i18n::Language;
use crate::model::{Id, Measure, Period, Plan};

use super::state::Screen;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show another plan (clears undo: undo never crosses opening a plan).
    OpenPlan(Id),
    /// Load the bundled Ivanteevka example and open it.
    LoadExample,
    /// Create an empty plan and open it.
    CreatePlan {
        title: String,
        period: Period,
    },
    /// Ask for a file and import it.
    PickAndImport,
    /// Import an exchange file (clears undo).
    ImportFile(PathBuf),
    /// Ask where to save and export the current plan as an exchange file.
    PickAndExport,
    /// Export the current plan as an exchange file.
    ExportFile(PathBuf),
    /// Replace one text field of a measure.
    EditMeasure {
        id: Id,
        field: MeasureField,
        value: String,
    },
    /// Replace the plan header.
    EditPlanHeader(Box<Plan>),
    /// Add a section at the end of the plan.
    AddSection,
    /// Add a measure at the end of a section.
    AddMeasure {
        section: Id,
    },
    /// Delete a measure (undoable).
    DeleteMeasure(Id),
    /// Select a measure in the views.
    Select(Option<Id>),
    Undo,
    Redo,
    ShowScreen(Screen),
    SetLanguage(Language),
}

/// The verbatim text fields of a measure that views edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeasureField {
    Number,
    Title,
    Deadline,
    Responsible,
    Result,
    Documents,
}

impl MeasureField {
    pub const ALL: [MeasureField; 6] = [
        MeasureField::Number,
        MeasureField::Title,
        MeasureField::Deadline,
        MeasureField::Responsible,
        MeasureField::Result,
        MeasureField::Documents,
    ];

    pub fn get(self, m: &Measure) -> &str {
        match self {
            MeasureField::Number => &m.number,
            MeasureField::Title => &m.title,
            MeasureField::Deadline => &m.deadline,
            MeasureField::Responsible => &m.responsible,
            MeasureField::Result => &m.result,
            MeasureField::Documents => &m.documents,
        }
    }

    pub fn set(self, m: &mut Measure, value: String) {
        let slot = match self {
            MeasureField::Number => &mut m.number,
            MeasureField::Title => &mut m.title,
            MeasureField::Deadline => &mut m.deadline,
            MeasureField::Responsible => &mut m.responsible,
            MeasureField::Result => &mut m.result,
            MeasureField::Documents => &mut m.documents,
        };
        *slot = value;
    }

    /// The message key of the field's name (also its column header).
    pub fn label_key(self) -> &'static str {
        match self {
            MeasureField::Number => "field-number",
            MeasureField::Title => "field-title",
            MeasureField::Deadline => "field-deadline",
            MeasureField::Responsible => "field-responsible",
            MeasureField::Result => "field-result",
            MeasureField::Documents => "field-documents",
        }
    }

    /// Whether the field usually holds several lines.
    pub fn multiline(self) -> bool {
        !matches!(self, MeasureField::Number)
    }
}
