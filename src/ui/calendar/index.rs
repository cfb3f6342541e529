//! The calendar's precomputed index: every due occurrence of the filtered measures, sorted by date, with
//! what each view needs ready (label, state). Built once per data version, filter and "today" — never per
//! frame — so a month with thousands of due items draws in a blink.

use std::collections::HashMap;
use std::ops::Range;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::app::MeasureFilter;
use crate::app::filter::search_text;
use crate::model::{Id, Plan, School, Status};
use crate::stats::ProgressSummary;

/// How an occurrence stands, for its colour and for the agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DueState {
    /// Its progress records are all closed.
    Done,
    /// Its date has passed and work is still open (or nothing was reported at all).
    Overdue,
    /// Work is recorded and still open; the date has not passed.
    Open,
    /// Nothing reported yet, the date still ahead.
    NoProgress,
}

impl DueState {
    pub const ALL: [DueState; 4] = [
        DueState::Done,
        DueState::Overdue,
        DueState::Open,
        DueState::NoProgress,
    ];

    pub fn label_key(self) -> &'static str {
        match self {
            DueState::Done => "calendar-state-done",
            DueState::Overdue => "calendar-state-overdue",
            DueState::Open => "calendar-state-open",
            DueState::NoProgress => "calendar-state-none",
        }
    }

    /// The state of one occurrence due on `due`, from its measure's progress summary.
    ///
    /// Progress is summarised per measure, not per occurrence, so for a measure with several dates: a past
    /// date is overdue when any record of the measure is open and late, and done otherwise; a date ahead is
    /// open while records are open. A measure with no records is overdue once its date has passed (as the
    /// grid's "overdue" filter counts it).
    pub fn of(summary: Option<&ProgressSummary>, due: NaiveDate, today: NaiveDate) -> Self {
        // A measure of the office alone is coloured by the office's own records.
        let executors = summary.map(ProgressSummary::of_executors);
        let Some(s) = executors.as_ref().filter(|s| s.total() > 0) else {
            return if due < today {
                DueState::Overdue
            } else {
                DueState::NoProgress
            };
        };
        let open = s.count(Status::Planned) + s.count(Status::InProgress);
        if open == 0 {
            return if s.count(Status::NotDone) > 0 && due < today {
                DueState::Overdue
            } else {
                DueState::Done
            };
        }
        match (due < today, s.overdue > 0) {
            (true, true) => DueState::Overdue,
            (true, false) => DueState::Done,
            (false, _) => DueState::Open,
        }
    }
}

/// One due occurrence of a measure.
#[derive(Debug, Clone)]
pub struct Entry {
    pub due: NaiveDate,
    pub measure: Id,
    /// Index of the measure's section in the plan.
    pub section: usize,
    pub state: DueState,
    /// "6.5 Совещание руководителей…" on one line.
    pub label: String,
}

/// A measure whose deadline gives no date.
#[derive(Debug, Clone)]
pub struct Unscheduled {
    pub measure: Id,
    pub label: String,
}

/// The agenda's groups, relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bucket {
    Overdue,
    ThisWeek,
    Next30Days,
    Unscheduled,
}

impl Bucket {
    pub const ALL: [Bucket; 4] = [
        Bucket::Overdue,
        Bucket::ThisWeek,
        Bucket::Next30Days,
        Bucket::Unscheduled,
    ];

    pub fn label_key(self) -> &'static str {
        match self {
            Bucket::Overdue => "calendar-agenda-overdue",
            Bucket::ThisWeek => "calendar-agenda-week",
            Bucket::Next30Days => "calendar-agenda-30-days",
            Bucket::Unscheduled => "calendar-agenda-unscheduled",
        }
    }
}

/// What the index was built from; a different key means a rebuild.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexKey {
    pub version: u64,
    pub plan: Id,
    pub filter: MeasureFilter,
    pub today: NaiveDate,
}

#[derive(Debug, Default)]
pub struct CalendarIndex {
    /// Every occurrence of the filtered measures, by date, then in document order.
    pub entries: Vec<Entry>,
    /// The range of `entries` due on each day that has any.
    days: HashMap<NaiveDate, Range<usize>>,
    pub unscheduled: Vec<Unscheduled>,
    /// Indexes into `entries` for the dated agenda groups (Overdue, ThisWeek, Next30Days).
    pub agenda: [Vec<usize>; 3],
    /// Whether a filter left out some measures.
    pub filtered: bool,
}

