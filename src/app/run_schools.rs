//! Carries out `SchoolCommand`s: the registry, criteria, scopes, school plans, progress, indicator values and
//! reports. Every edit becomes one `Change` (a `Batch` for several) committed through `commit`, so it is one
//! transaction and one undo step.

use std::path::Path;

use crate::i18n::Arg;
use crate::model::{self, Category, Change, CriterionValue, Id, Progress, School, Status};
use crate::stats::{ProgressKey, Touched, school_plan};

use super::chooser::{Mode, Purpose, Request};
use super::school_loader::{self, PendingLoad, Poll};
use super::state::Screen;
use super::{AppError, RoadmapApp, SchoolCommand, SchoolTab};

/// The largest CSV/TSV file of schools read (a district's list is a few kilobytes).
const MAX_CSV_SIZE: u64 = 20 * 1024 * 1024;

impl RoadmapApp {
    pub(super) fn run_school(&mut self, command: SchoolCommand) -> Result<(), AppError> {
        match command {
            SchoolCommand::Show(id) => {
                self.ui_state.screen = Screen::Schools;
                self.ui_state.schools.selected = Some(id);
                self.ui_state.schools.tab = SchoolTab::Dashboard;
                Ok(())
            }
            SchoolCommand::Add(school) => self.add_school(*school),
            SchoolCommand::Edit(school) => self.edit_school(*school),
            SchoolCommand::Delete(id) => self.delete_school(id),
            SchoolCommand::PickAndImportCsv => self.choose(
                Request::new(
                    Purpose::ImportSchools,
                    Mode::Open,
                    self.i18n.tr("schools-dialog-import-title"),
                )
                .filter(self.i18n.tr("schools-filter-table"), &["csv", "tsv", "txt"]),
            ),
            SchoolCommand::ImportCsv(path) => self.import_schools_csv(&path),
            SchoolCommand::SetCategories { school, categories } => {
                self.set_categories(school, categories)
            }
            SchoolCommand::SetCriterionValues { school, values } => {
                self.set_criterion_values(school, values)
            }
            SchoolCommand::SaveCriteriaSet(set) => self.save_criteria_set(*set),
            SchoolCommand::ResetCriteriaSet => self.reset_criteria_set(),
            SchoolCommand::SetScope { measure, scope } => self.set_scope(measure, scope),
            SchoolCommand::SetExecutor { measures, executor } => {
                self.set_executor(&measures, executor)
            }
            SchoolCommand::CreateSchoolPlan {
                school,
                title,
                measures,
                own,
            } => self.create_school_plan(school, title, &measures, &own),
            SchoolCommand::SaveProgress(records) => self.save_progress(records),
            SchoolCommand::MarkDone(keys) => self.set_status(&keys, Status::Done),
            SchoolCommand::SetStatus { keys, status } => self.set_status(&keys, status),
            SchoolCommand::OpenEvidence(text) => self.open_evidence(&text),
            SchoolCommand::SetIndicatorValue {
                indicator,
                school,
                year,
                value,
            } => self.set_indicator_value(indicator, school, year, value),
            SchoolCommand::PickAndSaveReport { school } => self.pick_report_path(school),
            SchoolCommand::SaveReport { school, path } => self.save_report(school, &path),
            SchoolCommand::Need => {
                self.data.progress_and_criteria.wanted = true;
                self.load_school_data()
            }
        }
    }

    /// Sets a school's categories (in their usual order, each once).
    fn set_categories(&mut self, school: Id, categories: Vec<Category>) -> Result<(), AppError> {
        let before = self.school(school)?.clone();
        let mut after = before.clone();
        after.categories = categories;
        after
            .categories
            .sort_by_key(|c| Category::ALL.iter().position(|x| x == c));
        after.categories.dedup();
        self.edit_school(after)
    }

