//! Per-school and per-section progress of a plan: done share, "Выполнено N из M", overdue count, last update.
//!
//! [`summarize`] computes every school's summary at once and is built for a region (1,000 schools, 150
//! measures, 300,000 records in well under 100 ms): measures are indexed by id once, the expected occurrence
//! counts are summed per scope (once for "all schools", once per category, per school only for lists), and
//! the records are walked once, each adjusting the counts of its school and section.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::occurrences::{SchoolItem, is_occurrence};
use super::target::progress_target;
use crate::model::{Category, Id, Period, Plan, Progress, School, SchoolScope, Status, Timestamp};

/// Counts of one section at one school.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SectionCount {
    /// Occurrences to carry out (cancelled ones left out).
    pub total: u32,
    pub done: u32,
    /// Due by today, plus those done ahead of their date (as `SchoolSummary::due`).
    pub due: u32,
    /// Open occurrences whose due date has passed.
    pub overdue: u32,
}

impl SectionCount {
    /// Done out of total, 0..=1 (0 when there is nothing to do).
    pub fn share(&self) -> f32 {
        share(self.done, self.total)
    }

    /// Done out of due by today, 0..=1 (1 when nothing is due yet).
    pub fn due_share(&self) -> f32 {
        due_share(self.done, self.due)
    }
}

/// A school's progress over a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolSummary {
    pub school: Id,
    /// Occurrences to carry out (cancelled ones left out).
    pub total: u32,
    pub done: u32,
    /// Occurrences due by today plus those done ahead of their date: the M of "Выполнено N из M" (N = `done`).
    pub due: u32,
    pub overdue: u32,
    pub in_progress: u32,
    pub not_done: u32,
    pub cancelled: u32,
    /// Indexed like the plan's sections.
    pub by_section: Vec<SectionCount>,
    /// The newest change of any of the school's records.
    pub last_update: Option<Timestamp>,
}

impl SchoolSummary {
    fn empty(school: Id, sections: usize) -> Self {
        Self {
            school,
            total: 0,
            done: 0,
            due: 0,
            overdue: 0,
            in_progress: 0,
            not_done: 0,
            cancelled: 0,
            by_section: vec![SectionCount::default(); sections],
            last_update: None,
        }
    }

    /// Done out of total, 0..=1.
    pub fn done_share(&self) -> f32 {
        share(self.done, self.total)
    }

    /// Done out of due by today, 0..=1 (1 when nothing is due yet).
    pub fn due_share(&self) -> f32 {
        due_share(self.done, self.due)
    }
}

/// Done out of due by today, 0..=1 (1 when nothing is due yet).
fn due_share(done: u32, due: u32) -> f32 {
    if due == 0 { 1.0 } else { share(done, due) }
}

fn share(part: u32, whole: u32) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// What the record walk needs of a measure.
struct MeasureInfo<'a> {
    section: usize,
    due: &'a [NaiveDate],
    scope: &'a SchoolScope,
    /// Schools carry it out (not the office alone).
    for_schools: bool,
}

/// Occurrence counts of one section: all, due by today, past due.
#[derive(Debug, Clone, Copy, Default)]
struct Expected {
    total: u32,
    due_by_today: u32,
    past: u32,
}

impl Expected {
    fn of(due: &[NaiveDate], today: NaiveDate) -> Self {
        if due.is_empty() {
            return Self {
                total: 1,
                due_by_today: 0,
                past: 0,
            };
        }
        Self {
            total: due.len() as u32,
            due_by_today: due.iter().filter(|d| **d <= today).count() as u32,
            past: due.iter().filter(|d| **d < today).count() as u32,
        }
    }

    fn add(&mut self, other: Expected) {
        self.total += other.total;
        self.due_by_today += other.due_by_today;
        self.past += other.past;
    }
}

fn category_index(c: Category) -> usize {
    Category::ALL.iter().position(|x| *x == c).unwrap_or(0)
}

