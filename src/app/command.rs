//! What views ask for. Views push `Command`s during the frame; the runner carries them out after it.
//! Edits of the data (each written in one transaction, most of them undoable) are `Command`'s own variants
//! and those of `SchoolCommand` and `ExchangeCommand`; navigation, file choosers, background jobs and the
//! settings file are `SystemCommand`s.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::model::{Id, Measure, MeasureField, Period, Plan};

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
    /// Read a file (exchange file, CSV/TSV, Word, Excel) and show what importing it would do on the Обмен
    /// screen; nothing is written until the user applies it.
    ImportFile(PathBuf),
    /// Ask where to save and export the current plan as an exchange file.
    PickAndExport,
    /// Export the current plan as an exchange file.
    ExportFile(PathBuf),
    /// Replace one text field of a measure (a year's key activity: blank text removes it).
    EditMeasure {
        id: Id,
        field: MeasureField,
        value: String,
    },
    /// Replace the plan header.
    EditPlanHeader(Box<Plan>),
    /// Set a measure's due dates by hand (`Some`: kept, marked, and left alone by re-derivation), or return
    /// to the dates derived from its deadline text (`None`). Undoable.
    SetManualDue {
        id: Id,
        due: Option<Vec<NaiveDate>>,
    },
    /// Ask where to save and export the current plan's due dates as an iCalendar (.ics) file.
    PickAndExportIcs,
    /// Export the current plan's due dates as an iCalendar (.ics) file.
    ExportIcsFile(PathBuf),
    /// Open the local evidence file the user confirmed (see `AppData::confirm_open`).
    OpenConfirmedFile(PathBuf),
    // Grid: structural edits, each one undoable step (see `run_grid.rs`).
    /// Put a new measure into a section at `index` (at its end when `None`) and select it.
    InsertMeasure {
        section: Id,
        index: Option<usize>,
    },
    /// Delete measures as one step; undo brings them back with their progress.
    DeleteMeasures(Vec<Id>),
    /// Copy measures, each right below its original, and select the copies.
    DuplicateMeasures(Vec<Id>),
    /// Move measures one place up or down in document order, across into the neighbouring section at a
    /// section's edge.
    MoveMeasures {
        ids: Vec<Id>,
        down: bool,
    },
    /// Replace a whole measure (the details panel: schools, notes, per-year activities).
    UpdateMeasure(Box<Measure>),
    /// Put a new section at `index` (at the end when `None`).
    InsertSection {
        index: Option<usize>,
    },
    /// Delete a section with its measures.
    DeleteSection(Id),
    /// Move a section one place up or down.
    MoveSection {
        id: Id,
        down: bool,
    },
    /// Replace a section's number or title.
    EditSection {
        id: Id,
        field: SectionField,
        value: String,
    },
    /// Number the sections 1, 2, … and their measures 1.1, 1.2, … — only when the user asks.
    Renumber,
    /// Paste rows copied from Word, Excel or the grid (tab-separated text): a table with its header adds its
    /// sections to the plan; rows without one go in as measures after the selected measure (`run_paste.rs`).
    PasteRows {
        text: String,
    },
    Undo,
    Redo,
    /// Schools, criteria, progress, school plans and reports (see `SchoolCommand`).
    School(super::SchoolCommand),
    /// The Обмен screen: apply or cancel an import, map a table's columns, conflicts, backups, exports.
    Exchange(super::ExchangeCommand),
    /// What concerns the window and the system, not the data (see `SystemCommand`).
    System(super::SystemCommand),
}

/// The editable texts of a section row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionField {
    Number,
    Title,
}
