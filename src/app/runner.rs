//! The one place that carries out commands: writes through the store, updates the snapshot, records undo.

use crate::i18n::Localize;
use crate::model::{Change, Id, Measure, Plan};
use crate::stats::{ProgressSummary, Touched};
use std::collections::HashMap;

use super::undo::Step;
use super::{AppError, Command, RoadmapApp};

/// Above this many measures touched by one change, the plan's counts are read whole (one query).
const MAX_KEYED_COUNTS: usize = 64;

impl RoadmapApp {
    /// Runs the commands the views queued this frame, in order. Errors become toasts.
    pub fn run_commands(&mut self) {
        for command in std::mem::take(&mut self.commands) {
            if let Err(error) = self.run(command) {
                self.show_error(&error);
            }
        }
        self.data.can_undo = self.undo.can_undo();
        self.data.can_redo = self.undo.can_redo();
    }

    /// The one place a failure becomes text: a toast, in the window's language now.
    pub(super) fn show_error(&mut self, error: &AppError) {
        self.toasts.error(error.message(&self.i18n));
    }

    /// Carries out one command (also what a chooser's answer stands for).
    pub(super) fn run_command(&mut self, command: Command) -> Result<(), AppError> {
        self.run(command)
    }

    fn run(&mut self, command: Command) -> Result<(), AppError> {
        if self.jobs.is_writing() && !matches!(command, Command::System(_)) {
            // One writer: while a job writes the database, the window's own edits wait (refused, told).
            self.toasts.warn(self.i18n.tr("job-writing"));
            return Ok(());
        }
        match command {
            Command::OpenPlan(id) => self.open_plan(id),
            Command::LoadExample => self.load_example(),
            Command::CreatePlan { title, period } => self.create_plan(title, period),
            Command::PickAndImport => self.pick_import_path(),
            Command::ImportFile(path) => self.import_file(&path),
            Command::PickAndExport => self.pick_export_path(),
            Command::ExportFile(path) => self.export_file(&path),
            Command::EditMeasure { id, field, value } => self.edit_measure(id, field, value),
            Command::EditPlanHeader(after) => self.edit_plan_header(*after),
            Command::InsertMeasure { section, index } => self.insert_measure(section, index),
            Command::DeleteMeasures(ids) => self.delete_measures(&ids),
            Command::DuplicateMeasures(ids) => self.duplicate_measures(&ids),
            Command::MoveMeasures { ids, down } => self.move_measures(&ids, down),
            Command::UpdateMeasure(measure) => self.update_measure(*measure),
            Command::InsertSection { index } => self.insert_section(index),
            Command::DeleteSection(id) => self.delete_section(id),
            Command::MoveSection { id, down } => self.move_section(id, down),
            Command::EditSection { id, field, value } => self.edit_section(id, field, value),
            Command::Renumber => self.renumber(),
            Command::SetManualDue { id, due } => self.set_manual_due(id, due),
            Command::PickAndExportIcs => self.pick_and_export_ics(),
            Command::ExportIcsFile(path) => self.export_ics_file(&path),
            Command::School(command) => self.run_school(command),
            Command::OpenConfirmedFile(path) => self.open_confirmed_file(&path),
            Command::Exchange(command) => self.run_exchange(command),
            Command::System(command) => self.run_system(command),
            Command::PasteRows { text } => self.paste_rows(text),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
        }
    }

    pub(super) fn plan(&self) -> Result<&Plan, AppError> {
        self.data.plan.as_ref().ok_or(AppError::NoPlan)
    }

    /// Writes a change in one transaction, applies it to the snapshot and records it for undo.
    pub(super) fn commit(&mut self, change: Change) -> Result<(), AppError> {
        if change.is_noop() {
            return Ok(());
        }
        let plan_id = self.plan()?.id;
        self.apply(plan_id, &change)?;
        self.undo.push(Step {
            plan: plan_id,
            change,
        });
        Ok(())
    }

    /// Writes a change and brings the snapshot in step with it in place: the plan tree, the records and
    /// summaries it touched, the counts of its measures — nothing else is read again.
    fn apply(&mut self, plan_id: Id, change: &Change) -> Result<(), AppError> {
        self.store.apply(plan_id, change)?;
        let touched = Touched::of(change);
        let open = self.data.plan.as_ref().is_some_and(|p| p.id == plan_id);
        let mut drifted = false;
        if let Some(plan) = self.data.plan.as_mut()
            && plan.id == plan_id
            && change.apply_to_plan(plan).is_err()
        {
            // The snapshot drifted from the database: the database is the truth.
            self.reload_plan();
            drifted = true;
        }
        self.school_data_after(plan_id, change, &touched);
        if open && !drifted {
            self.refresh_touched(&touched);
        } else {
            self.refresh_after_write();
        }
        Ok(())
    }

