//! Which occurrences of which measures a school has to carry out, and their state.
//!
//! A measure concerns a school by its scope (all schools, a list, or a category); a measure of a school plan
//! concerns only the plan's owner school. It has one occurrence per due date, or one without a date when its
//! deadline names none. The occurrences are computed, never stored: a record exists only once the user
//! marks something, and a missing record means "planned".

use chrono::NaiveDate;

use super::table::{ProgressKey, ProgressTable};
use crate::model::{Id, Measure, Plan, Progress, School, SchoolScope, Status};

/// Whether `measure` of `plan` concerns `school`.
pub fn concerns(plan: &Plan, measure: &Measure, school: &School) -> bool {
    if let Some(owner) = plan.owner_school {
        return owner == school.id;
    }
    scope_includes(&measure.schools, school)
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
    pub due: Option<NaiveDate>,
}

/// An occurrence at one school, with its state on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchoolItem {
    pub occurrence: Occurrence,
    pub school: Id,
    /// The record's status, or `Planned` when there is no record.
    pub status: Status,
    pub done_on: Option<NaiveDate>,
    /// Still open and its due date has passed.
    pub overdue: bool,
    pub has_record: bool,
}

impl SchoolItem {
    pub fn key(&self) -> ProgressKey {
        ProgressKey::new(self.occurrence.measure_id, self.school, self.occurrence.due)
    }

    /// The record, or a fresh "planned" one the editor can start from.
    pub fn record_or_new(&self, table: &ProgressTable) -> Progress {
        table.get(&self.key()).cloned().unwrap_or_else(|| Progress {
            measure_id: self.occurrence.measure_id,
            school_id: self.school,
            due: self.occurrence.due,
            status: Status::Planned,
            done_on: None,
            evidence: String::new(),
            comment: String::new(),
            updated_at: crate::model::now(),
            by: String::new(),
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
    table: &ProgressTable,
    today: NaiveDate,
) -> Vec<SchoolItem> {
    let mut out = Vec::new();
    for (si, section) in plan.sections.iter().enumerate() {
        for (mi, measure) in section.measures.iter().enumerate() {
            if !concerns(plan, measure, school) {
                continue;
            }
            for due in occurrence_dues(measure) {
                let occurrence = Occurrence {
                    section: si,
                    measure: mi,
                    measure_id: measure.id,
                    due,
                };
                let record = table.get(&ProgressKey::new(measure.id, school.id, due));
                let status = record.map(|r| r.status).unwrap_or_default();
                out.push(SchoolItem {
                    occurrence,
                    school: school.id,
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

        let table = ProgressTable::default();
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