/// Every school's summary over `plan` on `today`, in the order of `schools`.
///
/// `records` are the plan's progress records (any order, distinct keys); records of other plans, unknown
/// schools, schools the measure does not concern, or dates that are no longer occurrences are ignored.
pub fn summarize(
    plan: &Plan,
    schools: &[School],
    records: &[Progress],
    today: NaiveDate,
) -> Vec<SchoolSummary> {
    let expected = PlanExpectations::of(plan, today);
    let school_index: HashMap<Id, usize> = schools
        .iter()
        .enumerate()
        .map(|(i, school)| (school.id, i))
        .collect();
    let (mut out, mut past) = expected.summaries(plan, schools);
    let sections = plan.sections.len();
    for p in records {
        let Some(school_id) = p.school_id else {
            continue;
        };
        let (Some(&mi), Some(&si)) = (
            expected.by_id.get(&p.measure_id),
            school_index.get(&school_id),
        ) else {
            continue;
        };
        let m = &expected.measures[mi];
        if !concerns(plan, m, &schools[si]) || !is_occurrence(m.due, p.due) {
            continue;
        }
        count_record(&mut out[si], m.section, p, today);
        if !p.status.is_open() && p.due.is_some_and(|d| d < today) {
            let slot = &mut past[si * sections + m.section];
            *slot = slot.saturating_sub(1);
        }
    }
    for (i, s) in out.iter_mut().enumerate() {
        for (si, section) in s.by_section.iter_mut().enumerate() {
            section.overdue = past[i * sections + si];
            s.overdue += section.overdue;
        }
    }
    out
}

/// What a plan expects of the schools on a day: each measure's facts (found by the id its progress is kept
/// under) and the occurrences per section for every school, per category and per listed school.
struct PlanExpectations<'a> {
    measures: Vec<MeasureInfo<'a>>,
    by_id: HashMap<Id, usize>,
    for_all: Vec<Expected>,
    for_category: Vec<Vec<Expected>>,
    for_listed: HashMap<Id, Vec<Expected>>,
}

impl<'a> PlanExpectations<'a> {
    fn of(plan: &'a Plan, today: NaiveDate) -> Self {
        let sections = plan.sections.len();
        let mut out = Self {
            measures: Vec::with_capacity(plan.measure_count()),
            by_id: HashMap::with_capacity(plan.measure_count()),
            for_all: vec![Expected::default(); sections],
            for_category: vec![vec![Expected::default(); sections]; Category::ALL.len()],
            for_listed: HashMap::new(),
        };
        for (si, section) in plan.sections.iter().enumerate() {
            for m in &section.measures {
                out.by_id
                    .insert(progress_target(plan, m, None).0, out.measures.len());
                let for_schools = plan.owner_school.is_some() || m.executor.includes_schools();
                out.measures.push(MeasureInfo {
                    section: si,
                    due: &m.due,
                    scope: &m.schools,
                    for_schools,
                });
                let expected = Expected::of(&m.due, today);
                if plan.owner_school.is_some() {
                    out.for_all[si].add(expected);
                    continue;
                }
                if !for_schools {
                    continue;
                }
                match &m.schools {
                    SchoolScope::All => out.for_all[si].add(expected),
                    SchoolScope::Category { category } => {
                        out.for_category[category_index(*category)][si].add(expected)
                    }
                    SchoolScope::List { ids } => {
                        for id in ids {
                            out.for_listed
                                .entry(*id)
                                .or_insert_with(|| vec![Expected::default(); sections])[si]
                                .add(expected);
                        }
                    }
                }
            }
        }
        out
    }

    /// Every school's summary before its records are counted (what it is expected to do), and its past-due
    /// occurrences per section (`school × sections + section`): the overdue count before closed records are
    /// taken off.
    fn summaries(&self, plan: &Plan, schools: &[School]) -> (Vec<SchoolSummary>, Vec<u32>) {
        let sections = plan.sections.len();
        let mut out = Vec::with_capacity(schools.len());
        let mut past = vec![0u32; schools.len() * sections];
        for (i, school) in schools.iter().enumerate() {
            let mut summary = SchoolSummary::empty(school.id, sections);
            if plan.owner_school.is_some_and(|o| o != school.id) {
                out.push(summary);
                continue;
            }
            let mut add = |per_section: &[Expected]| {
                for (si, e) in per_section.iter().enumerate() {
                    summary.by_section[si].total += e.total;
                    summary.by_section[si].due += e.due_by_today;
                    summary.total += e.total;
                    summary.due += e.due_by_today;
                    past[i * sections + si] += e.past;
                }
            };
            add(&self.for_all);
            if plan.owner_school.is_none() {
                for c in &school.categories {
                    add(&self.for_category[category_index(*c)]);
                }
                if let Some(listed) = self.for_listed.get(&school.id) {
                    add(listed);
                }
            }
            out.push(summary);
        }
        (out, past)
    }
}

