//! The Обмен screen's commands: import in two steps (read and preview → apply or cancel), the column-mapping
//! step for tables whose header is not recognised, conflicts, restoring a backup, and the export targets
//! (a school's report, the grid as CSV — all of it or what the grid's filter shows).

use crate::i18n::Localize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::exchange::conflicts::{self, Resolution};
use crate::exchange::table_import::stage::{StageOrigin, TableStage};
use crate::exchange::table_import::{ColumnMapping, TableColumn};
use crate::exchange::{self, ExchangeError, ImportSource, Names};
use crate::model::Id;
use crate::store::RecordKind;

use super::chooser::{Mode, Purpose, Request};
use super::exchange_state::{PREVIEW_LINES_PER_KIND, PendingImport, PendingMapping, PreviewLine};
use super::{ExchangeCommand, RoadmapApp, Screen};

impl RoadmapApp {
    pub(super) fn run_exchange(&mut self, command: ExchangeCommand) -> Result<(), super::AppError> {
        match command {
            ExchangeCommand::ApplyImport => self.apply_pending_import(false),
            ExchangeCommand::ApplyImportAddingMissing => self.apply_pending_import(true),
            ExchangeCommand::SetPendingExecutor { measures, executor } => {
                self.set_pending_executor(&measures, executor)
            }
            ExchangeCommand::PickAndCollectReports => self.choose(
                Request::new(
                    Purpose::CollectReports,
                    Mode::OpenMany,
                    self.i18n.tr("dialog-collect-reports-title"),
                )
                .filter(self.i18n.tr("filter-exchange"), &["json"]),
            ),
            ExchangeCommand::PickFolderAndCollectReports => self.choose(Request::new(
                Purpose::CollectReports,
                Mode::Folder,
                self.i18n.tr("dialog-collect-reports-title"),
            )),
            ExchangeCommand::CollectReports(paths) => self.collect_reports(&paths),
            ExchangeCommand::ApplyReports { add_missing } => self.apply_reports(add_missing),
            ExchangeCommand::CancelReports => {
                self.data.exchange.reports = None;
                Ok(())
            }
            ExchangeCommand::PickFolderAndSendPlans => self.choose(Request::new(
                Purpose::SendPlans,
                Mode::Folder,
                self.i18n.tr("dialog-send-plans-title"),
            )),
            ExchangeCommand::SendPlans { folder } => self.send_plans(&folder),
            ExchangeCommand::CancelImport => {
                self.data.exchange.pending = None;
                self.data.exchange.mapping = None;
                if self.data.plan.is_none() {
                    // Nothing else to show yet: back to the welcome page.
                    self.ui_state.screen = Screen::Measures;
                }
                Ok(())
            }
            ExchangeCommand::ApplyMapping {
                header_row,
                columns,
            } => self.apply_mapping(header_row, columns),
            ExchangeCommand::RemapColumns(columns) => self.remap_columns(columns),
            ExchangeCommand::RemapPaste(columns) => self.remap_paste(columns),
            ExchangeCommand::ApplyPaste => self.apply_paste(),
            ExchangeCommand::CancelPaste => {
                self.data.exchange.paste = None;
                Ok(())
            }
            ExchangeCommand::Resolve {
                kind,
                key,
                resolution,
            } => self.resolve_conflict(kind, &key, resolution),
            ExchangeCommand::RestoreBackup(path) => self.restore_backup(&path),
            ExchangeCommand::PickAndExportSchool(school) => {
                let name = self
                    .data
                    .schools
                    .iter()
                    .find(|s| s.id == school)
                    .map(|s| s.display_name().to_owned())
                    .unwrap_or_default();
                let name = format!("{}.json", super::runner::file_stem(&name));
                self.choose(
                    Request::new(
                        Purpose::ExportSchool(school),
                        Mode::Save,
                        self.i18n.tr("dialog-export-title"),
                    )
                    .filter(self.i18n.tr("filter-exchange"), &["json"])
                    .file_name(name),
                )
            }
            ExchangeCommand::ExportSchool { school, path } => self.export_school(school, &path),
            ExchangeCommand::PickAndExportCsv { filtered } => {
                let title = self.plan()?.title.clone();
                let name = format!("{}.csv", super::runner::file_stem(&title));
                self.choose(
                    Request::new(
                        Purpose::ExportCsv { filtered },
                        Mode::Save,
                        self.i18n.tr("dialog-export-title"),
                    )
                    .filter("CSV", &["csv"])
                    .file_name(name),
                )
            }
            ExchangeCommand::ExportCsv { filtered, path } => self.export_csv(filtered, &path),
        }
    }