    fn undo(&mut self) -> Result<(), AppError> {
        let Some(step) = self.undo.take_undo() else {
            return Ok(());
        };
        let inverse = step.change.inverse();
        if let Err(e) = self.apply(step.plan, &inverse) {
            self.undo.redone(step);
            return Err(e);
        }
        self.undo.undone(step);
        Ok(())
    }

    fn redo(&mut self) -> Result<(), AppError> {
        let Some(step) = self.undo.take_redo() else {
            return Ok(());
        };
        if let Err(e) = self.apply(step.plan, &step.change) {
            self.undo.undone(step);
            return Err(e);
        }
        self.undo.redone(step);
        Ok(())
    }

    pub(super) fn open_plan(&mut self, id: Id) -> Result<(), AppError> {
        let plan = self.store.load_plan(id)?;
        self.undo.clear();
        self.ui_state.last_plan = Some(plan.id);
        self.data.plan = Some(plan);
        self.data.selected = None;
        self.refresh_after_write();
        Ok(())
    }

    /// Reads a file and shows its import preview (nothing is written before the user applies it).
    fn import_file(&mut self, path: &std::path::Path) -> Result<(), AppError> {
        self.preview_import(path)
    }

    /// Exports the open plan by a job that reads its records on a connection of its own.
    fn export_file(&mut self, path: &std::path::Path) -> Result<(), AppError> {
        let plan = self.plan()?.id;
        self.export_in_job(path, move |store, origin| {
            crate::exchange::json::export(store, Some(plan), origin)
        })
    }

    /// Writes an output file made here (a CSV, a report) by a job: a slow disk or a network folder does not
    /// stop the window; `done` is the message when it is written.
    pub(super) fn write_in_background(
        &mut self,
        path: &std::path::Path,
        bytes: Vec<u8>,
        done: String,
    ) -> Result<(), AppError> {
        self.make_and_write_in_background(path, done, move || bytes)
    }

    /// Makes an output file's bytes and writes them, both by a job (two steps); `done` is the message when
    /// it is written.
    pub(super) fn make_and_write_in_background(
        &mut self,
        path: &std::path::Path,
        done: String,
        make: impl FnOnce() -> Vec<u8> + Send + 'static,
    ) -> Result<(), AppError> {
        let protected = crate::output::Protected::of_store(&self.store);
        let file = path.to_path_buf();
        self.run_job("job-export", path, move |progress| {
            progress.set_total(2);
            let bytes = make();
            progress.set_done(1);
            let written = super::jobs::write_unless_cancelled(&file, &protected, &bytes, progress)
                .map(|()| done)
                .map_err(super::JobFailure::new);
            progress.set_done(2);
            super::jobs::JobResult::Written(written)
        })
    }

    /// Starts a job titled by `key` (with the file's name); a result that is there at once (tests) is carried
    /// out now.
    pub(super) fn run_job(
        &mut self,
        key: &str,
        path: &std::path::Path,
        work: impl FnOnce(&super::jobs::Progress) -> super::jobs::JobResult + Send + 'static,
    ) -> Result<(), AppError> {
        let title = self.job_title(key, path);
        let started = self.jobs.start(title, super::jobs::JobKind::Reads, 0, work);
        self.job_started(started)
    }

    /// Starts a job that writes the database through its own connection (`Store::second_connection`):
    /// until it ends the window writes nothing.
    pub(super) fn run_write_job(
        &mut self,
        key: &str,
        path: &std::path::Path,
        total: u64,
        work: impl FnOnce(&super::jobs::Progress) -> super::jobs::JobResult + Send + 'static,
    ) -> Result<(), AppError> {
        let title = self.job_title(key, path);
        let started = self
            .jobs
            .start(title, super::jobs::JobKind::Writes, total, work);
        self.job_started(started)
    }

    pub(super) fn job_title(&self, key: &str, path: &std::path::Path) -> String {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.i18n
            .tr_args(key, &[("name", crate::i18n::Arg::Str(&name))])
    }

    pub(super) fn job_started(
        &mut self,
        started: Result<Option<super::jobs::JobResult>, super::jobs::Busy>,
    ) -> Result<(), AppError> {
        match started {
            Ok(Some(result)) => self.job_done(result),
            Ok(None) => Ok(()),
            Err(super::jobs::Busy) => Err(AppError::Busy),
        }
    }