    /// Which schools a measure concerns.
    fn set_scope(&mut self, measure: Id, scope: model::SchoolScope) -> Result<(), AppError> {
        let before = self
            .plan()?
            .measure(measure)
            .ok_or(AppError::NoMeasure)?
            .clone();
        if before.schools == scope {
            return Ok(());
        }
        let mut after = before.clone();
        after.schools = scope;
        after.updated_at = model::now();
        self.commit(Change::Measure {
            before: Box::new(before),
            after: Box::new(after),
        })
    }

    /// Who executes the measures (one undo step for all).
    fn set_executor(&mut self, measures: &[Id], executor: model::Executor) -> Result<(), AppError> {
        let plan = self.plan()?;
        let now = model::now();
        let changes: Vec<Change> = measures
            .iter()
            .filter_map(|id| plan.measure(*id))
            .filter(|m| m.executor != executor)
            .map(|before| {
                let mut after = before.clone();
                after.executor = executor;
                after.updated_at = now;
                Change::Measure {
                    before: Box::new(before.clone()),
                    after: Box::new(after),
                }
            })
            .collect();
        match changes.len() {
            0 => Ok(()),
            1 => self.commit(changes.into_iter().next().expect("one change")),
            _ => self.commit(Change::Batch(changes)),
        }
    }

    /// Stores progress records as marked (a done one gets today's date when it has none).
    fn save_progress(&mut self, records: Vec<Progress>) -> Result<(), AppError> {
        self.load_school_data()?;
        let today = self.today;
        let changes = records
            .into_iter()
            .filter_map(|mut p| {
                p.done_on = match p.status {
                    Status::Done => p.done_on.or(Some(today)),
                    _ => None,
                };
                self.progress_change(p)
            })
            .collect();
        self.commit_all(changes)
    }

    /// Asks where to save a report on `school` (the district when `None`), named after it.
    fn pick_report_path(&mut self, school: Option<Id>) -> Result<(), AppError> {
        let name = match school {
            Some(id) => self.school(id)?.display_name().to_owned(),
            None => self.i18n.tr("schools-report-district-file"),
        };
        self.choose_save(
            Purpose::Report { school },
            "schools-dialog-report-title",
            format!("Справка-{}.html", super::runner::file_stem(&name)),
            &[("HTML", &["html", "htm"]), ("Word", &["docx"])],
        )
    }

    /// Loads the school snapshot when the Школы screen shows or a view asked for it (before each frame):
    /// from a database file on a worker thread. Returns whether a load is still running.
    pub(super) fn ensure_school_data(&mut self) -> bool {
        if self.ui_state.screen != Screen::Schools && !self.data.progress_and_criteria.wanted {
            return false;
        }
        let Some(plan) = self.data.plan.as_ref() else {
            return false;
        };
        let (plan_id, version) = (plan.id, self.store.data_version());
        if self.data.progress_and_criteria.synced != Some((plan_id, version)) {
            if let Some(pending) = &self.data.progress_and_criteria.pending {
                let current = (pending.plan, pending.version) == (plan_id, version);
                match pending.poll() {
                    Poll::Running if current => return true,
                    Poll::Done(result) if current => {
                        self.data.progress_and_criteria.pending = None;
                        match *result {
                            Ok(loaded) => {
                                self.data.schools = loaded.schools.clone();
                                self.data
                                    .progress_and_criteria
                                    .install(loaded, plan_id, version);
                            }
                            Err(e) => {
                                // Marked: a failing database is reported once, not every frame.
                                self.data.progress_and_criteria.synced = Some((plan_id, version));
                                self.show_error(&e.into());
                            }
                        }
                        return false;
                    }
                    // For an older state of the data, or lost: read again.
                    _ => self.data.progress_and_criteria.pending = None,
                }
            }
            match self.store.reader() {
                Ok(Some(reader)) => {
                    let plan = plan.clone();
                    self.data.progress_and_criteria.pending =
                        Some(PendingLoad::start(reader, plan, version, self.today));
                    return true;
                }
                // An in-memory store (or no second connection): read here.
                Ok(None) | Err(_) => {
                    if let Err(e) = self.load_school_data() {
                        self.show_error(&e);
                    }
                }
            }
        }
        if let Some(plan) = &self.data.plan {
            self.data
                .progress_and_criteria
                .fresh_summaries(plan, &self.data.schools, self.today);
        }
        false
    }

