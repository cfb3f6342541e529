//! The school side of the app's state: the snapshot of progress records, criteria and indicator values the
//! Школы screen reads (`AppData::progress_and_criteria`), and the screen's settings kept between runs (`UiState::schools`).
//!
//! The snapshot is loaded lazily — when the Школы screen is shown or a view asks for it
//! (`SchoolCommand::Need`) — because a region holds hundreds of thousands of records the other screens never
//! read. After that it is kept in step with each committed `Change`; any other write (an import, opening a
//! plan) makes it stale, and it is reloaded before the next frame that needs it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use crate::model::{Change, CriteriaSet, CriterionValue, Id, IndicatorValue, Plan, School};
use crate::stats::{ProgressIndex, SchoolSummary, school_items, summarize, summary_of_items};

/// What the Школы views read besides the plan and the registry.
#[derive(Debug)]
pub struct SchoolData {
    /// The plan and the store's data version the snapshot reflects; `None` until loaded.
    pub(super) synced: Option<(Id, u64)>,
    /// A view outside the Школы screen asked for the snapshot.
    pub(super) wanted: bool,
    /// Progress records of the open plan.
    pub records: ProgressIndex,
    /// The criteria set in force: the stored one, or the shipped defaults.
    pub criteria: CriteriaSet,
    /// The set stored in the database (`None` while the defaults are in force).
    pub criteria_stored: Option<CriteriaSet>,
    /// Criterion values by school, then by criterion id.
    pub criterion_values: HashMap<Id, HashMap<String, CriterionValue>>,
    /// Actual values of target indicators (plan level and per school).
    pub indicator_values: Vec<IndicatorValue>,
    /// Every school's summary over the open plan, in registry order: what the overview shows. Kept in
    /// step with each committed change (the schools it touched are summed again); recomputed whole only
    /// when occurrences, scopes, sections or the registry changed.
    pub summaries: Vec<SchoolSummary>,
    /// The summaries need recomputing whole before they are shown.
    pub(super) summaries_stale: bool,
    /// A load running on a worker thread.
    pub(super) pending: Option<super::school_loader::PendingLoad>,
}

impl Default for SchoolData {
    fn default() -> Self {
        Self {
            synced: None,
            wanted: false,
            records: ProgressIndex::default(),
            criteria: CriteriaSet::builtin(),
            criteria_stored: None,
            criterion_values: HashMap::new(),
            indicator_values: Vec::new(),
            summaries: Vec::new(),
            summaries_stale: true,
            pending: None,
        }
    }
}

impl SchoolData {
    /// Whether the snapshot has been loaded for some plan.
    pub fn is_loaded(&self) -> bool {
        self.synced.is_some()
    }

    /// Whether the snapshot reflects `plan` and its summaries cover `schools` schools: what the Школы
    /// screen needs to draw (else it says the records are being read).
    pub fn ready_for(&self, plan: Id, schools: usize) -> bool {
        self.synced.is_some_and(|(p, _)| p == plan)
            && !self.summaries_stale
            && self.summaries.len() == schools
    }

    /// Takes in what a load read, as of (`plan`, `version`).
    pub(super) fn install(&mut self, loaded: super::school_loader::Loaded, plan: Id, version: u64) {
        self.synced = Some((plan, version));
        self.records = loaded.records;
        self.criteria = loaded
            .criteria_stored
            .clone()
            .unwrap_or_else(CriteriaSet::builtin);
        self.criteria_stored = loaded.criteria_stored;
        self.criterion_values.clear();
        for v in loaded.criterion_values {
            self.criterion_values
                .entry(v.school_id)
                .or_default()
                .insert(v.criterion.clone(), v);
        }
        self.indicator_values = loaded.indicator_values;
        self.summaries = loaded.summaries;
        self.summaries_stale = false;
    }

