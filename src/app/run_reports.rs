//! «Собрать отчёты» — several schools' reports previewed together and applied after one backup — and
//! «Разослать школам» — the open plan written as one file per school into a folder.

use std::path::{Path, PathBuf};

use crate::exchange;
use crate::i18n::Arg;

use super::exchange_state::PendingReports;
use super::{AppError, JobFailure, RoadmapApp, Screen};

impl RoadmapApp {
    /// Reads every file (a folder stands for its `.json` files) as a school's report and previews each
    /// against the database as it is, in a job counting the files; files that cannot be read, or are not a
    /// school's report, are listed. «Отмена» leaves what the screen showed.
    pub(super) fn collect_reports(&mut self, paths: &[PathBuf]) -> Result<(), AppError> {
        let today = self.today;
        let files = report_files(paths)?;
        if files.is_empty() {
            return Err(AppError::NoReports);
        }
        let first = paths.first().cloned().unwrap_or_default();
        let total = files.len() as u64;
        self.run_read_job(
            "job-collect-reports",
            &first,
            total,
            move |store, i18n, progress| {
                let collected = read_reports(store, i18n, today, files, progress)
                    .map(Box::new)
                    .map_err(JobFailure::new);
                super::jobs::JobResult::ReportsCollected(collected)
            },
        )
    }

    /// Shows the reports a job collected.
    pub(super) fn reports_collected(
        &mut self,
        collected: Result<Box<PendingReports>, JobFailure>,
    ) -> Result<(), AppError> {
        self.data.exchange.reports = Some(*collected?);
        self.data.exchange.pending = None;
        self.ui_state.screen = Screen::Exchange;
        Ok(())
    }

    /// Applies the pending reports: one backup first, then each report in turn (each previewed again
    /// against the database as the reports before it left it). The open plan stays open.
    pub(super) fn apply_reports(&mut self, add_missing: bool) -> Result<(), AppError> {
        let Some(reports) = self.data.exchange.reports.as_ref() else {
            return Ok(());
        };
        if reports.missing() && !add_missing {
            return Err(AppError::MissingReferences(
                reports
                    .parts
                    .iter()
                    .filter_map(|p| p.missing.clone())
                    .collect(),
            ));
        }
        let writer = self.job_writer()?;
        let Some(reports) = self.data.exchange.reports.take() else {
            return Ok(());
        };
        if let Some(mut writer) = writer {
            // The reports are written on a worker through its own connection, counted one by one.
            let total = reports.parts.len() as u64;
            let title = self
                .i18n
                .tr_args("job-apply-reports", &[("count", Arg::Num(total as f64))]);
            let read_back = self.read_back(true);
            let started = self.jobs.start(
                title,
                super::jobs::JobKind::Writes,
                total,
                move |progress| {
                    writer.stop_when(progress.cancel_flag());
                    let mut outcome = apply_reports_counted(&mut writer, &reports, progress);
                    // The region's reports are let go here, not on the window's thread.
                    drop(reports);
                    outcome.reloaded = Some(read_back.read(&writer));
                    super::jobs::JobResult::ReportsApplied(Box::new(outcome))
                },
            );
            return self.job_started(started);
        }
        let outcome =
            apply_reports_counted(&mut self.store, &reports, &super::jobs::Progress::default());
        self.reports_applied(outcome)
    }

    /// What applying the reports ended with: the data reloaded, each school's marks told.
    pub(super) fn reports_applied(
        &mut self,
        mut outcome: super::jobs::ReportsOutcome,
    ) -> Result<(), AppError> {
        match outcome.reloaded.take() {
            Some(reloaded) => self.show_read_back(reloaded),
            None => {
                self.store.note_written_elsewhere();
                self.after_import();
            }
        }
        if outcome.cancelled {
            self.toasts.info(self.i18n.tr("toast-reports-cancelled"));
            return Ok(());
        }
        let lines: Vec<String> = outcome
            .applied
            .iter()
            .map(|(school, summary)| {
                format!(
                    "{}: {}",
                    self.report_heading(school),
                    self.i18n.tr_args(
                        "exchange-report-marks",
                        &[
                            ("added", Arg::Num(summary.progress.added as f64)),
                            ("updated", Arg::Num(summary.progress.updated as f64)),
                        ],
                    )
                )
            })
            .collect();
        if !lines.is_empty() {
            self.toasts.info(lines.join("\n"));
        }
        match outcome.failed {
            Some(failure) => Err(failure.into()),
            None => Ok(()),
        }
    }