    /// (Re)loads the school snapshot here unless it reflects the open plan and the store's data version
    /// (what a command that needs it does before it runs).
    pub(super) fn load_school_data(&mut self) -> Result<(), AppError> {
        let Some(plan) = self.data.plan.as_ref() else {
            return Ok(());
        };
        let (plan_id, version) = (plan.id, self.store.data_version());
        if self.data.progress_and_criteria.synced == Some((plan_id, version)) {
            return Ok(());
        }
        // Marked first: a failing database is reported once, not every frame.
        self.data.progress_and_criteria.synced = Some((plan_id, version));
        self.data.progress_and_criteria.pending = None;
        let loaded = school_loader::read(&self.store, plan, self.today)?;
        self.data.schools = loaded.schools.clone();
        self.data
            .progress_and_criteria
            .install(loaded, plan_id, version);
        Ok(())
    }

    /// Keeps the registry and the school snapshot in step with a change just written (called by `apply`).
    /// The summaries follow: the touched schools are summed again, or all are marked for recomputing.
    pub(super) fn school_data_after(&mut self, plan_id: Id, change: &Change, touched: &Touched) {
        update_registry(&mut self.data.schools, change);
        let version = self.store.data_version();
        let data = &mut self.data.progress_and_criteria;
        if data.synced == Some((plan_id, version.wrapping_sub(1))) {
            data.apply(change);
            data.synced = Some((plan_id, version));
            if touched.all_schools {
                data.summaries_stale = true;
            } else if let Some(plan) = &self.data.plan {
                data.resummarize(plan, &self.data.schools, &touched.schools, self.today);
            }
        }
    }

    pub(super) fn school(&self, id: Id) -> Result<&School, AppError> {
        self.data
            .schools
            .iter()
            .find(|s| s.id == id)
            .ok_or(AppError::NoSchool)
    }

    /// Commits several changes as one step (nothing when there are none).
    pub(super) fn commit_all(&mut self, mut changes: Vec<Change>) -> Result<(), AppError> {
        match changes.len() {
            0 => Ok(()),
            1 => self.commit(changes.pop().expect("one change")),
            _ => self.commit(Change::Batch(changes)),
        }
    }

    fn add_school(&mut self, mut school: School) -> Result<(), AppError> {
        model::validate_school(&school)?;
        school.updated_at = model::now();
        let id = school.id;
        self.commit(Change::School {
            before: None,
            after: Some(Box::new(school)),
        })?;
        self.ui_state.schools.selected = Some(id);
        self.ui_state.schools.tab = SchoolTab::Card;
        Ok(())
    }

    fn edit_school(&mut self, mut after: School) -> Result<(), AppError> {
        let before = self.school(after.id)?.clone();
        after.updated_at = before.updated_at;
        if after == before {
            return Ok(());
        }
        model::validate_school(&after)?;
        after.updated_at = model::now();
        self.commit(Change::School {
            before: Some(Box::new(before)),
            after: Some(Box::new(after)),
        })
    }

