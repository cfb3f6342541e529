//! The data of the summary report (аналитическая справка) of one school or of the district.
//! `exchange::analytic_note::html` writes it as a printable page; the numbers are those of [`super::summarize`].

use chrono::NaiveDate;

use super::summary::{SchoolSummary, district_total, summarize};
use super::{ProgressIndex, school_items};
use crate::model::{Category, Period, Plan, School, Status};

/// How many days ahead "upcoming" looks.
pub const UPCOMING_DAYS: i64 = 30;

/// Russian names of the categories, as the report and the command line print them.
pub fn category_title(c: Category) -> &'static str {
    match c {
        Category::Shnor => "ШНОР",
        Category::Shnsu => "ШНСУ",
        Category::RiskZone => "зона риска",
        Category::Leader => "школа-лидер",
        Category::Partner => "опорная школа",
        Category::Curator => "школа-куратор",
    }
}

/// Russian names of the statuses.
pub fn status_title(s: Status) -> &'static str {
    match s {
        Status::Planned => "запланировано",
        Status::InProgress => "в работе",
        Status::Done => "выполнено",
        Status::NotDone => "не выполнено",
        Status::Cancelled => "отменено",
    }
}

/// A section's line of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionLine {
    pub number: String,
    pub title: String,
    pub total: u32,
    pub done: u32,
    pub overdue: u32,
}

/// A measure occurrence listed in the report (overdue or upcoming).
#[derive(Debug, Clone, PartialEq)]
pub struct NoteItem {
    pub number: String,
    pub title: String,
    pub due: Option<NaiveDate>,
    pub status: Status,
    pub responsible: String,
    /// The school, in the district report.
    pub school: String,
}

/// A measure occurrence done, with its evidence (document, number, date; a link) and who marked it.
#[derive(Debug, Clone, PartialEq)]
pub struct DoneItem {
    pub number: String,
    pub title: String,
    pub due: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    /// The evidence as written («Приказ № 12 от 01.10.2021», a link or path on the next line).
    pub evidence: String,
    /// Who marked it.
    pub by: String,
    /// The school (or «Управление»), in the district report.
    pub school: String,
}

/// An indicator against its target for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorLine {
    pub name: String,
    pub unit: crate::model::IndicatorUnit,
    pub year: i32,
    pub target: Option<f64>,
    pub actual: Option<f64>,
}

/// The office's own execution of a district plan.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeNote {
    pub summary: SchoolSummary,
    pub done: Vec<DoneItem>,
    pub overdue: Vec<NoteItem>,
}

/// How the reports name the office's own execution.
pub const OFFICE_TITLE: &str = "Управление образования";

/// The header every report starts with.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteHeader {
    pub plan_title: String,
    pub issuer: String,
    pub approval: String,
    pub period: Period,
    pub today: NaiveDate,
}

impl NoteHeader {
    fn of(plan: &Plan, today: NaiveDate) -> Self {
        Self {
            plan_title: plan.title.clone(),
            issuer: plan.issuer.clone(),
            approval: plan.approval.clone(),
            period: plan.period,
            today,
        }
    }
}

/// The report of one school.
#[derive(Debug, Clone, PartialEq)]
pub struct SchoolNote {
    pub header: NoteHeader,
    pub school: School,
    pub summary: SchoolSummary,
    pub sections: Vec<SectionLine>,
    pub overdue: Vec<NoteItem>,
    pub upcoming: Vec<NoteItem>,
    /// Done occurrences with their evidence, in document order.
    pub done: Vec<DoneItem>,
    /// The plan's indicators against their targets (filled by [`indicator_lines`]; empty until then).
    pub indicators: Vec<IndicatorLine>,
}

