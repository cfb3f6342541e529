//! What the Обмен screen reads: an import waiting for the user's decision (its preview), a table waiting
//! for its columns to be named, the conflicts kept by earlier imports, and the database's backups.
//! Filled by the runner (`run_exchange.rs`); views only read it.

use std::path::PathBuf;

use crate::exchange::missing::Missing;
use crate::exchange::table_import::stage::StageOrigin;
use crate::exchange::{Action, ImportPreview, ImportSource};
use crate::store::ConflictRecord;
/// The store's names the views need to read this state, given through the app so the views never name the
/// store.
pub use crate::store::{BackupInfo, RecordKind};

/// How many records of one kind the preview lists by title; the rest are only counted.
pub const PREVIEW_LINES_PER_KIND: usize = 300;

/// The exchange part of the data snapshot.
#[derive(Debug, Default)]
pub struct ExchangeData {
    /// A file read and previewed, not yet applied.
    pub pending: Option<PendingImport>,
    /// A table whose header was not recognised: the user names its columns first.
    pub mapping: Option<PendingMapping>,
    /// Conflicts kept by imports, waiting for «Оставить наше» or «Принять их».
    pub conflicts: Vec<ConflictRecord>,
    /// Backups of the database, oldest first.
    pub backups: Vec<BackupInfo>,
    /// Several schools' reports read together («Собрать отчёты»), not yet applied.
    pub reports: Option<PendingReports>,
    /// A table pasted with its header, waiting for «Вставить» with the columns shown.
    pub paste: Option<PendingPaste>,
}

/// A table pasted with its header (copied whole from Word or Excel): its columns are shown, and can be
/// changed, before it goes into the plan.
#[derive(Debug, Clone)]
pub struct PendingPaste {
    pub stage: crate::exchange::table_import::stage::TableStage,
    /// What it would add with the columns in use.
    pub sections: usize,
    pub measures: usize,
    /// What it would leave out, Russian.
    pub left_out: Vec<String>,
}

impl ExchangeData {
    /// Whether the Обмен screen has a decision waiting (a preview or a column mapping).
    pub fn awaits_user(&self) -> bool {
        self.pending.is_some() || self.mapping.is_some() || self.reports.is_some()
    }
}

/// A file read for import with what importing it would do. Nothing is written until it is applied.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport {
    pub path: PathBuf,
    pub source: ImportSource,
    pub preview: ImportPreview,
    /// Per kind (indexed by `RecordKind as usize`): the records that would change or conflict, by title,
    /// in file order — at most [`PREVIEW_LINES_PER_KIND`] of them.
    pub lines: [Vec<PreviewLine>; 5],
    /// The school whose report the file is (its display name), if it is one.
    pub report_school: Option<String>,
    /// What the report needs that the database lacks: applying it waits for the user's word.
    pub missing: Option<Missing>,
    /// For a table (CSV/TSV, Word, Excel): its rows and the columns in use, which the preview lets the user
    /// change.
    pub table: Option<crate::exchange::table_import::stage::TableStage>,
    /// What of the table the import leaves out (columns not imported, rows skipped), Russian.
    pub left_out: Vec<String>,
}

impl PendingImport {
    /// The listed records of one kind.
    pub fn lines_of(&self, kind: RecordKind) -> &[PreviewLine] {
        &self.lines[kind as usize]
    }
}

/// Schools' reports read together, each previewed against the database as it is now.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PendingReports {
    pub parts: Vec<PendingImport>,
    /// Files that could not be read, or are not a school's report: the file's name and why (worded when
    /// shown).
    pub refused: Vec<(String, super::JobFailure)>,
}

impl PendingReports {
    /// Whether any report needs what the database lacks.
    pub fn missing(&self) -> bool {
        self.parts.iter().any(|p| p.missing.is_some())
    }
}

/// One record of the preview's lists.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewLine {
    pub action: Action,
    pub text: String,
}

/// A table (CSV/TSV, Word, Excel) whose header row was not recognised, with its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingMapping {
    pub path: PathBuf,
    pub table: StageOrigin,
    /// Why the columns are asked for (the reader's refusal), worded when shown.
    pub message: super::JobFailure,
}