    /// Deletes a school and everything that names it, as one undoable step.
    fn delete_school(&mut self, id: Id) -> Result<(), AppError> {
        self.load_school_data()?;
        let school = self.school(id)?.clone();
        let mut changes: Vec<Change> = self
            .store
            .progress_of_school(id)?
            .into_iter()
            .map(|p| Change::Progress {
                before: Some(Box::new(p)),
                after: None,
            })
            .collect();
        let data = &self.data.progress_and_criteria;
        if let Some(values) = data.criterion_values.get(&id) {
            let mut values: Vec<&CriterionValue> = values.values().collect();
            values.sort_by(|a, b| a.criterion.cmp(&b.criterion));
            changes.extend(values.into_iter().map(|v| Change::CriterionValue {
                before: Some(Box::new(v.clone())),
                after: None,
            }));
        }
        changes.extend(
            data.indicator_values
                .iter()
                .filter(|v| v.school_id == Some(id))
                .map(|v| Change::IndicatorValue {
                    before: Some(Box::new(v.clone())),
                    after: None,
                }),
        );
        changes.push(Change::School {
            before: Some(Box::new(school.clone())),
            after: None,
        });
        self.commit(Change::Batch(changes))?;
        if self.ui_state.schools.selected == Some(id) {
            self.ui_state.schools.selected = None;
            self.ui_state.schools.tab = SchoolTab::Overview;
        }
        self.toasts.info(self.i18n.tr_args(
            "schools-toast-school-deleted",
            &[("name", Arg::Str(school.display_name()))],
        ));
        Ok(())
    }

    fn import_schools_csv(&mut self, path: &Path) -> Result<(), AppError> {
        let unreadable = |error| AppError::SchoolsCsvUnreadable {
            path: path.to_path_buf(),
            error,
        };
        let size = std::fs::metadata(path).map_err(unreadable)?.len();
        if size > MAX_CSV_SIZE {
            return Err(AppError::SchoolsCsvTooLarge);
        }
        let bytes = std::fs::read(path).map_err(unreadable)?;
        let table = crate::exchange::schools_csv::read_schools(&bytes)?;
        let known: std::collections::HashMap<String, &School> = self
            .data
            .schools
            .iter()
            .map(|s| (crate::exchange::schools_csv::normalize(&s.name), s))
            .collect();
        let now = model::now();
        let (mut added, mut updated) = (0usize, 0usize);
        let mut changes = Vec::new();
        for mut school in table.schools {
            school.updated_at = now;
            match known.get(&crate::exchange::schools_csv::normalize(&school.name)) {
                Some(existing) => {
                    let merged = merge_school(existing, &school);
                    if merged != **existing {
                        updated += 1;
                        changes.push(Change::School {
                            before: Some(Box::new((*existing).clone())),
                            after: Some(Box::new(merged)),
                        });
                    }
                }
                None => {
                    added += 1;
                    changes.push(Change::School {
                        before: None,
                        after: Some(Box::new(school)),
                    });
                }
            }
        }
        self.commit_all(changes)?;
        let mut message = self.i18n.tr_args(
            "schools-toast-imported",
            &[
                ("added", Arg::Num(added as f64)),
                ("updated", Arg::Num(updated as f64)),
            ],
        );
        for w in &table.warnings {
            message.push('\n');
            message.push_str(w);
        }
        self.toasts.info(message);
        Ok(())
    }

    /// The change that writes `after` over the record with its key, or `None` when nothing but the stamp
    /// would change.
    fn progress_change(&self, mut after: Progress) -> Option<Change> {
        let before = self
            .data
            .progress_and_criteria
            .records
            .get(&ProgressKey::of(&after))
            .cloned();
        if let Some(b) = &before {
            let mut same = after.clone();
            same.updated_at = b.updated_at;
            same.by = b.by.clone();
            if &same == b {
                return None;
            }
        }
        after.updated_at = model::now();
        after.by = self.ui_state.user_name.trim().to_owned();
        Some(Change::Progress {
            before: before.map(Box::new),
            after: Some(Box::new(after)),
        })
    }

    /// Sets the status of occurrences (done today when marked done without a date).
    fn set_status(&mut self, keys: &[ProgressKey], status: Status) -> Result<(), AppError> {
        self.load_school_data()?;
        let today = self.today;
        let mut changes = Vec::new();
        for key in keys {
            let mut p = self
                .data
                .progress_and_criteria
                .records
                .get(key)
                .cloned()
                .unwrap_or_else(|| {
                    Progress::new(key.measure, key.school, key.due, Status::Planned)
                });
            p.done_on = match status {
                Status::Done if p.status == Status::Done => p.done_on.or(Some(today)),
                Status::Done => Some(today),
                _ => None,
            };
            p.status = status;
            changes.extend(self.progress_change(p));
        }
        self.commit_all(changes)
    }

