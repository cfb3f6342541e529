//! What the Обмен screen asks of the runner; carried out by `run_exchange.rs`. They travel as
//! `Command::Exchange(…)`.

use std::path::PathBuf;

use crate::exchange::conflicts::Resolution;
use crate::exchange::table_import::TableColumn;
use crate::model::Id;
use crate::store::RecordKind;

#[derive(Debug, Clone, PartialEq)]
pub enum ExchangeCommand {
    /// Apply the pending import: a backup first, then the merge; clears undo.
    ApplyImport,
    /// Apply the pending school's report adding what the database lacks (the school, marks on a plan it
    /// does not hold: see `exchange::missing`).
    ApplyImportAddingMissing,
    /// Set who executes measures the pending import adds (`None`: as proposed by their responsible text);
    /// the preview is computed again.
    SetPendingExecutor {
        measures: Vec<crate::model::Id>,
        executor: Option<crate::model::Executor>,
    },
    /// Ask for school report files (several at once) and preview them together.
    PickAndCollectReports,
    /// Ask for a folder and preview every exchange file in it as a school's report.
    PickFolderAndCollectReports,
    /// Preview these files (or every `.json` of a folder among them) as schools' reports.
    CollectReports(Vec<PathBuf>),
    /// Apply the pending reports: one backup first, then each report (`add_missing`: adding what the
    /// database lacks).
    ApplyReports { add_missing: bool },
    /// Drop the pending reports: nothing is written.
    CancelReports,
    /// Ask for a folder and write the open plan's file for every school it concerns.
    PickFolderAndSendPlans,
    /// Write the open plan's file for every school it concerns into `folder`.
    SendPlans { folder: PathBuf },
    /// Drop the pending import (or column mapping): nothing is written.
    CancelImport,
    /// Read the pending table again with the columns the user named (`header_row`: the row of headers,
    /// `None` when every row is data) and preview it.
    ApplyMapping {
        header_row: Option<usize>,
        columns: Vec<Option<TableColumn>>,
    },
    /// Read the pending table import again with these meanings of its columns (`None`: not imported) and
    /// preview it; the header rows stay where they were found.
    RemapColumns(Vec<Option<TableColumn>>),
    /// Read the pending pasted table again with these meanings of its columns.
    RemapPaste(Vec<Option<TableColumn>>),
    /// Put the pending pasted table into the plan (one undoable step).
    ApplyPaste,
    /// Drop the pending pasted table.
    CancelPaste,
    /// Resolve one conflict kept by an import.
    Resolve {
        kind: RecordKind,
        key: String,
        resolution: Resolution,
    },
    /// Replace the database with a backup (the user confirmed); clears undo.
    RestoreBackup(PathBuf),
    /// Ask where to save and export one school's report (its progress and its own plan).
    PickAndExportSchool(Id),
    /// Export one school's report.
    ExportSchool { school: Id, path: PathBuf },
    /// Ask where to save and export the open plan's grid as CSV (`filtered`: only the measures the grid's
    /// filter shows).
    PickAndExportCsv { filtered: bool },
    /// Export the open plan's grid as CSV.
    ExportCsv { filtered: bool, path: PathBuf },
}