/// The report of the district: every school's line and the totals.
#[derive(Debug, Clone, PartialEq)]
pub struct DistrictNote {
    pub header: NoteHeader,
    pub total: SchoolSummary,
    /// Schools the plan concerns, least done first.
    pub schools: Vec<(School, SchoolSummary)>,
    pub sections: Vec<SectionLine>,
    /// Overdue occurrences of all schools (at most [`DistrictNote::OVERDUE_LIMIT`]).
    pub overdue: Vec<NoteItem>,
    /// Overdue occurrences in all (the list may be cut).
    pub overdue_count: u32,
    /// Done occurrences of all schools with their evidence (at most [`DistrictNote::OVERDUE_LIMIT`]).
    pub done: Vec<DoneItem>,
    /// The office's own execution (when the plan has measures for the office).
    pub office: Option<OfficeNote>,
    /// The plan's indicators against their targets (filled by [`indicator_lines`]; empty until then).
    pub indicators: Vec<IndicatorLine>,
}

impl DistrictNote {
    pub const OVERDUE_LIMIT: usize = 500;
}

fn section_lines(plan: &Plan, summary: &SchoolSummary) -> Vec<SectionLine> {
    plan.sections
        .iter()
        .zip(&summary.by_section)
        .filter(|(_, c)| c.total > 0)
        .map(|(s, c)| SectionLine {
            number: s.number.clone(),
            title: s.title.clone(),
            total: c.total,
            done: c.done,
            overdue: c.overdue,
        })
        .collect()
}

fn items_of(
    plan: &Plan,
    school: &School,
    table: &ProgressIndex,
    today: NaiveDate,
) -> (Vec<NoteItem>, Vec<NoteItem>) {
    let mut overdue = Vec::new();
    let mut upcoming = Vec::new();
    for item in school_items(plan, school, table, today) {
        let m = &plan.sections[item.occurrence.section].measures[item.occurrence.measure];
        let line = || NoteItem {
            number: m.number.clone(),
            title: m.title.clone(),
            due: item.occurrence.due,
            status: item.status,
            responsible: m.responsible.clone(),
            school: school.display_name().to_owned(),
        };
        if item.overdue {
            overdue.push(line());
        } else if item.upcoming(today, UPCOMING_DAYS) {
            upcoming.push(line());
        }
    }
    upcoming.sort_by_key(|i| i.due);
    (overdue, upcoming)
}

/// The done occurrences among `items` with their records' evidence and author.
fn done_of(
    plan: &Plan,
    items: &[super::SchoolItem],
    table: &ProgressIndex,
    who: &str,
) -> Vec<DoneItem> {
    items
        .iter()
        .filter(|i| i.status == Status::Done)
        .map(|i| {
            let m = &plan.sections[i.occurrence.section].measures[i.occurrence.measure];
            let record = table.get(&i.key());
            DoneItem {
                number: m.number.clone(),
                title: m.title.clone(),
                due: i.occurrence.due,
                done_on: i.done_on,
                evidence: record.map(|r| r.evidence.clone()).unwrap_or_default(),
                by: record.map(|r| r.by.clone()).unwrap_or_default(),
                school: who.to_owned(),
            }
        })
        .collect()
}

/// The plan's indicators against their targets, one line per target year: the actual value of `school`
/// (or of the whole plan when `None`) from `values`.
pub fn indicator_lines(
    plan: &Plan,
    values: &[crate::model::IndicatorValue],
    school: Option<crate::model::Id>,
) -> Vec<IndicatorLine> {
    let mut out = Vec::new();
    for indicator in &plan.indicators {
        let mut years: Vec<i32> = indicator.targets.iter().map(|t| t.year).collect();
        years.extend(
            values
                .iter()
                .filter(|v| v.indicator_id == indicator.id && v.school_id == school)
                .map(|v| v.year),
        );
        years.sort_unstable();
        years.dedup();
        for year in years {
            out.push(IndicatorLine {
                name: indicator.name.clone(),
                unit: indicator.unit,
                year,
                target: indicator
                    .targets
                    .iter()
                    .find(|t| t.year == year)
                    .map(|t| t.value),
                actual: values
                    .iter()
                    .find(|v| {
                        v.indicator_id == indicator.id && v.school_id == school && v.year == year
                    })
                    .map(|v| v.value),
            });
        }
    }
    out
}