    fn create_school_plan(
        &mut self,
        school: Id,
        title: String,
        picked: &[Id],
        own: &[String],
    ) -> Result<(), AppError> {
        let school = self.school(school)?.clone();
        let district = self.plan()?;
        let own: Vec<&str> = own
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        if picked.is_empty() && own.is_empty() {
            return Err(AppError::SchoolPlanEmpty);
        }
        let title = if title.trim().is_empty() {
            self.i18n.tr_args(
                "schools-plan-default-title",
                &[("school", Arg::Str(school.display_name()))],
            )
        } else {
            title.trim().to_owned()
        };
        let plan = school_plan(
            district,
            &school,
            title,
            picked,
            &own,
            &self.i18n.tr("schools-plan-own-section"),
        );
        model::validate_plan(&plan)?;
        let count = plan.measure_count();
        self.store.write(|w| w.put_plan(&plan))?;
        self.open_plan(plan.id)?;
        self.ui_state.screen = Screen::Measures;
        self.toasts.info(self.i18n.tr_args(
            "schools-toast-school-plan-created",
            &[("count", Arg::Num(count as f64))],
        ));
        Ok(())
    }

    /// Saves the analytic note as the file's extension says: .docx a Word document, anything else HTML.
    /// Reading the plan's records, computing the note and writing it is a job (a region's records are many):
    /// three steps, and «Отмена» leaves the old file (or none).
    fn save_report(&mut self, school: Option<Id>, path: &Path) -> Result<(), AppError> {
        let plan = self.plan()?.id;
        if let Some(id) = school {
            self.school(id)?;
        }
        let docx = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
        let done = self.i18n.tr_args(
            "schools-toast-report-saved",
            &[("path", Arg::Str(&path.display().to_string()))],
        );
        let (today, file) = (self.today, path.to_path_buf());
        let protected = crate::output::Protected::of_store(&self.store);
        self.run_read_job("job-analytic-note", path, 3, move |store, _, progress| {
            let written = note_bytes(store, plan, school, today, docx, progress)
                .and_then(|bytes| {
                    progress.set_done(2);
                    super::jobs::write_unless_cancelled(&file, &protected, &bytes, progress)
                        .map(|()| done)
                        .map_err(AppError::from)
                })
                .map_err(super::JobFailure::new);
            progress.set_done(3);
            super::jobs::JobResult::Written(written)
        })
    }
}

/// The analytic note on `school` (the district when `None`) of `plan` as read from `store`, as HTML or
/// (`docx`) a Word document; reading counts as the first step on `progress`.
fn note_bytes(
    store: &crate::store::Store,
    plan: Id,
    school: Option<Id>,
    today: chrono::NaiveDate,
    docx: bool,
    progress: &super::jobs::Progress,
) -> Result<Vec<u8>, AppError> {
    use crate::exchange::analytic_note::{docx, html};
    use crate::stats::analytic_note::{district_note, indicator_lines, school_note};
    let read = || -> Result<_, crate::store::StoreError> {
        Ok((
            store.load_plan(plan)?,
            store.schools()?,
            crate::stats::ProgressIndex::new(store.progress(Some(plan))?),
            store.indicator_values()?,
        ))
    };
    let (plan, schools, table, values) = read()?;
    progress.set_done(1);
    let bytes = match school {
        Some(id) => {
            let school = schools
                .iter()
                .find(|s| s.id == id)
                .ok_or(AppError::NoSchool)?;
            let mut r = school_note(&plan, school, &table, today);
            r.indicators = indicator_lines(&plan, &values, Some(id));
            if docx {
                docx::school_docx(&r)?
            } else {
                html::school_html(&r).into_bytes()
            }
        }
        None => {
            let mut r = district_note(&plan, &schools, &table, today);
            r.indicators = indicator_lines(&plan, &values, None);
            if docx {
                docx::district_docx(&r)?
            } else {
                html::district_html(&r).into_bytes()
            }
        }
    };
    Ok(bytes)
}

