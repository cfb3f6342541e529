//! Which occurrences of which measures a school has to carry out, and their state.
//!
//! A measure concerns a school by its scope (all schools, a list, or a category); a measure of a school plan
//! concerns only the plan's owner school. It has one occurrence per due date, or one without a date when its
//! deadline names none. The occurrences are computed, never stored: a record exists only once the user
//! marks something, and a missing record means "planned".

use chrono::NaiveDate;

use super::progress_index::{ProgressIndex, ProgressKey};
use super::target::progress_target;
use crate::model::{Id, Measure, Plan, Progress, School, SchoolScope, Status};

/// Whether `measure` of `plan` concerns `school`: in a district plan by its executor (schools or both) and
/// scope; in a school plan every measure concerns the owner school only.
pub fn concerns(plan: &Plan, measure: &Measure, school: &School) -> bool {
    if let Some(owner) = plan.owner_school {
        return owner == school.id;
    }
    measure.executor.includes_schools() && scope_includes(&measure.schools, school)
}

/// Whether the office itself carries out `measure` of `plan` (a district plan's measure for the office or
/// for both; a school plan has no office part).
pub fn concerns_office(plan: &Plan, measure: &Measure) -> bool {
    plan.owner_school.is_none() && measure.executor.includes_office()
}

/// Whether a scope includes a school (without regard to the plan's owner).
pub fn scope_includes(scope: &SchoolScope, school: &School) -> bool {
    match scope {
        SchoolScope::All => true,
        SchoolScope::List { ids } => ids.contains(&school.id),
        SchoolScope::Category { category } => school.categories.contains(category),
    }
}

/// The due dates of a measure's occurrences: one per date, or a single `None` when it has no date.
pub fn occurrence_dues(measure: &Measure) -> impl Iterator<Item = Option<NaiveDate>> + '_ {
    let unscheduled = measure.due.is_empty().then_some(None);
    measure.due.iter().map(|d| Some(*d)).chain(unscheduled)
}

/// Whether a record's due date names an occurrence of the measure (a stale record, left by a changed
/// deadline, does not).
pub fn is_occurrence(measure_due: &[NaiveDate], due: Option<NaiveDate>) -> bool {
    match due {
        None => measure_due.is_empty(),
        Some(d) => measure_due.binary_search(&d).is_ok(),
    }
}

/// One occurrence of a measure in a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// Index of the section in the plan.
    pub section: usize,
    /// Index of the measure in its section.
    pub measure: usize,
    pub measure_id: Id,
    /// The measure its progress is stored under (`stats::progress_target`): the district measure for a
    /// school plan's copy, else `measure_id`.
    pub progress_measure: Id,
    pub due: Option<NaiveDate>,
}

/// An occurrence at one school (or at the office: `school` = `None`), with its state on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchoolItem {
    pub occurrence: Occurrence,
    pub school: Option<Id>,
    /// The record's status, or `Planned` when there is no record.
    pub status: Status,
    pub done_on: Option<NaiveDate>,
    /// Still open and its due date has passed.
    pub overdue: bool,
    pub has_record: bool,
}

impl SchoolItem {
    pub fn key(&self) -> ProgressKey {
        ProgressKey::new(
            self.occurrence.progress_measure,
            self.school,
            self.occurrence.due,
        )
    }

    /// The record, or a fresh "planned" one the editor can start from.
    pub fn record_or_new(&self, table: &ProgressIndex) -> Progress {
        table.get(&self.key()).cloned().unwrap_or_else(|| {
            Progress::new(
                self.occurrence.progress_measure,
                self.school,
                self.occurrence.due,
                Status::Planned,
            )
        })
    }

    /// Due within `days` days from `today` (inclusive) and still open.
    pub fn upcoming(&self, today: NaiveDate, days: i64) -> bool {
        self.status.is_open()
            && self
                .occurrence
                .due
                .is_some_and(|d| d >= today && d <= today + chrono::Duration::days(days))
    }
}

/// Every occurrence of the plan's measures that concern `school`, in document order then by date, with the
/// state of each.
pub fn school_items(
    plan: &Plan,
    school: &School,
    table: &ProgressIndex,
    today: NaiveDate,
) -> Vec<SchoolItem> {
    executor_items(plan, Some(school.id), table, today, |m| {
        concerns(plan, m, school)
    })
}

/// Every occurrence of the plan's measures the office carries out itself, with the state of each.
pub fn office_items(plan: &Plan, table: &ProgressIndex, today: NaiveDate) -> Vec<SchoolItem> {
    executor_items(plan, None, table, today, |m| concerns_office(plan, m))
}

fn executor_items(
    plan: &Plan,
    executor: Option<Id>,
    table: &ProgressIndex,
    today: NaiveDate,
    concerned: impl Fn(&Measure) -> bool,
) -> Vec<SchoolItem> {
    let mut out = Vec::new();
    for (si, section) in plan.sections.iter().enumerate() {
        for (mi, measure) in section.measures.iter().enumerate() {
            if !concerned(measure) {
                continue;
            }
            let (progress_measure, school) = progress_target(plan, measure, executor);
            for due in occurrence_dues(measure) {
                let occurrence = Occurrence {
                    section: si,
                    measure: mi,
                    measure_id: measure.id,
                    progress_measure,
                    due,
                };
                let record = table.get(&ProgressKey::new(progress_measure, school, due));
                let status = record.map(|r| r.status).unwrap_or_default();
                out.push(SchoolItem {
                    occurrence,
                    school,
                    status,
                    done_on: record.and_then(|r| r.done_on),
                    overdue: status.is_open() && due.is_some_and(|d| d < today),
                    has_record: record.is_some(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Period, Section};

    fn date(m: u32, d: u32) -> NaiveDate {
        let y = if m >= 9 { 2021 } else { 2022 };
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn scopes_and_dates_give_the_occurrences() {
        let mut plan = Plan::new("План", Period::school_year(2021));
        let mut section = Section::new("1", "Раздел");
        let mut all = Measure::new("1.1", "Всем");
        all.due = vec![date(10, 31), date(12, 31)];
        let mut shnor = Measure::new("1.2", "ШНОР");
        shnor.schools = SchoolScope::Category {
            category: Category::Shnor,
        };
        let listed = Measure::new("1.3", "Списку");
        section.measures = vec![all, shnor, listed];
        plan.sections.push(section);
        let mut a = School::new("А");
        a.categories = vec![Category::Shnor];
        let b = School::new("Б");
        plan.sections[0].measures[2].schools = SchoolScope::List { ids: vec![b.id] };

        let table = ProgressIndex::default();
        let today = date(11, 15);
        let items_a = school_items(&plan, &a, &table, today);
        assert_eq!(items_a.len(), 3, "two dates of 1.1 and the undated 1.2");
        assert!(items_a[0].overdue && !items_a[1].overdue && !items_a[2].overdue);
        assert!(
            items_a
                .iter()
                .all(|i| i.status == Status::Planned && !i.has_record)
        );
        let items_b = school_items(&plan, &b, &table, today);
        assert_eq!(items_b.len(), 3, "two dates of 1.1 and the undated 1.3");
        assert!(items_b[1].upcoming(today, 60));

        // A school plan concerns its owner only.
        plan.owner_school = Some(b.id);
        assert!(school_items(&plan, &a, &table, today).is_empty());
        assert_eq!(school_items(&plan, &b, &table, today).len(), 4);
    }
}