    /// Carries out what a job produced.
    pub(super) fn job_done(&mut self, result: super::jobs::JobResult) -> Result<(), AppError> {
        match result {
            super::jobs::JobResult::ImportRead(read) => self.import_read(read),
            super::jobs::JobResult::ReportsCollected(reports) => self.reports_collected(reports),
            super::jobs::JobResult::Written(Ok(message)) => {
                self.toasts.info(message);
                Ok(())
            }
            super::jobs::JobResult::Written(Err(e)) => Err(e.into()),
            super::jobs::JobResult::ImportApplied(outcome) => self.import_job_done(outcome),
            super::jobs::JobResult::Restored { restored, reloaded } => {
                self.restore_job_done(restored, reloaded)
            }
            super::jobs::JobResult::ReportsApplied(outcome) => self.reports_applied(*outcome),
        }
    }

    /// Reloads everything from the store: at start and after an import.
    pub(super) fn reload_all(&mut self) {
        if let Err(e) = self.try_reload_all() {
            self.show_error(&e);
        }
    }

    fn try_reload_all(&mut self) -> Result<(), AppError> {
        let reloaded = self.read_reloaded(&self.store)?;
        self.install(reloaded);
        Ok(())
    }

    fn reload_plan(&mut self) {
        if let Some(id) = self.data.plan.as_ref().map(|p| p.id) {
            match self.store.load_plan(id) {
                Ok(plan) => self.data.plan = Some(plan),
                Err(e) => self.show_error(&e.into()),
            }
        }
    }

    /// Refreshes what a change of the open plan touched besides the plan tree: the progress counts of its
    /// measures (by key), the plan list when names or counts changed, the version.
    fn refresh_touched(&mut self, touched: &Touched) {
        if touched.plan_list {
            match self.store.list_plans() {
                Ok(plans) => self.data.plans = plans,
                Err(e) => self.show_error(&e.into()),
            }
        }
        if let Some(plan) = &self.data.plan
            && !touched.measures.is_empty()
        {
            // A school plan's counts may come from the district measures' records: it is small, read whole.
            let result = if plan.owner_school.is_some() || touched.measures.len() > MAX_KEYED_COUNTS
            {
                self.store
                    .progress_summary(plan.id, self.today)
                    .map(|all| (all, None))
            } else {
                self.store
                    .progress_summary_of(plan.id, &touched.measures, self.today)
                    .map(|some| (some, Some(&touched.measures)))
            };
            match result {
                Ok((mut fresh, None)) => {
                    with_office_part(plan, &mut fresh, plan.measures());
                    self.data.progress = fresh;
                }
                Ok((mut fresh, Some(measures))) => {
                    for id in measures {
                        match fresh.remove(id) {
                            Some(summary) => self.data.progress.insert(*id, summary),
                            None => self.data.progress.remove(id),
                        };
                    }
                    let touched = measures.iter().filter_map(|id| plan.measure(*id));
                    with_office_part(plan, &mut self.data.progress, touched);
                }
                Err(e) => self.show_error(&e.into()),
            }
        }
        self.data.version = self.store.data_version();
    }

    /// Refreshes what a write can change besides the plan tree: counts, progress summary, version.
    fn refresh_after_write(&mut self) {
        match self.store.list_plans() {
            Ok(plans) => self.data.plans = plans,
            Err(e) => self.show_error(&e.into()),
        }
        if let Some(plan) = &self.data.plan {
            match self.store.progress_summary(plan.id, self.today) {
                Ok(mut summary) => {
                    with_office_part(plan, &mut summary, plan.measures());
                    self.data.progress = summary;
                }
                Err(e) => self.show_error(&e.into()),
            }
        } else {
            self.data.progress.clear();
        }
        self.data.version = self.store.data_version();
    }
}

/// The office's own execution of `measures`, shown beside the schools' in the grid's status: what the
/// office has to do, set from the plan (the store counts only the records).
pub(super) fn with_office_part<'a>(
    plan: &Plan,
    summary: &mut HashMap<Id, ProgressSummary>,
    measures: impl Iterator<Item = &'a Measure>,
) {
    for m in measures {
        if crate::stats::concerns_office(plan, m) {
            let occurrences = m.due.len().max(1) as u32;
            let only = !m.executor.includes_schools();
            summary
                .entry(m.id)
                .or_default()
                .set_executor(occurrences, only);
        }
    }
}

/// A file name made from a title: letters, digits and dashes, at most 60 characters.
pub(super) fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .take(60)
        .collect();
    let stem = stem.trim_matches('-').to_owned();
    if stem.is_empty() {
        "roadmap".into()
    } else {
        stem
    }
}