    /// Reads a file and previews importing it, writing nothing; the Обмен screen shows the preview. A table
    /// whose header is not recognised goes to the column-mapping step instead.
    pub(super) fn preview_import(&mut self, path: &Path) -> Result<(), super::AppError> {
        self.data.exchange.pending = None;
        self.data.exchange.mapping = None;
        // Reading a file (a region's exchange file, a large workbook) is a job: the window stays live.
        let today = self.today;
        let language = self.i18n.language();
        let file = path.to_path_buf();
        self.run_job("job-import", path, move |progress| {
            progress.set_total(1);
            let read = match TableStage::read(&file) {
                Ok(Some(stage)) => Ok(super::jobs::ImportRead::Table(Box::new(stage))),
                Ok(None) => read_any(&file, today, language)
                    .map(|s| super::jobs::ImportRead::Source(Box::new(s))),
                Err(e) => Err(crate::i18n::Localize::message(
                    &e,
                    &crate::i18n::I18n::new(language),
                )),
            };
            progress.set_done(1);
            super::jobs::JobResult::ImportRead { path: file, read }
        })
    }

    /// Previews a file read by `preview_import`'s job: a table with its columns, an exchange file; a table
    /// whose header is not recognised goes to the column mapping.
    pub(super) fn preview_read(
        &mut self,
        path: &Path,
        read: Result<super::jobs::ImportRead, String>,
    ) -> Result<(), super::AppError> {
        let source = match read {
            Ok(super::jobs::ImportRead::Table(stage)) => {
                return self.set_pending_table(path.to_path_buf(), *stage);
            }
            Ok(super::jobs::ImportRead::Source(source)) => Ok(*source),
            Err(e) => Err(e),
        };
        let source = match source {
            Ok(source) => source,
            Err(e) => {
                if let Some(table) = StageOrigin::unrecognised(path) {
                    self.data.exchange.mapping = Some(PendingMapping {
                        path: path.to_path_buf(),
                        table,
                        message: e,
                    });
                    self.ui_state.screen = Screen::Exchange;
                    return Ok(());
                }
                return Err(e.into()); // BRIDGE
            }
        };
        self.set_pending(path.to_path_buf(), source)
    }

    /// Previews a source and keeps it pending; shows the Обмен screen.
    fn set_pending(&mut self, path: PathBuf, source: ImportSource) -> Result<(), super::AppError> {
        let pending = self.pending_import(path, source)?;
        self.data.exchange.pending = Some(pending);
        self.ui_state.screen = Screen::Exchange;
        Ok(())
    }

    /// A source with its preview, the school whose report it is and what the database lacks for it.
    /// A report that lacks something is previewed as it would be applied with what is missing added.
    pub(super) fn pending_import(
        &self,
        path: PathBuf,
        mut source: ImportSource,
    ) -> Result<PendingImport, super::AppError> {
        let report_school =
            exchange::missing::report_school(&source.file).map(|s| s.display_name().to_owned());
        let missing = exchange::missing::check_report(&self.store, &source.file)?;
        if missing.is_some() {
            exchange::missing::add_missing(&self.store, &mut source.file)?;
        }
        let preview = source.preview(&self.store)?;
        let names = Names::collect(&self.store, &source.file);
        let mut lines: [Vec<PreviewLine>; 5] = Default::default();
        for item in &preview.items {
            let list = &mut lines[item.kind as usize];
            if list.len() < PREVIEW_LINES_PER_KIND {
                let mut text = preview.describe(&source.file, item, &names);
                if item.kind == RecordKind::Measure && !item.from_deleted {
                    // Who executes it (proposed from the responsible text for a table).
                    let m = exchange::merge::nth_measure(&source.file, item.index);
                    text = format!("{text} — {}", self.i18n.tr(executor_key(m.executor)));
                }
                list.push(PreviewLine {
                    action: item.action,
                    text,
                });
            }
        }
        Ok(PendingImport {
            path,
            source,
            preview,
            lines,
            report_school,
            missing,
            table: None,
            left_out: Vec::new(),
        })
    }

    /// Previews a table with the columns its stage holds, keeping the stage for the column step.
    fn set_pending_table(
        &mut self,
        path: PathBuf,
        stage: TableStage,
    ) -> Result<(), super::AppError> {
        let staged = stage.source(self.today)?;
        self.set_pending(path, staged.source)?;
        if let Some(pending) = self.data.exchange.pending.as_mut() {
            pending.table = Some(stage);
            pending.left_out = staged.left_out;
        }
        Ok(())
    }