impl CalendarIndex {
    pub fn build(
        plan: &Plan,
        schools: &[School],
        progress: &HashMap<Id, ProgressSummary>,
        filter: &MeasureFilter,
        today: NaiveDate,
    ) -> Self {
        let matcher = filter.matcher(schools);
        let mut entries = Vec::new();
        let mut unscheduled = Vec::new();
        let mut filtered = false;
        for (si, section) in plan.sections.iter().enumerate() {
            for m in &section.measures {
                let summary = progress.get(&m.id);
                let passes = if matcher.query().is_empty() {
                    matcher.matches_except_text(m, summary, today)
                } else {
                    matcher.matches_cached(m, &search_text(m), summary, today)
                };
                if !passes {
                    filtered = true;
                    continue;
                }
                let label = label(&m.number, &m.title);
                if m.due.is_empty() {
                    unscheduled.push(Unscheduled {
                        measure: m.id,
                        label,
                    });
                    continue;
                }
                for &due in &m.due {
                    entries.push(Entry {
                        due,
                        measure: m.id,
                        section: si,
                        state: DueState::of(summary, due, today),
                        label: label.clone(),
                    });
                }
            }
        }
        // Stable: document order within a day.
        entries.sort_by_key(|e| e.due);
        let mut days: HashMap<NaiveDate, Range<usize>> = HashMap::new();
        let mut start = 0;
        for i in 1..=entries.len() {
            if i == entries.len() || entries[i].due != entries[start].due {
                days.insert(entries[start].due, start..i);
                start = i;
            }
        }
        let week_end = end_of_week(today);
        let horizon = today.checked_add_days(Days::new(30)).unwrap_or(today);
        let mut agenda: [Vec<usize>; 3] = Default::default();
        for (i, e) in entries.iter().enumerate() {
            let bucket = match e.state {
                DueState::Done => continue,
                DueState::Overdue if e.due < today => 0,
                _ if e.due < today => continue,
                _ if e.due <= week_end => 1,
                _ if e.due <= horizon => 2,
                _ => continue,
            };
            agenda[bucket].push(i);
        }
        Self {
            entries,
            days,
            unscheduled,
            agenda,
            filtered,
        }
    }

    /// The occurrences due on `day`, in document order.
    pub fn on(&self, day: NaiveDate) -> &[Entry] {
        self.days
            .get(&day)
            .map_or(&[][..], |r| &self.entries[r.clone()])
    }

    /// How many occurrences fall in each section and month of the 12 months from `first` (the 1st of a
    /// month): `counts[section][month]`.
    pub fn strip(&self, sections: usize, first: NaiveDate) -> Vec<[u32; 12]> {
        let mut counts = vec![[0u32; 12]; sections];
        let first_index = month_index(first);
        for e in &self.entries {
            let offset = month_index(e.due) - first_index;
            if (0..12).contains(&offset)
                && let Some(row) = counts.get_mut(e.section)
            {
                row[offset as usize] += 1;
            }
        }
        counts
    }

    /// The number of items in an agenda group.
    pub fn bucket_len(&self, bucket: Bucket) -> usize {
        match bucket {
            Bucket::Overdue => self.agenda[0].len(),
            Bucket::ThisWeek => self.agenda[1].len(),
            Bucket::Next30Days => self.agenda[2].len(),
            Bucket::Unscheduled => self.unscheduled.len(),
        }
    }
}

/// "6.5 Совещание руководителей…": number and title on one line, at most ~90 characters.
fn label(number: &str, title: &str) -> String {
    let mut out = String::with_capacity(96);
    let number = number.trim();
    if !number.is_empty() {
        out.push_str(number);
        out.push(' ');
    }
    let mut count = 0;
    for word in title.split_whitespace() {
        if count > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            if count >= 90 {
                out.push('…');
                return out;
            }
            out.push(c);
            count += 1;
        }
        count += 1;
    }
    out
}