/// A known school updated by a row of an imported table: filled cells replace, empty cells keep.
fn merge_school(existing: &School, row: &School) -> School {
    let pick = |new: &str, old: &str| {
        if new.trim().is_empty() {
            old.to_owned()
        } else {
            new.to_owned()
        }
    };
    let mut merged = existing.clone();
    merged.short_name = pick(&row.short_name, &existing.short_name);
    merged.district = pick(&row.district, &existing.district);
    merged.kind = pick(&row.kind, &existing.kind);
    merged.director = pick(&row.director, &existing.director);
    merged.contacts = pick(&row.contacts, &existing.contacts);
    merged.curator = pick(&row.curator, &existing.curator);
    for c in &row.categories {
        if !merged.categories.contains(c) {
            merged.categories.push(*c);
        }
    }
    merged
        .categories
        .sort_by_key(|c| Category::ALL.iter().position(|x| x == c));
    if merged != *existing {
        merged.updated_at = row.updated_at;
    }
    merged
}

/// Applies the school part of a change to the registry list (kept in name order, as the store gives it).
fn update_registry(schools: &mut Vec<School>, change: &Change) {
    match change {
        Change::School { before, after } => {
            if let Some(id) = after.as_ref().or(before.as_ref()).map(|s| s.id) {
                schools.retain(|s| s.id != id);
            }
            if let Some(s) = after {
                let at = schools.partition_point(|x| x.name < s.name);
                schools.insert(at, (**s).clone());
            }
        }
        Change::Batch(changes) => changes.iter().for_each(|c| update_registry(schools, c)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Measure, Period, Plan, PlanLevel, Section};

    #[test]
    fn a_school_plan_copies_the_picked_measures_with_fresh_ids_and_links() {
        let mut district = Plan::new("Районная карта", Period::school_year(2021));
        let mut s1 = Section::new("1", "Первое");
        s1.measures = vec![Measure::new("1.1", "А"), Measure::new("1.2", "Б")];
        let mut s2 = Section::new("2", "Второе");
        s2.measures = vec![Measure::new("2.1", "В")];
        district.sections = vec![s1, s2];
        let school = School::new("СОШ № 1");
        let picked = vec![district.sections[0].measures[1].id];
        let plan = school_plan(
            &district,
            &school,
            "План школы".into(),
            &picked,
            &["Своё"],
            "Собственные",
        );
        assert_eq!(plan.level, PlanLevel::School);
        assert_eq!(plan.owner_school, Some(school.id));
        assert_ne!(plan.id, district.id);
        assert_eq!(plan.sections.len(), 2, "section 2 had nothing picked");
        let copy = &plan.sections[0].measures[0];
        assert_eq!(copy.title, "Б");
        assert_ne!(copy.id, picked[0]);
        assert_eq!(copy.source_measure, Some(picked[0]));
        assert_ne!(plan.sections[0].id, district.sections[0].id);
        assert_eq!(plan.sections[1].title, "Собственные");
        assert_eq!(plan.sections[1].measures[0].number, "2.1");
        assert!(model::validate_plan(&plan).is_ok());
    }

    #[test]
    fn the_registry_follows_school_changes() {
        let a = School::new("Б");
        let mut list = vec![a.clone()];
        let b = School::new("А");
        update_registry(
            &mut list,
            &Change::School {
                before: None,
                after: Some(Box::new(b.clone())),
            },
        );
        assert_eq!(
            list.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["А", "Б"]
        );
        update_registry(
            &mut list,
            &Change::School {
                before: Some(Box::new(a)),
                after: None,
            },
        );
        assert_eq!(list, vec![b]);
    }
}