    /// Reads the pending table again with other meanings of its columns.
    fn remap_columns(&mut self, columns: Vec<Option<TableColumn>>) -> Result<(), super::AppError> {
        let Some(pending) = self.data.exchange.pending.as_ref() else {
            return Ok(());
        };
        let Some(stage) = pending.table.as_ref() else {
            return Ok(());
        };
        let (path, stage) = (pending.path.clone(), stage.with_columns(columns));
        self.set_pending_table(path, stage)
    }

    /// Sets who executes measures of the pending import and previews it again (its table step kept).
    fn set_pending_executor(
        &mut self,
        measures: &[Id],
        executor: Option<crate::model::Executor>,
    ) -> Result<(), super::AppError> {
        let Some(mut pending) = self.data.exchange.pending.take() else {
            return Ok(());
        };
        for m in pending
            .source
            .file
            .plans
            .iter_mut()
            .flat_map(|p| p.sections.iter_mut())
            .flat_map(|s| s.measures.iter_mut())
            .filter(|m| measures.contains(&m.id))
        {
            m.executor = executor.unwrap_or_else(|| crate::model::propose_executor(&m.responsible));
        }
        let (table, left_out) = (pending.table.take(), std::mem::take(&mut pending.left_out));
        let mut fresh = self.pending_import(pending.path, pending.source)?;
        fresh.table = table;
        fresh.left_out = left_out;
        self.data.exchange.pending = Some(fresh);
        Ok(())
    }

    /// Applies the pending import: a backup of the database first, then exactly what the preview showed.
    /// A report that needs what the database lacks is applied only with `add_missing` (the user's word).
    /// The open plan stays open; a plan is opened only when none was.
    fn apply_pending_import(&mut self, add_missing: bool) -> Result<(), super::AppError> {
        if self.data.exchange.pending.is_none() {
            return Ok(());
        }
        if self.jobs.is_running() {
            return Err(super::AppError::Busy);
        }
        // The window's jobs write through a connection of their own (none for a database in memory).
        let writer = if self.jobs.background() {
            self.store.second_connection()?
        } else {
            None
        };
        let Some(pending) = self.data.exchange.pending.take() else {
            return Ok(());
        };
        if let Some(missing) = &pending.missing
            && !add_missing
        {
            let message = crate::i18n::Localize::message(missing, &self.i18n);
            self.data.exchange.pending = Some(pending);
            return Err(message.into()); // BRIDGE
        }
        if let Some(mut writer) = writer {
            // A region's file is written on a worker through its own connection; the window draws on and
            // writes nothing meanwhile. «Отмена» rolls the merge back.
            let path = pending.path.clone();
            let language = self.i18n.language();
            return self.run_write_job("job-apply-import", &path, APPLY_STEPS, move |progress| {
                writer.stop_when(progress.cancel_flag());
                let applied = apply_counted(
                    &mut writer,
                    &pending.source.file,
                    &pending.preview,
                    progress,
                    &crate::i18n::I18n::new(language),
                );
                super::jobs::JobResult::ImportApplied {
                    pending: Box::new(pending),
                    applied,
                }
            });
        }
        let summary = match apply_counted(
            &mut self.store,
            &pending.source.file,
            &pending.preview,
            &super::jobs::Progress::default(),
            &self.i18n,
        ) {
            super::jobs::Applied::Done(summary) => *summary,
            super::jobs::Applied::Failed(e) => return Err(e.into()), // BRIDGE
            super::jobs::Applied::Cancelled => return Ok(()),
        };
        self.import_applied(pending, summary)
    }

    /// What a job applying the pending import ended with: the new data shown, or the preview back when it
    /// was cancelled (nothing was written).
    pub(super) fn import_job_done(
        &mut self,
        pending: PendingImport,
        applied: super::jobs::Applied,
    ) -> Result<(), super::AppError> {
        match applied {
            super::jobs::Applied::Done(summary) => {
                self.store.note_written_elsewhere();
                self.import_applied(pending, *summary)
            }
            super::jobs::Applied::Cancelled => {
                self.data.exchange.pending = Some(pending);
                self.toasts.info(self.i18n.tr("toast-import-cancelled"));
                Ok(())
            }
            super::jobs::Applied::Failed(e) => {
                self.data.exchange.pending = Some(pending);
                Err(e.into()) // BRIDGE
            }
        }
    }

