//! Everything the views show read from the store at once — the plans, the schools, the open plan with its
//! progress counts, the conflicts and the backups: at start and after an import or a restore. A write job
//! reads it on its own connection once it has written, so the window only installs it (a region's data is
//! not read on the window's thread).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{Id, Plan, PlanSummary, School};
use crate::stats::ProgressSummary;
use crate::store::{BackupInfo, ConflictRecord, Store, StoreError};

use super::{JobFailure, RoadmapApp};

/// The snapshot a reload installs.
#[derive(Debug, Clone, PartialEq)]
pub struct Reloaded {
    plans: Vec<PlanSummary>,
    schools: Vec<School>,
    /// The plan to show (the one open before, else the last one opened, else the first) with its counts.
    plan: Option<(Plan, HashMap<Id, ProgressSummary>)>,
    conflicts: Vec<ConflictRecord>,
    backups: Vec<BackupInfo>,
}

/// Which plan a reload shows: the one open (or, none open, the last one opened) when it is still there,
/// else the first.
pub(super) fn plan_to_show(
    plans: &[PlanSummary],
    open: Option<Id>,
    last: Option<Id>,
) -> Option<Id> {
    open.or(last)
        .filter(|id| plans.iter().any(|p| p.id == *id))
        .or_else(|| plans.first().map(|p| p.id))
}

/// Reads the snapshot from `store`; `open`, `last`: see `plan_to_show`.
pub(super) fn read(
    store: &Store,
    open: Option<Id>,
    last: Option<Id>,
    today: NaiveDate,
) -> Result<Reloaded, StoreError> {
    let plans = store.list_plans()?;
    let plan = match plan_to_show(&plans, open, last) {
        Some(id) => {
            let plan = store.load_plan(id)?;
            let mut progress = store.progress_summary(id, today)?;
            super::runner::with_office_part(&plan, &mut progress, plan.measures());
            Some((plan, progress))
        }
        None => None,
    };
    Ok(Reloaded {
        plans,
        schools: store.schools()?,
        plan,
        conflicts: store.conflicts()?,
        backups: store.backups(),
    })
}

/// What a write job reads back on its own connection once it has written: `read` for the window's plans.
pub(super) struct ReadBack {
    open: Option<Id>,
    last: Option<Id>,
    today: NaiveDate,
}

impl ReadBack {
    /// Reads the snapshot on `writer`, a job's connection: a late «Отмена» no longer stops it (what was
    /// written is written). A failure goes back to the window, which tells it and reads the snapshot itself.
    pub(super) fn read(&self, writer: &Store) -> Result<Box<Reloaded>, JobFailure> {
        writer.stop_when(std::sync::Arc::default());
        read(writer, self.open, self.last, self.today)
            .map(Box::new)
            .map_err(JobFailure::new)
    }
}

impl RoadmapApp {
    /// What `read` gives for this window: the plan open now, the last one opened.
    pub(super) fn read_reloaded(&self, store: &Store) -> Result<Reloaded, StoreError> {
        let open = self.data.plan.as_ref().map(|p| p.id);
        read(store, open, self.ui_state.last_plan, self.today)
    }

    /// For a write job: reading back what this window shows; `keep_open`: the plan open now stays shown
    /// (else the last one opened, as after a restore).
    pub(super) fn read_back(&self, keep_open: bool) -> ReadBack {
        ReadBack {
            open: self.data.plan.as_ref().map(|p| p.id).filter(|_| keep_open),
            last: self.ui_state.last_plan,
            today: self.today,
        }
    }

    /// After a write job wrote through its own connection: the snapshot it read back shown, or (it could
    /// not) the reason told and the snapshot read here. The undo steps end here.
    pub(super) fn show_read_back(&mut self, reloaded: Result<Box<Reloaded>, JobFailure>) {
        self.store.note_written_elsewhere();
        match reloaded {
            Ok(reloaded) => self.install(*reloaded),
            Err(e) => {
                self.show_error(&e.into());
                self.undo.clear();
                self.reload_all();
            }
        }
    }

    /// Shows a snapshot read after the store changed: the undo steps end here, no measure is selected.
    pub(super) fn install(&mut self, reloaded: Reloaded) {
        self.undo.clear();
        let data = &mut self.data;
        data.plans = reloaded.plans;
        data.schools = reloaded.schools;
        data.exchange.conflicts = reloaded.conflicts;
        data.exchange.backups = reloaded.backups;
        data.selected = None;
        match reloaded.plan {
            Some((plan, progress)) => {
                self.ui_state.last_plan = Some(plan.id);
                data.plan = Some(plan);
                data.progress = progress;
            }
            None => {
                data.plan = None;
                data.progress.clear();
            }
        }
        data.version = self.store.data_version();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;

    fn summaries(plans: &[&Plan]) -> Vec<PlanSummary> {
        let mut store = Store::open_in_memory().unwrap();
        for plan in plans {
            store.write(|w| w.put_plan(plan)).unwrap();
        }
        store.list_plans().unwrap()
    }

    #[test]
    fn the_open_plan_stays_else_the_last_opened_else_the_first() {
        let a = Plan::new("А", Period::school_year(2021));
        let b = Plan::new("Б", Period::school_year(2022));
        let gone = crate::model::new_id();
        let plans = summaries(&[&a, &b]);
        let first = plans[0].id;
        assert_eq!(plan_to_show(&plans, Some(b.id), Some(a.id)), Some(b.id));
        assert_eq!(plan_to_show(&plans, None, Some(a.id)), Some(a.id));
        assert_eq!(plan_to_show(&plans, Some(gone), None), Some(first));
        assert_eq!(plan_to_show(&plans, None, None), Some(first));
        assert_eq!(plan_to_show(&[], Some(a.id), Some(b.id)), None);
    }

    #[test]
    fn a_snapshot_read_on_another_connection_is_what_the_window_would_read() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("db.sqlite")).unwrap();
        crate::example::load_example(&mut store).unwrap();
        let today = NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();
        let second = store.second_connection().unwrap().unwrap();
        let here = read(&store, None, None, today).unwrap();
        let there = read(&second, None, None, today).unwrap();
        assert_eq!(here, there);
        let (plan, progress) = there.plan.expect("the example's plan is shown");
        assert_eq!(plan.id, crate::example::EXAMPLE_PLAN_ID);
        assert!(!progress.is_empty(), "its progress counts are there");
        assert_eq!(there.schools.len(), store.schools().unwrap().len());
    }
}
