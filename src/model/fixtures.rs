//! Test data built once for the tests of every layer: a small plan, and one change of each kind that edits a
//! plan.

use super::{Change, Measure, Period, Plan, Section};

/// A section to build: its number, its title and its measures (number, title).
pub(crate) type SectionOf<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

/// A plan of the school year 2021-22 with these sections.
pub(crate) fn plan_of(title: &str, sections: &[SectionOf<'_>]) -> Plan {
    let mut plan = Plan::new(title, Period::school_year(2021));
    for &(number, section_title, measures) in sections {
        let mut section = Section::new(number, section_title);
        for &(number, title) in measures {
            section.measures.push(Measure::new(number, title));
        }
        plan.sections.push(section);
    }
    plan
}

/// One change of each kind that edits a plan, each made for `plan` as it is (its first section must hold a
/// measure): a measure renamed, inserted and removed, a section renamed, inserted and removed, the header
/// changed. Each changes the plan.
pub(crate) fn one_change_of_each_kind(plan: &Plan) -> Vec<Change> {
    let section = &plan.sections[0];
    let first = section.measures[0].clone();
    let mut renamed = first.clone();
    renamed.title = "Переименовано".into();
    let mut section_renamed = section.header();
    section_renamed.title = "Переименованное".into();
    vec![
        Change::Measure {
            before: Box::new(first.clone()),
            after: Box::new(renamed),
        },
        Change::InsertMeasure {
            section_id: section.id,
            index: 1,
            measure: Box::new(Measure::new("1.9", "Новое")),
        },
        Change::RemoveMeasure {
            section_id: section.id,
            index: 0,
            measure: Box::new(first),
        },
        Change::SectionHeader {
            before: Box::new(section.header()),
            after: Box::new(section_renamed),
        },
        Change::InsertSection {
            index: 1,
            section: Box::new(Section::new("3", "Вставленное")),
        },
        Change::RemoveSection {
            index: 0,
            section: Box::new(section.clone()),
        },
        Change::PlanHeader {
            before: Box::new(plan.header()),
            after: Box::new(Plan {
                goal: "Цель".into(),
                ..plan.header()
            }),
        },
    ]
}

/// The date `y`-`m`-`d`, which must exist.
pub(crate) fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a date of the calendar")
}