    /// A school's criterion values as numbers, by criterion id.
    pub fn values_of(&self, school: Id) -> HashMap<String, f64> {
        self.criterion_values
            .get(&school)
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.value)).collect())
            .unwrap_or_default()
    }

    /// The actual value of an indicator for a year (plan level when `school` is `None`).
    pub fn indicator_value(
        &self,
        indicator: Id,
        school: Option<Id>,
        year: i32,
    ) -> Option<&IndicatorValue> {
        self.indicator_values
            .iter()
            .find(|v| v.indicator_id == indicator && v.school_id == school && v.year == year)
    }

    /// Recomputes every school's summary from all the plan's records, when they are stale.
    pub(super) fn fresh_summaries(&mut self, plan: &Plan, schools: &[School], today: NaiveDate) {
        if self.summaries_stale || self.summaries.len() != schools.len() {
            self.summaries = summarize(plan, schools, self.records.records(), today);
            self.summaries_stale = false;
        }
    }

    /// Sums the given schools again from their own occurrences (the others' summaries stand).
    pub(super) fn resummarize(
        &mut self,
        plan: &Plan,
        schools: &[School],
        ids: &[Id],
        today: NaiveDate,
    ) {
        if self.summaries_stale {
            return;
        }
        for id in ids {
            let Some(slot) = self.summaries.iter().position(|s| s.school == *id) else {
                continue;
            };
            let Some(school) = schools.iter().find(|s| s.id == *id) else {
                continue;
            };
            let items = school_items(plan, school, &self.records, today);
            self.summaries[slot] =
                summary_of_items(school.id, plan.sections.len(), &items, &self.records, today);
        }
    }

    /// Applies the school-side parts of a committed change.
    pub(super) fn apply(&mut self, change: &Change) {
        match change {
            Change::Progress { .. } => self.records.apply(change),
            Change::CriteriaSet { after, .. } => {
                self.criteria_stored = after.as_deref().cloned();
                self.criteria = self
                    .criteria_stored
                    .clone()
                    .unwrap_or_else(CriteriaSet::builtin);
            }
            Change::CriterionValue { before, after } => match (before, after) {
                (_, Some(v)) => {
                    self.criterion_values
                        .entry(v.school_id)
                        .or_default()
                        .insert(v.criterion.clone(), (**v).clone());
                }
                (Some(v), None) => {
                    if let Some(m) = self.criterion_values.get_mut(&v.school_id) {
                        m.remove(&v.criterion);
                    }
                }
                (None, None) => {}
            },
            Change::IndicatorValue { before, after } => {
                let key = after
                    .as_deref()
                    .or(before.as_deref())
                    .map(|v| (v.indicator_id, v.school_id, v.year));
                if let Some((indicator, school, year)) = key {
                    self.indicator_values.retain(|v| {
                        !(v.indicator_id == indicator && v.school_id == school && v.year == year)
                    });
                }
                if let Some(v) = after {
                    self.indicator_values.push((**v).clone());
                }
            }
            Change::Batch(changes) => changes.iter().for_each(|c| self.apply(c)),
            _ => {}
        }
    }
}

/// The parts of the Школы screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum SchoolTab {
    /// All schools: table and heat map.
    #[default]
    Overview,
    /// One school's dashboard with its progress.
    Dashboard,
    /// One school's registry card.
    Card,
    /// One school's criterion values and proposed categories.
    Criteria,
    /// Building a school plan from the district plan.
    SchoolPlan,
    /// The criteria lists and thresholds.
    CriteriaSet,
}

/// What the district overview is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum OverviewSort {
    Name,
    Categories,
    /// The default: the schools furthest behind first.
    #[default]
    Done,
    Overdue,
    Updated,
}

/// Settings of the Школы screen kept between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SchoolsUi {
    pub tab: SchoolTab,
    pub selected: Option<Id>,
    pub sort: OverviewSort,
    pub ascending: bool,
    /// The overview shows the schools × sections heat map instead of the table.
    pub heat_map: bool,
    pub list_width: f32,
}

impl Default for SchoolsUi {
    fn default() -> Self {
        Self {
            tab: SchoolTab::Overview,
            selected: None,
            sort: OverviewSort::Done,
            ascending: true,
            heat_map: false,
            list_width: 300.0,
        }
    }
}