/// Months counted from year 0: consecutive months differ by one.
pub fn month_index(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

/// The first day of the month `index` (see [`month_index`]).
pub fn month_from_index(index: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(NaiveDate::MIN)
}

/// The Sunday that ends `day`'s week (weeks start on Monday).
pub fn end_of_week(day: NaiveDate) -> NaiveDate {
    let left = 6 - day.weekday().num_days_from_monday();
    day.checked_add_days(Days::new(left.into())).unwrap_or(day)
}

/// The Monday that starts `day`'s week.
pub fn start_of_week(day: NaiveDate) -> NaiveDate {
    day.week(Weekday::Mon).first_day()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Measure, Period, Section};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn plan() -> Plan {
        let mut plan = Plan::new("План", Period::school_year(2021));
        let mut s1 = Section::new("1", "Первое");
        let mut a = Measure::new("1.1", "Совещание   руководителей\nшкол");
        a.due = vec![date(2021, 10, 31), date(2021, 9, 30)];
        let mut b = Measure::new("1.2", "Мониторинг");
        b.due = vec![date(2021, 10, 31)];
        s1.measures = vec![a, b];
        let mut s2 = Section::new("2", "Второе");
        let mut c = Measure::new("2.1", "Семинар");
        c.due = vec![date(2021, 10, 17), date(2021, 11, 10), date(2022, 8, 31)];
        s2.measures = vec![c, Measure::new("2.2", "По отдельному графику")];
        plan.sections = vec![s1, s2];
        plan
    }

    fn summary(status: Status, n: u32, overdue: u32) -> ProgressSummary {
        let mut s = ProgressSummary::default();
        s.by_status[status as usize] = n;
        s.overdue = overdue;
        s
    }

    #[test]
    fn days_hold_their_entries_in_document_order() {
        let today = date(2021, 10, 15);
        let index = CalendarIndex::build(
            &plan(),
            &[],
            &HashMap::new(),
            &MeasureFilter::default(),
            today,
        );
        assert_eq!(index.entries.len(), 6);
        let day: Vec<&str> = index
            .on(date(2021, 10, 31))
            .iter()
            .map(|e| e.label.as_str())
            .collect();
        assert_eq!(day, ["1.1 Совещание руководителей школ", "1.2 Мониторинг"]);
        assert!(index.on(date(2021, 10, 30)).is_empty());
        assert_eq!(index.unscheduled.len(), 1);
        assert!(!index.filtered);
        // Agenda relative to Friday 15.10.2021: the week ends on Sunday 17.10.
        let labels = |b: usize| -> Vec<NaiveDate> {
            index.agenda[b]
                .iter()
                .map(|&i| index.entries[i].due)
                .collect()
        };
        assert_eq!(labels(0), [date(2021, 9, 30)]);
        assert_eq!(labels(1), [date(2021, 10, 17)]);
        assert_eq!(
            labels(2),
            [date(2021, 10, 31), date(2021, 10, 31), date(2021, 11, 10)]
        );
        assert_eq!(index.bucket_len(Bucket::Unscheduled), 1);
        // The strip counts per section and month of the school year.
        let strip = index.strip(2, date(2021, 9, 1));
        assert_eq!(strip[0][0], 1);
        assert_eq!(strip[0][1], 2);
        assert_eq!(strip[1][1], 1);
        assert_eq!(strip[1][2], 1);
        assert_eq!(strip[1][11], 1);
    }

    #[test]
    fn the_filter_applies() {
        let filter = MeasureFilter {
            text: "семинар".into(),
            ..Default::default()
        };
        let index =
            CalendarIndex::build(&plan(), &[], &HashMap::new(), &filter, date(2021, 10, 15));
        assert_eq!(index.entries.len(), 3);
        assert!(index.unscheduled.is_empty());
        assert!(index.filtered);
    }

    #[test]
    fn states_follow_progress_and_today() {
        let today = date(2021, 10, 15);
        let past = date(2021, 9, 30);
        let ahead = date(2021, 10, 31);
        assert_eq!(DueState::of(None, past, today), DueState::Overdue);
        assert_eq!(DueState::of(None, ahead, today), DueState::NoProgress);
        let done = summary(Status::Done, 3, 0);
        assert_eq!(DueState::of(Some(&done), past, today), DueState::Done);
        assert_eq!(DueState::of(Some(&done), ahead, today), DueState::Done);
        let late = summary(Status::Planned, 2, 1);
        assert_eq!(DueState::of(Some(&late), past, today), DueState::Overdue);
        assert_eq!(DueState::of(Some(&late), ahead, today), DueState::Open);
        let open = summary(Status::InProgress, 2, 0);
        assert_eq!(DueState::of(Some(&open), past, today), DueState::Done);
        assert_eq!(DueState::of(Some(&open), ahead, today), DueState::Open);

        // A measure of the office alone: its own mark colours it, schools' records do not count.
        let mut office = summary(Status::Planned, 3, 3);
        office.set_executor(1, true);
        office.office_by_status[Status::Done as usize] = 1;
        assert_eq!(DueState::of(Some(&office), past, today), DueState::Done);
        office.office_by_status = [0; 5];
        assert_eq!(DueState::of(Some(&office), past, today), DueState::Overdue);
    }

    #[test]
    fn weeks_and_months() {
        assert_eq!(end_of_week(date(2021, 10, 15)), date(2021, 10, 17));
        assert_eq!(end_of_week(date(2021, 10, 17)), date(2021, 10, 17));
        assert_eq!(start_of_week(date(2021, 10, 1)), date(2021, 9, 27));
        let i = month_index(date(2021, 12, 5));
        assert_eq!(month_from_index(i + 1), date(2022, 1, 1));
        assert_eq!(month_from_index(i - 11), date(2021, 1, 1));
    }
}
