//! The order of measures inside each section of the grid. Pure; the choice is kept in `UiState`.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Measure, Status};
use crate::stats::ProgressSummary;

use super::filter::is_overdue;

/// How the grid orders the measures of a section (sections keep their order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum MeasureSort {
    /// As in the document (the order the user arranged).
    #[default]
    Document,
    /// By number, naturally: 1.2 before 1.10.
    Number,
    /// By the first due date; measures without one last.
    Deadline,
    /// The most urgent first: overdue, not done, in progress, planned, done, cancelled.
    Status,
}

impl MeasureSort {
    pub const ALL: [MeasureSort; 4] = [
        MeasureSort::Document,
        MeasureSort::Number,
        MeasureSort::Deadline,
        MeasureSort::Status,
    ];

    pub fn label_key(self) -> &'static str {
        match self {
            MeasureSort::Document => "grid-sort-document",
            MeasureSort::Number => "grid-sort-number",
            MeasureSort::Deadline => "grid-sort-deadline",
            MeasureSort::Status => "grid-sort-status",
        }
    }

    /// Compares two measures for this order (`Document` keeps them as they are: always equal).
    pub fn compare(
        self,
        a: (&Measure, Option<&ProgressSummary>),
        b: (&Measure, Option<&ProgressSummary>),
        today: NaiveDate,
    ) -> Ordering {
        match self {
            MeasureSort::Document => Ordering::Equal,
            MeasureSort::Number => natural_cmp(&a.0.number, &b.0.number),
            MeasureSort::Deadline => due_key(a.0).cmp(&due_key(b.0)),
            MeasureSort::Status => status_rank(a.0, a.1, today).cmp(&status_rank(b.0, b.1, today)),
        }
    }
}

/// The first due date, with "none" after every date.
fn due_key(m: &Measure) -> (bool, Option<NaiveDate>) {
    let first = m.due.first().copied();
    (first.is_none(), first)
}

/// How urgent a measure's state is: 0 overdue … 5 cancelled.
pub fn status_rank(m: &Measure, progress: Option<&ProgressSummary>, today: NaiveDate) -> u8 {
    if is_overdue(m, progress, today) {
        return 0;
    }
    let Some(p) = progress.filter(|p| p.total() > 0) else {
        return 3;
    };
    [
        Status::NotDone,
        Status::InProgress,
        Status::Planned,
        Status::Done,
        Status::Cancelled,
    ]
    .into_iter()
    .position(|s| p.count(s) > 0)
    .map_or(3, |i| i as u8 + 1)
}

/// Compares numbers as people read them: runs of digits by value ("1.2" < "1.10" < "2"), the rest by
/// character, case-insensitively; empty numbers last.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.trim(), b.trim());
    match (a.is_empty(), b.is_empty()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    let mut x = a.chars().peekable();
    let mut y = b.chars().peekable();
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let n = take_number(&mut x);
                let m = take_number(&mut y);
                match n.cmp(&m) {
                    Ordering::Equal => {}
                    other => return other,
                }
            }
            (Some(c), Some(d)) => {
                let order = c.to_lowercase().cmp(d.to_lowercase());
                if order != Ordering::Equal {
                    return order;
                }
                x.next();
                y.next();
            }
        }
    }
}

/// Reads a run of ASCII digits as a number (saturating: absurdly long runs compare as equal-huge).
fn take_number(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> u64 {
    let mut n: u64 = 0;
    while let Some(c) = chars.peek().copied().filter(char::is_ascii_digit) {
        n = n
            .saturating_mul(10)
            .saturating_add(u64::from(c as u8 - b'0'));
        chars.next();
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    /// A measure due on `due`.
    fn due_on(number: &str, due: NaiveDate) -> Measure {
        let mut m = Measure::new(number, "м");
        m.due = vec![due];
        m
    }

    #[test]
    fn numbers_sort_naturally() {
        let mut numbers = vec!["1.10", "", "1.2", "2", "1.1.", "10.1", "1.9", "1.2а"];
        numbers.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            numbers,
            vec!["1.1.", "1.2", "1.2а", "1.9", "1.10", "2", "10.1", ""]
        );
        assert_eq!(natural_cmp("2.5", "2.5"), Ordering::Equal);
        assert_eq!(
            natural_cmp("99999999999999999999999", "1"),
            Ordering::Greater
        );
    }

    #[test]
    fn deadline_order_puts_unscheduled_last() {
        let today = date(2021, 10, 1);
        let early = due_on("1", date(2021, 11, 30));
        let late = due_on("2", date(2022, 5, 31));
        let none = Measure::new("3", "c");
        let s = MeasureSort::Deadline;
        assert_eq!(
            s.compare((&early, None), (&late, None), today),
            Ordering::Less
        );
        assert_eq!(
            s.compare((&none, None), (&late, None), today),
            Ordering::Greater
        );
    }

    #[test]
    fn status_order_puts_overdue_first() {
        let today = date(2021, 12, 15);
        let late = due_on("1", date(2021, 11, 30));
        let mut done = ProgressSummary::default();
        done.by_status[Status::Done as usize] = 2;
        let m = Measure::new("2", "b");
        assert_eq!(status_rank(&late, None, today), 0);
        assert_eq!(status_rank(&m, None, today), 3);
        assert_eq!(status_rank(&m, Some(&done), today), 4);
    }
}
