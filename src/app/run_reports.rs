//! «Собрать отчёты» — several schools' reports previewed together and applied after one backup — and
//! «Разослать школам» — the open plan written as one file per school into a folder.

use crate::i18n::Localize;
use std::path::{Path, PathBuf};

use crate::exchange;
use crate::i18n::Arg;

use super::exchange_state::PendingReports;
use super::{RoadmapApp, Screen};

impl RoadmapApp {
    /// Reads every file (a folder stands for its `.json` files) as a school's report and previews each
    /// against the database as it is; files that cannot be read, or are not a school's report, are listed.
    pub(super) fn collect_reports(&mut self, paths: &[PathBuf]) -> Result<(), super::AppError> {
        let mut files = Vec::new();
        for path in paths {
            if path.is_dir() {
                let mut inside: Vec<PathBuf> = std::fs::read_dir(path)
                    .map_err(|e| format!("{}: {e}", path.display()))?
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
        let mut reports = PendingReports::default();
        for path in files {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let source = match exchange::read_source(&path, self.today) {
                Ok(source) => source,
                Err(e) => {
                    reports.refused.push(format!("{name}: {e}"));
                    continue;
                }
            };
            if exchange::missing::report_school(&source.file).is_none() {
                reports
                    .refused
                    .push(format!("{name}: {}", self.i18n.tr("exchange-not-a-report")));
                continue;
            }
            match self.pending_import(path, source) {
                Ok(part) => reports.parts.push(part),
                Err(e) => reports.refused.push(format!("{name}: {e}")),
            }
        }
        if reports.parts.is_empty() && reports.refused.is_empty() {
            return Err(super::AppError::NoReports);
        }
        self.data.exchange.pending = None;
        self.data.exchange.reports = Some(reports);
        self.ui_state.screen = Screen::Exchange;
        Ok(())
    }

    /// Applies the pending reports: one backup first, then each report in turn (each previewed again
    /// against the database as the reports before it left it). The open plan stays open.
    pub(super) fn apply_reports(&mut self, add_missing: bool) -> Result<(), super::AppError> {
        let Some(reports) = self.data.exchange.reports.take() else {
            return Ok(());
        };
        if reports.missing() && !add_missing {
            let text = reports
                .parts
                .iter()
                .filter_map(|p| {
                    p.missing
                        .as_ref()
                        .map(|m| crate::i18n::Localize::message(m, &self.i18n))
                })
                .collect::<Vec<_>>()
                .join("\n");
            self.data.exchange.reports = Some(reports);
            return Err(text.into()); // BRIDGE
        }
        if self.jobs.is_running() {
            self.data.exchange.reports = Some(reports);
            return Err(super::AppError::Busy);
        }
        let writer = if self.jobs.background() {
            self.store.second_connection()?
        } else {
            None
        };
        if let Some(mut writer) = writer {
            // The reports are written on a worker through its own connection, counted one by one.
            let total = reports.parts.len() as u64;
            let title = self
                .i18n
                .tr_args("job-apply-reports", &[("count", Arg::Num(total as f64))]);
            let language = self.i18n.language();
            let started = self.jobs.start_write(title, total, move |progress| {
                writer.stop_when(progress.cancel_flag());
                let i18n = crate::i18n::I18n::new(language);
                let outcome = apply_reports_counted(&mut writer, &reports, progress, &i18n);
                super::jobs::JobResult::ReportsApplied(Box::new(outcome))
            });
            return self.job_started(started);
        }
        let outcome = apply_reports_counted(
            &mut self.store,
            &reports,
            &super::jobs::Progress::default(),
            &self.i18n,
        );
        self.reports_applied(outcome)
    }

    /// What applying the reports ended with: the data reloaded, each school's marks told.
    pub(super) fn reports_applied(
        &mut self,
        outcome: super::jobs::ReportsOutcome,
    ) -> Result<(), super::AppError> {
        self.store.note_written_elsewhere();
        self.after_import();
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
            Some((school, e)) if school.is_empty() => Err(e.into()), // BRIDGE
            Some((school, e)) => Err(format!("{}: {e}", self.report_heading(&school)).into()), // BRIDGE
            None => Ok(()),
        }
    }

    /// Writes the open plan's file for every school it concerns into `folder`.
    pub(super) fn send_plans(&mut self, folder: &Path) -> Result<(), super::AppError> {
        let plan = self.plan()?.clone();
        let origin = exchange::json::origin(&mut self.store)?;
        let recipients: Vec<_> = exchange::send::recipients(&plan, &self.data.schools)
            .into_iter()
            .cloned()
            .collect();
        if recipients.is_empty() {
            return Err(super::AppError::NothingToSend);
        }
        let protected = crate::output::Protected::of_store(&self.store);
        for school in &recipients {
            let file =
                exchange::send::plan_for_school(&self.store, plan.id, school.id, origin.clone())?;
            let path = folder.join(exchange::send::plan_file_name(school, plan.period));
            // Written whole or not at all, never over the database or its backups.
            crate::output::write_bytes(&path, &protected, exchange::to_json(&file).as_bytes())
                .map_err(|e| e.in_window(self.i18n.language()))?;
        }
        self.toasts.info(self.i18n.tr_args(
            "exchange-sent",
            &[
                ("count", Arg::Num(recipients.len() as f64)),
                ("folder", Arg::Str(&folder.display().to_string())),
            ],
        ));
        Ok(())
    }
}

/// Applies the reports in turn — one backup first, each report previewed again against the database as the
/// reports before it left it — counting them on `progress`. Cancelled, the database is put back from that
/// backup: it is as it was before the first report.
fn apply_reports_counted(
    store: &mut crate::store::Store,
    reports: &PendingReports,
    progress: &super::jobs::Progress,
    i18n: &crate::i18n::I18n,
) -> super::jobs::ReportsOutcome {
    let mut outcome = super::jobs::ReportsOutcome::default();
    let backup = if reports.parts.iter().any(|p| p.preview.changed()) {
        match store.backup() {
            Ok(backup) => backup,
            Err(e) => {
                outcome.failed = Some((String::new(), e.message(i18n)));
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
                outcome.failed = Some((school, e.message(i18n)));
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
                outcome.failed = Some((String::new(), e.message(i18n)));
            }
        }
    }
    outcome
}