/// Whether a measure of `plan` is the school's to carry out: a school plan's for its school, a district
/// plan's by the measure's executor and scope.
fn concerns(plan: &Plan, m: &MeasureInfo<'_>, school: &School) -> bool {
    match plan.owner_school {
        Some(owner) => owner == school.id,
        None if !m.for_schools => false,
        None => match m.scope {
            SchoolScope::All => true,
            SchoolScope::Category { category } => school.categories.contains(category),
            SchoolScope::List { ids } => ids.contains(&school.id),
        },
    }
}

/// Counts one progress record of an occurrence into its school's summary and the measure's section.
fn count_record(s: &mut SchoolSummary, section: usize, p: &Progress, today: NaiveDate) {
    let due_by_today = p.due.is_some_and(|d| d <= today);
    let section = &mut s.by_section[section];
    match p.status {
        Status::Done => {
            s.done += 1;
            section.done += 1;
            if !due_by_today {
                // Done ahead of its date: it counts as due, so N never exceeds M.
                s.due += 1;
                section.due += 1;
            }
        }
        Status::Cancelled => {
            s.cancelled += 1;
            s.total = s.total.saturating_sub(1);
            section.total = section.total.saturating_sub(1);
            if due_by_today {
                s.due = s.due.saturating_sub(1);
                section.due = section.due.saturating_sub(1);
            }
        }
        Status::NotDone => s.not_done += 1,
        Status::InProgress => s.in_progress += 1,
        Status::Planned => {}
    }
    if s.last_update.is_none_or(|t| t < p.updated_at) {
        s.last_update = Some(p.updated_at);
    }
}

/// One school's summary from its items (`stats::school_items`): the same numbers as [`summarize`] gives,
/// without walking the whole plan's records.
pub fn summary_of_items(
    school: Id,
    sections: usize,
    items: &[SchoolItem],
    table: &super::ProgressIndex,
    today: NaiveDate,
) -> SchoolSummary {
    let mut s = SchoolSummary::empty(school, sections);
    for item in items {
        let o = &item.occurrence;
        let due_by_today = o.due.is_some_and(|d| d <= today);
        let section = &mut s.by_section[o.section];
        match item.status {
            Status::Cancelled => {
                s.cancelled += 1;
                continue;
            }
            Status::Done => {
                s.done += 1;
                section.done += 1;
                s.due += 1;
                section.due += 1;
            }
            Status::InProgress => s.in_progress += 1,
            Status::NotDone => s.not_done += 1,
            Status::Planned => {}
        }
        section.total += 1;
        s.total += 1;
        if item.status != Status::Done && due_by_today {
            s.due += 1;
            section.due += 1;
        }
        if item.overdue {
            section.overdue += 1;
            s.overdue += 1;
        }
        if item.has_record
            && let Some(p) = table.get(&item.key())
            && s.last_update.is_none_or(|t| t < p.updated_at)
        {
            s.last_update = Some(p.updated_at);
        }
    }
    s
}

/// The office's own execution of a district plan (measures for the office or for both), as one summary
/// (`school` is the nil id): "Управление: выполнено N из M".
pub fn office_summary(
    plan: &Plan,
    table: &super::ProgressIndex,
    today: NaiveDate,
) -> SchoolSummary {
    let items = super::office_items(plan, table, today);
    summary_of_items(Id::nil(), plan.sections.len(), &items, table, today)
}

/// The district as one summary: the sums of the schools' counts.
pub fn district_total(summaries: &[SchoolSummary], sections: usize) -> SchoolSummary {
    let mut total = SchoolSummary::empty(Id::nil(), sections);
    for s in summaries {
        total.total += s.total;
        total.done += s.done;
        total.due += s.due;
        total.overdue += s.overdue;
        total.in_progress += s.in_progress;
        total.not_done += s.not_done;
        total.cancelled += s.cancelled;
        for (t, x) in total.by_section.iter_mut().zip(&s.by_section) {
            t.total += x.total;
            t.done += x.done;
            t.due += x.due;
            t.overdue += x.overdue;
        }
        if s.last_update > total.last_update {
            total.last_update = s.last_update;
        }
    }
    total
}

