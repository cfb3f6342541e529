//! The Обмен screen's commands: import in two steps (read and preview → apply or cancel), the column-mapping
//! step for tables whose header is not recognised, conflicts, restoring a backup, and the export targets
//! (a school's report, the grid as CSV — all of it or what the grid's filter shows).

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
use super::{AppError, ExchangeCommand, JobFailure, RoadmapApp, Screen};

impl RoadmapApp {
    pub(super) fn run_exchange(&mut self, command: ExchangeCommand) -> Result<(), AppError> {
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
                let filter = self.i18n.tr("filter-exchange");
                self.choose_save(
                    Purpose::ExportSchool(school),
                    "dialog-export-title",
                    format!("{}.json", super::runner::file_stem(&name)),
                    &[(&filter, &["json"])],
                )
            }
            ExchangeCommand::ExportSchool { school, path } => self.export_school(school, &path),
            ExchangeCommand::PickAndExportCsv { filtered } => {
                let title = self.plan()?.title.clone();
                self.choose_save(
                    Purpose::ExportCsv { filtered },
                    "dialog-export-title",
                    format!("{}.csv", super::runner::file_stem(&title)),
                    &[("CSV", &["csv"])],
                )
            }
            ExchangeCommand::ExportCsv { filtered, path } => self.export_csv(filtered, &path),
        }
    }

    /// Asks where to save a file: the chooser titled by `title_key`, offering `file_name` and `filters`
    /// (name, extensions).
    pub(super) fn choose_save(
        &mut self,
        purpose: Purpose,
        title_key: &str,
        file_name: String,
        filters: &[(&str, &[&str])],
    ) -> Result<(), AppError> {
        let request = Request::new(purpose, Mode::Save, self.i18n.tr(title_key));
        let request = filters
            .iter()
            .fold(request, |r, (name, extensions)| r.filter(*name, extensions));
        self.choose(request.file_name(file_name))
    }

    /// Reads a file and previews importing it, writing nothing; the Обмен screen shows the preview. A table
    /// whose header is not recognised goes to the column-mapping step instead. Reading and previewing (a
    /// region's exchange file, a large workbook) is a job: the window stays live, and «Отмена» leaves what
    /// the screen showed before.
    pub(super) fn preview_import(&mut self, path: &Path) -> Result<(), AppError> {
        let today = self.today;
        let file = path.to_path_buf();
        self.run_read_job(
            "job-import",
            path,
            READ_STEPS,
            move |store, i18n, progress| {
                super::jobs::JobResult::ImportRead(
                    read_and_preview(store, i18n, today, file, progress).map_err(JobFailure::new),
                )
            },
        )
    }

    /// Shows what an import job read: its preview, or the column mapping of a table not recognised.
    pub(super) fn import_read(
        &mut self,
        read: Result<super::jobs::ImportRead, JobFailure>,
    ) -> Result<(), AppError> {
        let exchange = &mut self.data.exchange;
        match read? {
            super::jobs::ImportRead::Previewed(pending) => {
                exchange.pending = Some(*pending);
                exchange.mapping = None;
            }
            super::jobs::ImportRead::Mapping(mapping) => {
                exchange.pending = None;
                exchange.mapping = Some(*mapping);
            }
        }
        self.ui_state.screen = Screen::Exchange;
        Ok(())
    }

    /// Previews a table with the columns its stage holds, by a job (see `preview_import`).
    fn preview_table_in_job(&mut self, path: PathBuf, stage: TableStage) -> Result<(), AppError> {
        let today = self.today;
        let title_path = path.clone();
        self.run_read_job(
            "job-preview",
            &title_path,
            1,
            move |store, i18n, progress| {
                let previewed = preview_table(store, i18n, today, path, stage)
                    .map(|p| super::jobs::ImportRead::Previewed(Box::new(p)))
                    .map_err(JobFailure::new);
                progress.set_done(1);
                super::jobs::JobResult::ImportRead(previewed)
            },
        )
    }

    /// Reads the pending table again with other meanings of its columns.
    fn remap_columns(&mut self, columns: Vec<Option<TableColumn>>) -> Result<(), AppError> {
        let Some(pending) = self.data.exchange.pending.as_ref() else {
            return Ok(());
        };
        let Some(stage) = pending.table.as_ref() else {
            return Ok(());
        };
        let (path, stage) = (pending.path.clone(), stage.with_columns(columns));
        self.preview_table_in_job(path, stage)
    }

    /// Sets who executes measures of the pending import and previews it again (its table step kept).
    fn set_pending_executor(
        &mut self,
        measures: &[Id],
        executor: Option<crate::model::Executor>,
    ) -> Result<(), AppError> {
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
        let mut fresh = pending_import(&self.store, &self.i18n, pending.path, pending.source)?;
        fresh.table = table;
        fresh.left_out = left_out;
        self.data.exchange.pending = Some(fresh);
        Ok(())
    }

    /// Applies the pending import: a backup of the database first, then exactly what the preview showed.
    /// A report that needs what the database lacks is applied only with `add_missing` (the user's word).
    /// The open plan stays open; a plan is opened only when none was.
    fn apply_pending_import(&mut self, add_missing: bool) -> Result<(), AppError> {
        if self.data.exchange.pending.is_none() {
            return Ok(());
        }
        // The window's jobs write through a connection of their own (none for a database in memory).
        let writer = self.job_writer()?;
        let Some(pending) = self.data.exchange.pending.take() else {
            return Ok(());
        };
        if let Some(missing) = &pending.missing
            && !add_missing
        {
            let missing = missing.clone();
            self.data.exchange.pending = Some(pending);
            return Err(AppError::MissingReferences(vec![missing]));
        }
        if let Some(mut writer) = writer {
            // A region's file is written on a worker through its own connection, which then reads back what
            // the window shows; the window draws on and writes nothing meanwhile. «Отмена» rolls the merge
            // back.
            let path = pending.path.clone();
            let read_back = self.read_back(true);
            return self.run_write_job("job-apply-import", &path, APPLY_STEPS, move |progress| {
                writer.stop_when(progress.cancel_flag());
                let applied = apply_counted(
                    &mut writer,
                    &pending.source.file,
                    &pending.preview,
                    progress,
                );
                let outcome = match applied {
                    super::jobs::Applied::Done(summary) => {
                        let told = Box::new(ImportTold::of(&pending));
                        // A region's file is let go here, not on the window's thread.
                        drop(pending);
                        let reloaded = read_back.read(&writer);
                        super::jobs::ImportOutcome::Done {
                            summary,
                            told,
                            reloaded,
                        }
                    }
                    super::jobs::Applied::Cancelled => {
                        super::jobs::ImportOutcome::Cancelled(Box::new(pending))
                    }
                    super::jobs::Applied::Failed(e) => {
                        super::jobs::ImportOutcome::Failed(Box::new(pending), e)
                    }
                };
                super::jobs::JobResult::ImportApplied(outcome)
            });
        }
        let summary = match apply_counted(
            &mut self.store,
            &pending.source.file,
            &pending.preview,
            &super::jobs::Progress::default(),
        ) {
            super::jobs::Applied::Done(summary) => *summary,
            super::jobs::Applied::Failed(e) => {
                self.data.exchange.pending = Some(pending);
                return Err(e.into());
            }
            super::jobs::Applied::Cancelled => return Ok(()),
        };
        self.import_applied(&ImportTold::of(&pending), summary, None)
    }

    /// What a job applying the pending import ended with: the new data shown, or the preview back when it
    /// was cancelled or failed (nothing was written).
    pub(super) fn import_job_done(
        &mut self,
        outcome: super::jobs::ImportOutcome,
    ) -> Result<(), AppError> {
        match outcome {
            super::jobs::ImportOutcome::Done {
                summary,
                told,
                reloaded,
            } => self.import_applied(&told, *summary, Some(reloaded)),
            super::jobs::ImportOutcome::Cancelled(pending) => {
                self.data.exchange.pending = Some(*pending);
                self.toasts.info(self.i18n.tr("toast-import-cancelled"));
                Ok(())
            }
            super::jobs::ImportOutcome::Failed(pending, e) => {
                self.data.exchange.pending = Some(*pending);
                Err(e.into())
            }
        }
    }

    /// After the pending import was written: the data shown (`reloaded` when a job read it back, else read
    /// here), the summary told.
    fn import_applied(
        &mut self,
        told: &ImportTold,
        summary: exchange::ImportSummary,
        reloaded: Option<Result<Box<super::reload::Reloaded>, JobFailure>>,
    ) -> Result<(), AppError> {
        let had_plan = self.data.plan.is_some();
        match reloaded {
            Some(reloaded) => self.show_read_back(reloaded),
            None => self.after_import(),
        }
        if !had_plan && self.data.plan.is_some() {
            // The database's first road map (a Word or Excel import): show it, not the Обмен screen.
            self.ui_state.screen = Screen::Measures;
        }
        let mut text = summary.to_string();
        // The open plan stays open: say where a new plan of the file is.
        let open = self.data.plan.as_ref().map(|p| p.id);
        for (id, title) in &told.added_plans {
            if Some(*id) != open {
                text.push('\n');
                text.push_str(&self.i18n.tr_args(
                    "exchange-plan-added",
                    &[("title", crate::i18n::Arg::Str(title))],
                ));
            }
        }
        if let Some(school) = &told.report_school {
            // The report's changes by measure (the first of them).
            let mut lines: Vec<String> = told.marks.iter().map(|l| format!("• {l}")).collect();
            if told.more_marks > 0 {
                lines.push(self.i18n.tr_args(
                    "exchange-more",
                    &[("count", crate::i18n::Arg::Num(told.more_marks as f64))],
                ));
            }
            text = format!(
                "{}\n{text}\n{}",
                self.report_heading(school),
                lines.join("\n")
            );
        }
        // Not a plain «Импорт завершён» when the plan does not hold all of the table.
        self.toast_with_left_out(text, &told.left_out);
        Ok(())
    }

    /// After an import: undo cleared, data reloaded; the open plan stays (a plan is opened only when none
    /// was open).
    pub(super) fn after_import(&mut self) {
        self.undo.clear();
        // Reloading keeps the open plan (or opens the first when none was open).
        self.reload_all();
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
    ) -> Result<(), AppError> {
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
        self.preview_table_in_job(path, stage)
    }

    fn resolve_conflict(
        &mut self,
        kind: RecordKind,
        key: &str,
        resolution: Resolution,
    ) -> Result<(), AppError> {
        let conflict = self
            .data
            .exchange
            .conflicts
            .iter()
            .find(|c| c.kind == kind && c.key == key)
            .cloned()
            .ok_or(AppError::NoConflict)?;
        conflicts::resolve(&mut self.store, &conflict, resolution)?;
        // The undo steps may hold the versions the resolution replaced.
        self.undo.clear();
        self.reload_all();
        self.toasts.info(self.i18n.tr("toast-conflict-resolved"));
        Ok(())
    }

    fn restore_backup(&mut self, path: &Path) -> Result<(), AppError> {
        if let Some(mut writer) = self.job_writer()? {
            // A region's database is copied back on a worker, page by page; «Отмена» leaves it as it was.
            let file = path.to_path_buf();
            // Restored, everything is read back from it; the plan open before may not be there.
            let read_back = self.read_back(false);
            return self.run_write_job("job-restore", path, 0, move |progress| {
                let restored = writer.restore_counted(&file, |done, total| {
                    progress.set_total(total);
                    progress.set_done(done);
                    !progress.cancelled()
                });
                let reloaded = match &restored {
                    Ok(crate::store::Restore::Done { .. }) => Some(read_back.read(&writer)),
                    _ => None,
                };
                super::jobs::JobResult::Restored {
                    restored: restored.map_err(JobFailure::new),
                    reloaded,
                }
            });
        }
        self.store.restore_from(path)?;
        self.backup_restored(None);
        Ok(())
    }

    /// What a job restoring a backup ended with.
    pub(super) fn restore_job_done(
        &mut self,
        restored: Result<crate::store::Restore, JobFailure>,
        reloaded: Option<Result<Box<super::reload::Reloaded>, JobFailure>>,
    ) -> Result<(), AppError> {
        match restored? {
            crate::store::Restore::Done { .. } => {
                self.backup_restored(reloaded);
                Ok(())
            }
            crate::store::Restore::Stopped => {
                self.toasts.info(self.i18n.tr("toast-restore-cancelled"));
                Ok(())
            }
        }
    }

    /// After a backup was restored: everything read again from it (`reloaded` when a job read it back).
    fn backup_restored(
        &mut self,
        reloaded: Option<Result<Box<super::reload::Reloaded>, JobFailure>>,
    ) {
        self.data.exchange.pending = None;
        match reloaded {
            Some(reloaded) => self.show_read_back(reloaded),
            None => {
                self.undo.clear();
                self.data.plan = None;
                self.reload_all();
            }
        }
        self.toasts.info(self.i18n.tr("toast-backup-restored"));
    }

    fn export_school(&mut self, school: Id, path: &Path) -> Result<(), AppError> {
        self.export_in_job(path, move |store, origin| {
            exchange::export_school(store, school, origin)
        })
    }

    /// Writes an exchange file that `make` reads from the store, by a job with a read-only connection of
    /// its own (a region's plan holds hundreds of thousands of records): read, made into JSON, written.
    pub(super) fn export_in_job(
        &mut self,
        path: &Path,
        make: impl FnOnce(
            &crate::store::Store,
            exchange::Origin,
        ) -> Result<exchange::ExchangeFile, ExchangeError>
        + Send
        + 'static,
    ) -> Result<(), AppError> {
        let origin = exchange::json::origin(&mut self.store)?;
        let done = self.i18n.tr_args(
            "toast-exported",
            &[("path", crate::i18n::Arg::Str(&path.display().to_string()))],
        );
        let protected = crate::output::Protected::of_store(&self.store);
        let file = path.to_path_buf();
        self.run_read_job("job-export", path, 3, move |store, _, progress| {
            let written = make(store, origin)
                .map_err(AppError::from)
                .and_then(|exported| {
                    progress.set_done(1);
                    let text = exchange::to_json(&exported);
                    progress.set_done(2);
                    super::jobs::write_unless_cancelled(
                        &file,
                        &protected,
                        text.as_bytes(),
                        progress,
                    )
                    .map(|()| done)
                    .map_err(AppError::from)
                })
                .map_err(JobFailure::new);
            progress.set_done(3);
            super::jobs::JobResult::Written(written)
        })
    }

    /// The open plan's grid as CSV: every measure, or those the grid's filter shows.
    fn export_csv(&mut self, filtered: bool, path: &Path) -> Result<(), AppError> {
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

    fn write_export(&mut self, path: &Path, bytes: Vec<u8>) -> Result<(), AppError> {
        let done = self.i18n.tr_args(
            "toast-exported",
            &[("path", crate::i18n::Arg::Str(&path.display().to_string()))],
        );
        self.write_in_background(path, bytes, done)
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

/// What the window tells once an import is written, taken from its pending import (which may then go).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportTold {
    /// The file's new district plans: id and title.
    added_plans: Vec<(Id, String)>,
    /// The school whose report it was.
    report_school: Option<String>,
    /// A report's changes by measure: the first of them, and how many more.
    marks: Vec<String>,
    more_marks: usize,
    /// What the plan does not hold of a table.
    left_out: Vec<String>,
}

impl ImportTold {
    fn of(pending: &PendingImport) -> Self {
        const LISTED: usize = 10;
        let added_plans = pending
            .preview
            .items
            .iter()
            .filter(|i| {
                i.kind == RecordKind::Plan && i.action == exchange::Action::Add && !i.from_deleted
            })
            .map(|i| &pending.source.file.plans[i.index])
            .filter(|plan| plan.owner_school.is_none())
            .map(|plan| (plan.id, plan.title.clone()))
            .collect();
        let marks = pending.lines_of(RecordKind::Progress);
        Self {
            added_plans,
            report_school: pending.report_school.clone(),
            marks: marks.iter().take(LISTED).map(|l| l.text.clone()).collect(),
            more_marks: marks.len().saturating_sub(LISTED),
            left_out: pending.left_out.clone(),
        }
    }
}

/// The steps of applying an import: the backup, the merge.
const APPLY_STEPS: u64 = 2;

/// Applies an import as its preview showed it — a backup of the database first when it changes anything —
/// counting the steps on `progress`; a cancel before or during the merge writes nothing.
pub(super) fn apply_counted(
    store: &mut crate::store::Store,
    file: &exchange::ExchangeFile,
    preview: &exchange::ImportPreview,
    progress: &super::jobs::Progress,
) -> super::jobs::Applied {
    use super::jobs::Applied;
    progress.set_total(APPLY_STEPS);
    if preview.changed()
        && let Err(e) = store.backup()
    {
        return Applied::Failed(JobFailure::new(e));
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
        Err(e) => Applied::Failed(JobFailure::new(e)),
    }
}

/// The steps of reading an import: reading the file, previewing it.
const READ_STEPS: u64 = 2;

/// Reads an import file and previews it against `store`: a table with the columns its header names, an
/// exchange file; a file that cannot be read as either but holds a table goes to the column mapping. Two
/// steps on `progress`: reading, previewing.
fn read_and_preview(
    store: &crate::store::Store,
    i18n: &crate::i18n::I18n,
    today: chrono::NaiveDate,
    path: PathBuf,
    progress: &super::jobs::Progress,
) -> Result<super::jobs::ImportRead, AppError> {
    use super::jobs::ImportRead;
    let read = match TableStage::read(&path) {
        Ok(Some(stage)) => {
            progress.set_done(1);
            let pending = preview_table(store, i18n, today, path, stage)?;
            return Ok(ImportRead::Previewed(Box::new(pending)));
        }
        Ok(None) => read_any(&path, today),
        Err(e) => Err(e.into()),
    };
    progress.set_done(1);
    match read {
        Ok(source) => {
            let pending = pending_import(store, i18n, path, source)?;
            Ok(ImportRead::Previewed(Box::new(pending)))
        }
        Err(refusal) => match StageOrigin::unrecognised(&path) {
            Some(table) => Ok(ImportRead::Mapping(Box::new(PendingMapping {
                path,
                table,
                message: JobFailure::new(refusal),
            }))),
            None => Err(refusal),
        },
    }
}

/// The preview of a table read with the columns its stage holds; the stage is kept for the column step.
fn preview_table(
    store: &crate::store::Store,
    i18n: &crate::i18n::I18n,
    today: chrono::NaiveDate,
    path: PathBuf,
    stage: TableStage,
) -> Result<PendingImport, AppError> {
    let staged = stage.source(today)?;
    let mut pending = pending_import(store, i18n, path, staged.source)?;
    pending.table = Some(stage);
    pending.left_out = staged.left_out;
    Ok(pending)
}

/// A source with its preview against `store`, the school whose report it is and what the database lacks
/// for it. A report that lacks something is previewed as it would be applied with what is missing added.
pub(super) fn pending_import(
    store: &crate::store::Store,
    i18n: &crate::i18n::I18n,
    path: PathBuf,
    mut source: ImportSource,
) -> Result<PendingImport, AppError> {
    let report_school =
        exchange::missing::report_school(&source.file).map(|s| s.display_name().to_owned());
    let missing = exchange::missing::check_report(store, &source.file)?;
    if missing.is_some() {
        exchange::missing::add_missing(store, &mut source.file)?;
    }
    let preview = source.preview(store)?;
    let names = Names::collect(store, &source.file);
    let mut lines: [Vec<PreviewLine>; 5] = Default::default();
    for item in &preview.items {
        let list = &mut lines[item.kind as usize];
        if list.len() < PREVIEW_LINES_PER_KIND {
            let mut text = preview.describe(&source.file, item, &names);
            if item.kind == RecordKind::Measure && !item.from_deleted {
                // Who executes it (proposed from the responsible text for a table).
                let m = exchange::merge::nth_measure(&source.file, item.index);
                text = format!("{text} — {}", i18n.tr(executor_key(m.executor)));
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

/// Reads any importable file: an exchange file, a CSV/TSV table, a Word or Excel road map.
fn read_any(path: &Path, today: chrono::NaiveDate) -> Result<ImportSource, AppError> {
    if exchange::office::is_office_path(path) {
        return Ok(exchange::office::import_source(path, today)?);
    }
    Ok(exchange::read_source(path, today)?)
}
