//! The data of the summary report (аналитическая справка) of one school or of the district.
//! `exchange::report_html` writes it as a printable page; the numbers are those of [`super::summarize`].

use chrono::NaiveDate;

use super::summary::{SchoolSummary, district_total, summarize};
use super::{ProgressTable, school_items};
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
pub struct ReportItem {
    pub number: String,
    pub title: String,
    pub due: Option<NaiveDate>,
    pub status: Status,
    pub responsible: String,
    /// The school, in the district report.
    pub school: String,
}

/// The header every report starts with.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportHeader {
    pub plan_title: String,
    pub issuer: String,
    pub approval: String,
    pub period: Period,
    pub today: NaiveDate,
}

impl ReportHeader {
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
pub struct SchoolReport {
    pub header: ReportHeader,
    pub school: School,
    pub summary: SchoolSummary,
    pub sections: Vec<SectionLine>,
    pub overdue: Vec<ReportItem>,
    pub upcoming: Vec<ReportItem>,
}

/// The report of the district: every school's line and the totals.
#[derive(Debug, Clone, PartialEq)]
pub struct DistrictReport {
    pub header: ReportHeader,
    pub total: SchoolSummary,
    /// Schools the plan concerns, least done first.
    pub schools: Vec<(School, SchoolSummary)>,
    pub sections: Vec<SectionLine>,
    /// Overdue occurrences of all schools (at most [`DistrictReport::OVERDUE_LIMIT`]).
    pub overdue: Vec<ReportItem>,
    /// Overdue occurrences in all (the list may be cut).
    pub overdue_count: u32,
}

impl DistrictReport {
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
    table: &ProgressTable,
    today: NaiveDate,
) -> (Vec<ReportItem>, Vec<ReportItem>) {
    let mut overdue = Vec::new();
    let mut upcoming = Vec::new();
    for item in school_items(plan, school, table, today) {
        let m = &plan.sections[item.occurrence.section].measures[item.occurrence.measure];
        let line = || ReportItem {
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

/// The report of one school over a plan on `today`.
pub fn school_report(
    plan: &Plan,
    school: &School,
    table: &ProgressTable,
    today: NaiveDate,
) -> SchoolReport {
    let summary = summarize(plan, std::slice::from_ref(school), table.records(), today)
        .pop()
        .expect("one school in, one summary out");
    let (overdue, upcoming) = items_of(plan, school, table, today);
    SchoolReport {
        header: ReportHeader::of(plan, today),
        school: school.clone(),
        sections: section_lines(plan, &summary),
        summary,
        overdue,
        upcoming,
    }
}

/// The report of the district (all `schools` the plan concerns) on `today`.
pub fn district_report(
    plan: &Plan,
    schools: &[School],
    table: &ProgressTable,
    today: NaiveDate,
) -> DistrictReport {
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
        if summary.overdue == 0 || overdue.len() >= DistrictReport::OVERDUE_LIMIT {
            continue;
        }
        overdue.extend(items_of(plan, school, table, today).0);
    }
    overdue.truncate(DistrictReport::OVERDUE_LIMIT);
    DistrictReport {
        header: ReportHeader::of(plan, today),
        sections: section_lines(plan, &total),
        overdue_count: total.overdue,
        total,
        schools: rows,
        overdue,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Measure, Progress, Section, now};

    #[test]
    fn the_school_report_counts_done_out_of_due_and_lists_overdue() {
        let mut plan = Plan::new("План", Period::school_year(2021));
        let mut section = Section::new("1", "Раздел");
        for i in 0..10 {
            let mut m = Measure::new(format!("1.{}", i + 1), format!("Мероприятие {}", i + 1));
            m.due = vec![NaiveDate::from_ymd_opt(2021, 9, 10 + i).unwrap()];
            section.measures.push(m);
        }
        let mut late = Measure::new("1.11", "Будущее");
        late.due = vec![NaiveDate::from_ymd_opt(2021, 11, 1).unwrap()];
        section.measures.push(late);
        plan.sections.push(section);
        let school = School::new("МОУ «СОШ № 1»");
        let records = plan.sections[0].measures[..7]
            .iter()
            .map(|m| Progress {
                measure_id: m.id,
                school_id: school.id,
                due: m.due.first().copied(),
                status: Status::Done,
                done_on: m.due.first().copied(),
                evidence: String::new(),
                comment: String::new(),
                updated_at: now(),
                by: String::new(),
            })
            .collect();
        let table = ProgressTable::new(records);
        let today = NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();
        let r = school_report(&plan, &school, &table, today);
        assert_eq!(
            (r.summary.done, r.summary.due, r.summary.total),
            (7, 10, 11)
        );
        assert_eq!(r.overdue.len(), 3);
        assert_eq!(r.upcoming.len(), 1);
        assert_eq!(r.sections[0].done, 7);
        let d = district_report(&plan, &[school], &table, today);
        assert_eq!(d.total.done, 7);
        assert_eq!(d.overdue_count, 3);
    }
}