/// The report of one school over a plan on `today`.
pub fn school_note(
    plan: &Plan,
    school: &School,
    table: &ProgressIndex,
    today: NaiveDate,
) -> SchoolNote {
    let summary = summarize(plan, std::slice::from_ref(school), table.records(), today)
        .pop()
        .expect("one school in, one summary out");
    let (overdue, upcoming) = items_of(plan, school, table, today);
    let items = school_items(plan, school, table, today);
    SchoolNote {
        header: NoteHeader::of(plan, today),
        school: school.clone(),
        sections: section_lines(plan, &summary),
        summary,
        overdue,
        upcoming,
        done: done_of(plan, &items, table, school.display_name()),
        indicators: Vec::new(),
    }
}

/// The report of the district (all `schools` the plan concerns) on `today`.
pub fn district_note(
    plan: &Plan,
    schools: &[School],
    table: &ProgressIndex,
    today: NaiveDate,
) -> DistrictNote {
    let summaries = summarize(plan, schools, table.records(), today);
    let total = district_total(&summaries, plan.sections.len());
    let mut rows: Vec<(School, SchoolSummary)> = schools
        .iter()
        .cloned()
        .zip(summaries)
        .filter(|(_, s)| s.total > 0)
        .collect();
    rows.sort_by(|a, b| {
        a.1.due_share()
            .total_cmp(&b.1.due_share())
            .then_with(|| b.1.overdue.cmp(&a.1.overdue))
            .then_with(|| a.0.name.cmp(&b.0.name))
    });
    let mut overdue = Vec::new();
    for (school, summary) in &rows {
        if summary.overdue == 0 || overdue.len() >= DistrictNote::OVERDUE_LIMIT {
            continue;
        }
        overdue.extend(items_of(plan, school, table, today).0);
    }
    overdue.truncate(DistrictNote::OVERDUE_LIMIT);
    let mut done = Vec::new();
    for (school, summary) in &rows {
        if summary.done == 0 || done.len() >= DistrictNote::OVERDUE_LIMIT {
            continue;
        }
        let items = school_items(plan, school, table, today);
        done.extend(done_of(plan, &items, table, school.display_name()));
    }
    done.truncate(DistrictNote::OVERDUE_LIMIT);
    let office_items = super::office_items(plan, table, today);
    let office = (!office_items.is_empty()).then(|| OfficeNote {
        summary: super::summary_of_items(
            crate::model::Id::nil(),
            plan.sections.len(),
            &office_items,
            table,
            today,
        ),
        done: done_of(plan, &office_items, table, OFFICE_TITLE),
        overdue: office_items
            .iter()
            .filter(|i| i.overdue)
            .map(|i| {
                let m = &plan.sections[i.occurrence.section].measures[i.occurrence.measure];
                NoteItem {
                    number: m.number.clone(),
                    title: m.title.clone(),
                    due: i.occurrence.due,
                    status: i.status,
                    responsible: m.responsible.clone(),
                    school: OFFICE_TITLE.to_owned(),
                }
            })
            .collect(),
    });
    DistrictNote {
        header: NoteHeader::of(plan, today),
        sections: section_lines(plan, &total),
        overdue_count: total.overdue,
        total,
        schools: rows,
        overdue,
        done,
        office,
        indicators: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::{date, plan_of};
    use crate::model::{Measure, Progress, now};

    #[test]
    fn the_school_report_counts_done_out_of_due_and_lists_overdue() {
        let mut plan = plan_of("План", &[("1", "Раздел", &[])]);
        let measures = &mut plan.sections[0].measures;
        for i in 0..10 {
            let mut m = Measure::new(format!("1.{}", i + 1), format!("Мероприятие {}", i + 1));
            m.due = vec![date(2021, 9, 10 + i)];
            measures.push(m);
        }
        let mut late = Measure::new("1.11", "Будущее");
        late.due = vec![date(2021, 11, 1)];
        measures.push(late);
        let school = School::new("МОУ «СОШ № 1»");
        let records = plan.sections[0].measures[..7]
            .iter()
            .map(|m| Progress {
                done_on: m.due.first().copied(),
                ..Progress::new(m.id, Some(school.id), m.due.first().copied(), Status::Done)
            })
            .collect();
        let table = ProgressIndex::new(records);
        let today = NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();
        let r = school_note(&plan, &school, &table, today);
        assert_eq!(
            (r.summary.done, r.summary.due, r.summary.total),
            (7, 10, 11)
        );
        assert_eq!(r.overdue.len(), 3);
        assert_eq!(r.upcoming.len(), 1);
        assert_eq!(r.sections[0].done, 7);
        let d = district_note(&plan, std::slice::from_ref(&school), &table, today);
        assert_eq!(d.total.done, 7);
        assert_eq!(d.overdue_count, 3);
        assert_eq!(r.done.len(), 7, "the done ones listed");
        assert_eq!(d.done.len(), 7);
        assert!(d.office.is_none(), "no measure of the office's own");
    }

    #[test]
    fn indicators_stand_against_their_targets_per_school_and_for_the_district() {
        use crate::model::{Indicator, IndicatorTarget, IndicatorUnit, IndicatorValue};
        let mut plan = Plan::new("План", Period::school_year(2021));
        let id = crate::model::new_id();
        plan.indicators.push(Indicator {
            id,
            name: "Доля педагогов, прошедших курсы".into(),
            unit: IndicatorUnit::Percent,
            baseline: None,
            targets: vec![IndicatorTarget {
                year: 2022,
                value: 100.0,
            }],
        });
        let school = crate::model::new_id();
        let values = vec![IndicatorValue {
            indicator_id: id,
            school_id: Some(school),
            year: 2022,
            value: 80.0,
            updated_at: now(),
        }];
        let lines = indicator_lines(&plan, &values, Some(school));
        assert_eq!(lines.len(), 1);
        assert_eq!(
            (lines[0].year, lines[0].target, lines[0].actual),
            (2022, Some(100.0), Some(80.0))
        );
        let district = indicator_lines(&plan, &values, None);
        assert_eq!(
            (district[0].target, district[0].actual),
            (Some(100.0), None)
        );
    }

    #[test]
    fn the_office_part_counts_its_own_measures_only() {
        use crate::model::Executor;
        let mut plan = plan_of(
            "План",
            &[(
                "1",
                "Раздел",
                &[("1.1", "Назначение координатора"), ("1.2", "Семинар")],
            )],
        );
        for (measure, executor) in plan.sections[0]
            .measures
            .iter_mut()
            .zip([Executor::Office, Executor::Both])
        {
            measure.executor = executor;
            measure.due = vec![date(2021, 9, 30)];
        }
        let school = School::new("СОШ");
        let mark = |measure: crate::model::Id, school_id: Option<crate::model::Id>| Progress {
            measure_id: measure,
            school_id,
            due: NaiveDate::from_ymd_opt(2021, 9, 30),
            status: Status::Done,
            done_on: NaiveDate::from_ymd_opt(2021, 9, 20),
            evidence: "Приказ УО № 5 от 20.09.2021".into(),
            comment: String::new(),
            updated_at: now(),
            by: "Методист".into(),
        };
        let m = |i: usize| plan.sections[0].measures[i].id;
        let table = ProgressIndex::new(vec![mark(m(0), None), mark(m(1), Some(school.id))]);
        let today = NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();
        let d = district_note(&plan, std::slice::from_ref(&school), &table, today);
        let office = d.office.expect("the office's part");
        // Both measures are the office's; it marked 1.1 only, so 1.2 is overdue for it.
        assert_eq!((office.summary.done, office.summary.total), (1, 2));
        assert_eq!(office.done[0].evidence, "Приказ УО № 5 от 20.09.2021");
        assert_eq!(office.done[0].by, "Методист");
        assert_eq!(office.overdue.len(), 1);
        assert_eq!(office.overdue[0].number, "1.2");
        // The school has 1.2 only (1.1 is the office's alone), done.
        assert_eq!((d.total.done, d.total.total), (1, 1));
    }
}