    /// Writes the open plan's file for every school it concerns into `folder`, by a job counting the
    /// schools: every file is written under a temporary name and renamed when all are written, so a cancel
    /// or a failure leaves the folder as it was.
    pub(super) fn send_plans(&mut self, folder: &Path) -> Result<(), AppError> {
        let plan = self.plan()?;
        let plan_id = plan.id;
        let recipients: Vec<_> = exchange::send::recipients(plan, &self.data.schools)
            .into_iter()
            .map(|school| {
                let name = exchange::send::plan_file_name(school, plan.period);
                (school.id, folder.join(name))
            })
            .collect();
        if recipients.is_empty() {
            return Err(AppError::NothingToSend);
        }
        let origin = exchange::json::origin(&mut self.store)?;
        let done = self.i18n.tr_args(
            "exchange-sent",
            &[
                ("count", Arg::Num(recipients.len() as f64)),
                ("folder", Arg::Str(&folder.display().to_string())),
            ],
        );
        let protected = crate::output::Protected::of_store(&self.store);
        let total = 2 * recipients.len() as u64;
        self.run_read_job(
            "job-send-plans",
            folder,
            total,
            move |store, _, progress| {
                let mut files = Vec::with_capacity(recipients.len());
                for (n, (school, path)) in recipients.into_iter().enumerate() {
                    if progress.cancelled() {
                        break;
                    }
                    match exchange::send::plan_for_school(store, plan_id, school, origin.clone()) {
                        Ok(file) => files.push((path, exchange::to_json(&file).into_bytes())),
                        Err(e) => return super::jobs::JobResult::Written(Err(JobFailure::new(e))),
                    }
                    progress.set_done(n as u64 + 1);
                }
                // A cancel before here writes nothing; during the writing it removes the temporary files.
                let written = super::jobs::write_all_unless_cancelled(&files, &protected, progress)
                    .map(|()| done)
                    .map_err(JobFailure::new);
                super::jobs::JobResult::Written(written)
            },
        )
    }
}

/// The files `paths` name, a folder standing for its `.json` files.
fn report_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, AppError> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|error| AppError::FolderUnreadable {
                    path: path.clone(),
                    error,
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                })
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Reads every file as a school's report and previews each against `store`, counting the files on
/// `progress`; stops early when cancelled (its result is dropped then).
fn read_reports(
    store: &crate::store::Store,
    i18n: &crate::i18n::I18n,
    today: chrono::NaiveDate,
    files: Vec<PathBuf>,
    progress: &super::jobs::Progress,
) -> Result<PendingReports, AppError> {
    let mut reports = PendingReports::default();
    for (n, path) in files.into_iter().enumerate() {
        if progress.cancelled() {
            break;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match read_report(store, i18n, today, path) {
            Ok(part) => reports.parts.push(part),
            Err(e) => reports.refused.push((name, JobFailure::new(e))),
        }
        progress.set_done(n as u64 + 1);
    }
    if reports.parts.is_empty() && reports.refused.is_empty() {
        return Err(AppError::NoReports);
    }
    Ok(reports)
}

/// One file read as a school's report and previewed against `store`.
fn read_report(
    store: &crate::store::Store,
    i18n: &crate::i18n::I18n,
    today: chrono::NaiveDate,
    path: PathBuf,
) -> Result<super::PendingImport, AppError> {
    let source = exchange::read_source(&path, today)?;
    if exchange::missing::report_school(&source.file).is_none() {
        return Err(AppError::NotAReport);
    }
    super::run_exchange::pending_import(store, i18n, path, source)
}

/// Applies the reports in turn — one backup first, each report previewed again against the database as the
/// reports before it left it — counting them on `progress`. Cancelled, the database is put back from that
/// backup: it is as it was before the first report.
fn apply_reports_counted(
    store: &mut crate::store::Store,
    reports: &PendingReports,
    progress: &super::jobs::Progress,
) -> super::jobs::ReportsOutcome {
    let mut outcome = super::jobs::ReportsOutcome::default();
    let backup = if reports.parts.iter().any(|p| p.preview.changed()) {
        match store.backup() {
            Ok(backup) => backup,
            Err(e) => {
                outcome.failed = Some(JobFailure::new(e));
                return outcome;
            }
        }
    } else {
        None
    };
    for (n, part) in reports.parts.iter().enumerate() {
        let school = part.report_school.clone().unwrap_or_default();
        if progress.cancelled() {
            break;
        }
        let applied = part
            .source
            .preview(store)
            .and_then(|preview| exchange::apply(store, &part.source.file, &preview));
        match applied {
            Ok(summary) => outcome.applied.push((school, summary)),
            Err(_) if progress.cancelled() => break,
            Err(e) => {
                outcome.failed = Some(JobFailure::new(AppError::ReportRefused {
                    school,
                    error: Box::new(e.into()),
                }));
                break;
            }
        }
        progress.set_done(n as u64 + 1);
    }
    if progress.cancelled() {
        outcome.cancelled = true;
        if let Some(backup) = backup
            && !outcome.applied.is_empty()
        {
            // The stop flag would stop the restore too: it is the user's cancel being carried out.
            store.stop_when(std::sync::Arc::default());
            if let Err(e) = store.restore_from(&backup) {
                outcome.cancelled = false;
                outcome.failed = Some(JobFailure::new(e));
            }
        }
    }
    outcome
}