    /// After the pending import was written: the data reloaded, the summary told.
    fn import_applied(
        &mut self,
        pending: PendingImport,
        summary: exchange::ImportSummary,
    ) -> Result<(), super::AppError> {
        let had_plan = self.data.plan.is_some();
        self.after_import();
        if !had_plan && self.data.plan.is_some() {
            // The database's first road map (a Word or Excel import): show it, not the Обмен screen.
            self.ui_state.screen = Screen::Measures;
        }
        let mut text = summary.to_string();
        // The open plan stays open: say where a new plan of the file is.
        let open = self.data.plan.as_ref().map(|p| p.id);
        let added = pending.preview.items.iter().filter(|i| {
            i.kind == RecordKind::Plan && i.action == exchange::Action::Add && !i.from_deleted
        });
        for plan in added.map(|i| &pending.source.file.plans[i.index]) {
            if Some(plan.id) != open && plan.owner_school.is_none() {
                text.push('\n');
                text.push_str(&self.i18n.tr_args(
                    "exchange-plan-added",
                    &[("title", crate::i18n::Arg::Str(&plan.title))],
                ));
            }
        }
        if let Some(school) = &pending.report_school {
            // The report's changes by measure (the first of them).
            const LISTED: usize = 10;
            let marks = pending.lines_of(crate::store::RecordKind::Progress);
            let mut lines: Vec<String> = marks
                .iter()
                .take(LISTED)
                .map(|l| format!("• {}", l.text))
                .collect();
            if marks.len() > LISTED {
                lines.push(self.i18n.tr_args(
                    "exchange-more",
                    &[(
                        "count",
                        crate::i18n::Arg::Num((marks.len() - LISTED) as f64),
                    )],
                ));
            }
            text = format!(
                "{}\n{text}\n{}",
                self.report_heading(school),
                lines.join("\n")
            );
        }
        // Not a plain «Импорт завершён» when the plan does not hold all of the table.
        self.toast_with_left_out(text, &pending.left_out);
        Ok(())
    }

    /// After an import: undo cleared, data reloaded; the open plan stays (a plan is opened only when none
    /// was open).
    pub(super) fn after_import(&mut self) {
        self.undo.clear();
        // Reloading keeps the open plan (or opens the first when none was open).
        self.reload_all();
        self.refresh_exchange();
    }

    /// «Отчёт школы «…»» as the results name it.
    pub(super) fn report_heading(&self, school: &str) -> String {
        self.i18n.tr_args(
            "exchange-report-of",
            &[("school", crate::i18n::Arg::Str(school))],
        )
    }

    /// Reads the pending table with the user's columns and previews it.
    fn apply_mapping(
        &mut self,
        header_row: Option<usize>,
        columns: Vec<Option<TableColumn>>,
    ) -> Result<(), super::AppError> {
        let Some(mapping) = self.data.exchange.mapping.as_ref() else {
            return Ok(());
        };
        let stage = TableStage {
            origin: mapping.table.clone(),
            mapping: ColumnMapping {
                header_row,
                columns,
                ..Default::default()
            },
        };
        let path = mapping.path.clone();
        self.set_pending_table(path, stage)?;
        self.data.exchange.mapping = None;
        Ok(())
    }

    fn resolve_conflict(
        &mut self,
        kind: RecordKind,
        key: &str,
        resolution: Resolution,
    ) -> Result<(), super::AppError> {
        let conflict = self
            .data
            .exchange
            .conflicts
            .iter()
            .find(|c| c.kind == kind && c.key == key)
            .cloned()
            .ok_or(super::AppError::NoConflict)?;
        conflicts::resolve(&mut self.store, &conflict, resolution)?;
        // The undo steps may hold the versions the resolution replaced.
        self.undo.clear();
        self.reload_all();
        self.refresh_exchange();
        self.toasts.info(self.i18n.tr("toast-conflict-resolved"));
        Ok(())
    }

    fn restore_backup(&mut self, path: &Path) -> Result<(), super::AppError> {
        if self.jobs.is_running() {
            return Err(super::AppError::Busy);
        }
        let writer = if self.jobs.background() {
            self.store.second_connection()?
        } else {
            None
        };
        if let Some(mut writer) = writer {
            // A region's database is copied back on a worker, page by page; «Отмена» leaves it as it was.
            let file = path.to_path_buf();
            let language = self.i18n.language();
            return self.run_write_job("job-restore", path, 0, move |progress| {
                let restored = writer.restore_counted(&file, |done, total| {
                    progress.set_total(total);
                    progress.set_done(done);
                    !progress.cancelled()
                });
                super::jobs::JobResult::Restored(
                    restored.map_err(|e| e.message(&crate::i18n::I18n::new(language))),
                )
            });
        }
        self.store.restore_from(path)?;
        self.backup_restored();
        Ok(())
    }