/// Occurrences marked done per month of the plan period, by their done date (or due date when none).
pub fn done_by_month(period: Period, items: &[SchoolItem]) -> Vec<(NaiveDate, u32)> {
    let mut months = Vec::new();
    let mut month = first_of_month(period.from);
    while month <= period.to {
        months.push((month, 0u32));
        month = next_month(month);
    }
    for item in items.iter().filter(|i| i.status == Status::Done) {
        let Some(date) = item.done_on.or(item.occurrence.due) else {
            continue;
        };
        let key = first_of_month(date);
        if let Ok(i) = months.binary_search_by_key(&key, |(m, _)| *m) {
            months[i].1 += 1;
        }
    }
    months
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::date;
    use crate::model::{Measure, Section, now};
    use crate::stats::{ProgressIndex, school_items};

    fn record(m: Id, s: Id, due: Option<NaiveDate>, status: Status) -> Progress {
        Progress {
            measure_id: m,
            school_id: Some(s),
            due,
            status,
            done_on: (status == Status::Done).then(|| date(2021, 10, 1)),
            evidence: String::new(),
            comment: String::new(),
            updated_at: now(),
            by: String::new(),
        }
    }

    /// Two sections: 1.1 due 30.09 and 31.12, 1.2 unscheduled, 2.1 for ШНОР due 31.10.
    fn plan() -> Plan {
        let mut plan = Plan::new("План", Period::school_year(2021));
        let mut s1 = Section::new("1", "Первое");
        let mut m11 = Measure::new("1.1", "А");
        m11.due = vec![date(2021, 9, 30), date(2021, 12, 31)];
        s1.measures = vec![m11, Measure::new("1.2", "Б")];
        let mut s2 = Section::new("2", "Второе");
        let mut m21 = Measure::new("2.1", "В");
        m21.due = vec![date(2021, 10, 31)];
        m21.schools = SchoolScope::Category {
            category: Category::Shnor,
        };
        s2.measures = vec![m21];
        plan.sections = vec![s1, s2];
        plan
    }

    #[test]
    fn counts_start_from_occurrences_and_take_records_into_account() {
        let plan = plan();
        let mut a = School::new("А");
        a.categories = vec![Category::Shnor];
        let b = School::new("Б");
        let today = date(2021, 11, 15);
        let m = |si: usize, mi: usize| plan.sections[si].measures[mi].id;
        let records = vec![
            record(m(0, 0), a.id, Some(date(2021, 9, 30)), Status::Done),
            record(m(0, 1), a.id, None, Status::Done),
            record(m(1, 0), a.id, Some(date(2021, 10, 31)), Status::Cancelled),
            // Stale: not an occurrence any more.
            record(m(0, 0), b.id, Some(date(2021, 9, 1)), Status::Done),
            // Not concerned: b is not ШНОР.
            record(m(1, 0), b.id, Some(date(2021, 10, 31)), Status::Done),
        ];
        let schools = vec![a.clone(), b.clone()];
        let s = summarize(&plan, &schools, &records, today);
        assert_eq!(s[0].total, 3, "4 occurrences, one cancelled");
        assert_eq!(s[0].done, 2);
        assert_eq!(s[0].due, 2, "30.09 due by today, 1.2 done without a date");
        assert_eq!(s[0].overdue, 0);
        assert_eq!(
            s[0].by_section[0],
            SectionCount {
                total: 3,
                done: 2,
                due: 2,
                overdue: 0
            }
        );
        assert_eq!(
            s[0].by_section[1],
            SectionCount {
                total: 0,
                done: 0,
                due: 0,
                overdue: 0
            }
        );
        assert!(s[0].last_update.is_some());
        assert_eq!(s[1].total, 3);
        assert_eq!(s[1].done, 0);
        assert_eq!(s[1].due, 1);
        assert_eq!(s[1].overdue, 1, "30.09 is past and open");
        assert_eq!(s[1].last_update, None);

        // The same numbers as the per-school items give.
        let table = ProgressIndex::new(records);
        let items = school_items(&plan, &b, &table, today);
        assert_eq!(items.iter().filter(|i| i.overdue).count(), 1);
        for (school, summary) in schools.iter().zip(&s) {
            let items = school_items(&plan, school, &table, today);
            assert_eq!(
                &summary_of_items(school.id, 2, &items, &table, today),
                summary
            );
        }
        let total = district_total(&s, 2);
        assert_eq!((total.total, total.done, total.overdue), (6, 2, 1));
    }

    #[test]
    fn completions_are_counted_by_month() {
        let plan = plan();
        let a = School::new("А");
        let m = plan.sections[0].measures[0].id;
        let table =
            ProgressIndex::new(vec![record(m, a.id, Some(date(2021, 9, 30)), Status::Done)]);
        let items = school_items(&plan, &a, &table, date(2021, 11, 1));
        let months = done_by_month(plan.period, &items);
        assert_eq!(months.len(), 12);
        assert_eq!(months[1], (date(2021, 10, 1), 1));
        assert_eq!(months.iter().map(|m| m.1).sum::<u32>(), 1);
    }
}
