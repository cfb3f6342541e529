//! What a committed change touches of the state derived from the data: the progress counts of which
//! measures, the summaries of which schools, the plan list. The runner refreshes only that after a write,
//! so an edit costs the change, not the database.

use crate::model::{Change, Id, Measure};

/// The derived state a change may have made stale.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Touched {
    /// Measures whose progress counts may have changed (each once).
    pub measures: Vec<Id>,
    /// Schools whose summaries may have changed through their progress records (each once).
    pub schools: Vec<Id>,
    /// Every school's summary may have changed: occurrences, scopes, sections or the registry changed.
    pub all_schools: bool,
    /// The plan list (titles, periods, counts of sections and measures) may have changed.
    pub plan_list: bool,
}

impl Touched {
    pub fn of(change: &Change) -> Self {
        let mut touched = Self::default();
        touched.add(change);
        touched
    }

    fn add(&mut self, change: &Change) {
        match change {
            Change::PlanHeader { .. } => {
                self.plan_list = true;
                self.all_schools = true;
            }
            Change::SectionHeader { .. } => {}
            Change::InsertSection { section, .. } | Change::RemoveSection { section, .. } => {
                self.plan_list = true;
                self.all_schools = true;
                for m in &section.measures {
                    push_once(&mut self.measures, m.id);
                }
            }
            Change::Measure { before, after } => {
                if counts_differ(before, after) {
                    // Its line in the grid's status may change too (who executes it, for instance).
                    push_once(&mut self.measures, after.id);
                    self.all_schools = true;
                }
            }
            Change::InsertMeasure { measure, .. } | Change::RemoveMeasure { measure, .. } => {
                self.plan_list = true;
                self.all_schools = true;
                push_once(&mut self.measures, measure.id);
            }
            Change::School { .. } => self.all_schools = true,
            Change::Progress { before, after } => {
                for p in before.iter().chain(after.iter()) {
                    push_once(&mut self.measures, p.measure_id);
                    // The office's own records (no school) touch no school's summary.
                    if let Some(school) = p.school_id {
                        push_once(&mut self.schools, school);
                    }
                }
            }
            Change::CriteriaSet { .. }
            | Change::CriterionValue { .. }
            | Change::IndicatorValue { .. } => {}
            Change::Batch(changes) => changes.iter().for_each(|c| self.add(c)),
        }
    }
}

fn push_once(ids: &mut Vec<Id>, id: Id) {
    if !ids.contains(&id) {
        ids.push(id);
    }
}

/// Whether an edit of a measure changes what schools have to do (due dates, scope, executor, link…), not
/// only its texts: any field but the texts shown in the grid counts.
fn counts_differ(before: &Measure, after: &Measure) -> bool {
    let mut texts_only = after.clone();
    texts_only.number.clone_from(&before.number);
    texts_only.title.clone_from(&before.title);
    texts_only.deadline.clone_from(&before.deadline);
    texts_only.responsible.clone_from(&before.responsible);
    texts_only.result.clone_from(&before.result);
    texts_only.documents.clone_from(&before.documents);
    texts_only.notes.clone_from(&before.notes);
    texts_only.yearly.clone_from(&before.yearly);
    texts_only.updated_at = before.updated_at;
    texts_only != *before
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Category, Progress, SchoolScope, Section, Status, new_id, now};

    fn record(measure: Id, school: Id) -> Progress {
        Progress::new(
            measure,
            Some(school),
            NaiveDate::from_ymd_opt(2021, 12, 31),
            Status::Done,
        )
    }

    #[test]
    fn a_mark_touches_its_measure_and_school_only() {
        let (m, a, b) = (new_id(), new_id(), new_id());
        let change = Change::Batch(vec![
            Change::Progress {
                before: None,
                after: Some(Box::new(record(m, a))),
            },
            Change::Progress {
                before: Some(Box::new(record(m, b))),
                after: Some(Box::new(record(m, b))),
            },
        ]);
        let touched = Touched::of(&change);
        assert_eq!(touched.measures, vec![m]);
        assert_eq!(touched.schools, vec![a, b]);
        assert!(!touched.all_schools);
        assert!(!touched.plan_list);
    }

    #[test]
    fn a_title_edit_touches_nothing_but_a_scope_or_due_edit_touches_every_school() {
        let before = Measure::new("1.1", "Мероприятие");
        let mut retitled = before.clone();
        retitled.title = "Другое".into();
        retitled.deadline = "май".into();
        retitled.updated_at = now();
        let touched = Touched::of(&Change::Measure {
            before: Box::new(before.clone()),
            after: Box::new(retitled),
        });
        assert_eq!(touched, Touched::default());

        let mut rescoped = before.clone();
        rescoped.schools = SchoolScope::Category {
            category: Category::Shnor,
        };
        let touched = Touched::of(&Change::Measure {
            before: Box::new(before.clone()),
            after: Box::new(rescoped),
        });
        assert!(touched.all_schools);
        assert_eq!(touched.measures, vec![before.id]);
        let mut redated = before.clone();
        redated.due = vec![NaiveDate::from_ymd_opt(2022, 5, 31).unwrap()];
        assert!(
            Touched::of(&Change::Measure {
                before: Box::new(before),
                after: Box::new(redated),
            })
            .all_schools
        );
    }

    #[test]
    fn structure_changes_touch_the_plan_list_and_the_measures_they_carry() {
        let mut section = Section::new("2", "Раздел");
        section.measures = vec![Measure::new("2.1", "А"), Measure::new("2.2", "Б")];
        let ids: Vec<Id> = section.measures.iter().map(|m| m.id).collect();
        let touched = Touched::of(&Change::RemoveSection {
            index: 1,
            section: Box::new(section),
        });
        assert!(touched.plan_list && touched.all_schools);
        assert_eq!(touched.measures, ids);
    }
}