    /// What a job restoring a backup ended with.
    pub(super) fn restore_job_done(
        &mut self,
        restored: Result<crate::store::Restore, String>,
    ) -> Result<(), super::AppError> {
        match restored? {
            crate::store::Restore::Done { .. } => {
                self.store.note_written_elsewhere();
                self.backup_restored();
                Ok(())
            }
            crate::store::Restore::Stopped => {
                self.toasts.info(self.i18n.tr("toast-restore-cancelled"));
                Ok(())
            }
        }
    }

    /// After a backup was restored: everything read again from it.
    fn backup_restored(&mut self) {
        self.undo.clear();
        self.data.exchange.pending = None;
        self.data.plan = None;
        self.reload_all();
        self.refresh_exchange();
        self.toasts.info(self.i18n.tr("toast-backup-restored"));
    }

    fn export_school(&mut self, school: Id, path: &Path) -> Result<(), super::AppError> {
        let origin = exchange::json::origin(&mut self.store)?;
        let file = exchange::export_school(&self.store, school, origin)?;
        self.write_export(path, exchange::to_json(&file).into_bytes())
    }

    /// The open plan's grid as CSV: every measure, or those the grid's filter shows.
    fn export_csv(&mut self, filtered: bool, path: &Path) -> Result<(), super::AppError> {
        let plan = self.plan()?;
        let bytes = if filtered {
            let matcher = self.ui_state.filter.matcher(&self.data.schools);
            let ids: HashSet<Id> = plan
                .measures()
                .filter(|m| matcher.matches(m, self.data.progress.get(&m.id), self.today))
                .map(|m| m.id)
                .collect();
            exchange::csv_export::grid_csv(plan, Some(&ids))
        } else {
            exchange::csv_export::grid_csv(plan, None)
        };
        self.write_export(path, bytes)
    }

    fn write_export(&mut self, path: &Path, bytes: Vec<u8>) -> Result<(), super::AppError> {
        let done = self.i18n.tr_args(
            "toast-exported",
            &[("path", crate::i18n::Arg::Str(&path.display().to_string()))],
        );
        self.write_in_background(path, bytes, done)
    }

    /// Reloads the conflicts and the list of backups (after imports, resolutions, restores, and at start).
    pub(super) fn refresh_exchange(&mut self) {
        match self.store.conflicts() {
            Ok(list) => self.data.exchange.conflicts = list,
            Err(e) => self.toasts.error(e.to_string()),
        }
        self.data.exchange.backups = self.store.backups();
    }
}

/// The message key naming who executes a measure.
pub(super) fn executor_key(executor: crate::model::Executor) -> &'static str {
    match executor {
        crate::model::Executor::Office => "schools-executor-office",
        crate::model::Executor::Schools => "schools-executor-schools",
        crate::model::Executor::Both => "schools-executor-both",
    }
}

/// The steps of applying an import: the backup, the merge.
const APPLY_STEPS: u64 = 2;

/// Applies an import as its preview showed it — a backup of the database first when it changes anything —
/// counting the steps on `progress`; a cancel before or during the merge writes nothing. Errors worded by
/// `i18n`.
pub(super) fn apply_counted(
    store: &mut crate::store::Store,
    file: &exchange::ExchangeFile,
    preview: &exchange::ImportPreview,
    progress: &super::jobs::Progress,
    i18n: &crate::i18n::I18n,
) -> super::jobs::Applied {
    use super::jobs::Applied;
    progress.set_total(APPLY_STEPS);
    if preview.changed()
        && let Err(e) = store.backup()
    {
        return Applied::Failed(e.message(i18n));
    }
    progress.set_done(1);
    if progress.cancelled() {
        return Applied::Cancelled;
    }
    let applied = exchange::apply(store, file, preview);
    progress.set_done(2);
    match applied {
        Ok(summary) => Applied::Done(Box::new(summary)),
        Err(_) if progress.cancelled() => Applied::Cancelled,
        Err(e) => Applied::Failed(e.message(i18n)),
    }
}

/// Reads any importable file: an exchange file, a CSV/TSV table, a Word or Excel road map.
/// A refusal is worded in `language` (the job runs apart from the window's translations).
fn read_any(
    path: &Path,
    today: chrono::NaiveDate,
    language: crate::i18n::Language,
) -> Result<ImportSource, String> {
    use crate::i18n::{I18n, Localize};
    if exchange::office::is_office_path(path) {
        return exchange::office::import_source(path, today)
            .map_err(|e| e.message(&I18n::new(language)));
    }
    exchange::read_source(path, today).map_err(|e: ExchangeError| e.message(&I18n::new(language)))
}
