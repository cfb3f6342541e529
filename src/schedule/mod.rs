//! Deadline text -> schedule -> occurrences within a plan period (DESIGN §1).
//!
//! A deadline cell is free Russian text ("Январь 2022", "август-сентябрь", "в течение года",
//! "до 15.10.2021", "3 раза в год", "по отдельному графику"). [`derive`] reads it in three steps:
//!
//! 1. `lexer`: one pass over the characters into small tokens (month names in every case and abbreviation,
//!    numbers, every kind of dash, separators);
//! 2. `grammar`: tokens into items — dated points, ranges, recurrences — skipping labels and dropping
//!    whatever a reference to another document ("по плану работы УО") carries;
//! 3. here: items into occurrences inside the period, and a short Russian explanation.
//!
//! Rules: plan years are 12-month spans from the period's first day; an occurrence belongs to the plan when
//! its due date lies in the period; a date written without a year recurs in every plan year; a year written
//! on one part carries to the parts after it ("Март 2022, июнь"), and the last of a list of months carries
//! back over the list before it ("январь, март 2022"); text that names no date is unscheduled — a date is
//! never invented.

mod calendar;
mod grammar;
mod lexer;
mod years;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use chrono::{Datelike, NaiveDate};

use self::calendar::{
    day_month, dmy, first_ending_from, in_window, instance, last_starting_by, plural, span_end, ymd,
};
use self::grammar::{Item, Kind, Parsed, Point, Sep, Unit, YearEndSrc, Years};
use self::lexer::RefKind;
use crate::model::Period;

pub use self::years::{due_from_years, measure_due_dates, measure_schedule};

/// One occurrence of a measure: the span it covers and its due date (its last day).
/// Ordered by due date, then start, as a schedule lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Occurrence {
    /// First day of the span (of the month, range or plan year), never before the period's start.
    pub start: NaiveDate,
    /// Last day of the span: the deadline.
    pub due: NaiveDate,
}

impl Ord for Occurrence {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.due, self.start).cmp(&(other.due, other.start))
    }
}

impl PartialOrd for Occurrence {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// What a deadline text means within a plan period.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schedule {
    /// Sorted by due date, distinct due dates, all inside the period; empty when unscheduled.
    pub occurrences: Vec<Occurrence>,
    /// What was understood, in Russian, e.g. "каждый год: 31 мая и 31 декабря" or "без срока: по плану".
    pub explanation: String,
}

impl Schedule {
    /// The text names no date inside the period.
    pub fn is_unscheduled(&self) -> bool {
        self.occurrences.is_empty()
    }

    pub fn due_dates(&self) -> Vec<NaiveDate> {
        self.occurrences.iter().map(|o| o.due).collect()
    }
}

/// The longest deadline text read for dates, in characters. A longer one (no real deadline is) is kept as
/// written but left unscheduled, with a note saying why — so a crafted file cannot make reading slow.
pub const MAX_DEADLINE_CHARS: usize = 2_000;

/// Derives the schedule of a deadline text within `period`. Never panics, whatever the text.
pub fn derive(text: &str, period: Period) -> Schedule {
    if text.len() > MAX_DEADLINE_CHARS && text.chars().count() > MAX_DEADLINE_CHARS {
        return Schedule {
            occurrences: Vec::new(),
            explanation: format!(
                "без срока: текст срока длиннее {MAX_DEADLINE_CHARS} знаков, даты по нему не определяются"
            ),
        };
    }
    let tokens = lexer::tokenize(text);
    let parsed = grammar::parse(&tokens);
    if period.from > period.to {
        return Schedule {
            occurrences: Vec::new(),
            explanation: "без срока: неверный период плана".to_owned(),
        };
    }
    Resolver::new(period, &parsed).run()
}

/// The due dates of a deadline text within `period`.
pub fn due_dates(text: &str, period: Period) -> Vec<NaiveDate> {
    derive(text, period).due_dates()
}

/// Plan years considered at most: enough for any real plan, bounded for absurd periods.
const MAX_PLAN_YEARS: u32 = 500;

#[derive(Debug, Clone, Copy)]
struct PlanYear {
    start: NaiveDate,
    /// Last day inside the period.
    end: NaiveDate,
    /// Last day of the whole 12 months.
    full_end: NaiveDate,
}

fn plan_years(period: Period) -> Vec<PlanYear> {
    let mut out = Vec::new();
    for k in 0..MAX_PLAN_YEARS {
        let Some(start) = calendar::add_months(period.from, 12 * k) else {
            break;
        };
        if start > period.to {
            break;
        }
        let full_end = span_end(period.from, 12 * (k + 1)).unwrap_or(NaiveDate::MAX);
        out.push(PlanYear {
            start,
            end: full_end.min(period.to),
            full_end,
        });
    }
    out
}

/// How an item's dates were found, which decides how the explanation shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Dates with years (written or carried): shown as dates.
    Explicit,
    /// Every plan year: shown as day and month.
    Recurring,
    /// Everything else: described by its kind.
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    start: NaiveDate,
    due: NaiveDate,
}

struct Resolver<'a> {
    period: Period,
    years: Vec<PlanYear>,
    parsed: &'a Parsed,
    spans: Vec<Span>,
    /// Per item: its mode and its spans `spans[from..to]`.
    outs: Vec<(Mode, usize, usize)>,
}

impl<'a> Resolver<'a> {
    fn new(period: Period, parsed: &'a Parsed) -> Self {
        Self {
            period,
            years: plan_years(period),
            parsed,
            spans: Vec::new(),
            outs: Vec::with_capacity(parsed.items.len()),
        }
    }

    fn run(mut self) -> Schedule {
        let items = &self.parsed.items;
        let annual = |it: &Item| {
            items
                .iter()
                .any(|a| a.seg == it.seg && a.kind == Kind::AnnualMark)
        };
        let only_marks = items.iter().all(|it| it.kind == Kind::AnnualMark);
        let last_seg = items.last().map_or(0, |it| it.seg);
        let back = self.back_fill(&annual);
        let mut cursor: Option<NaiveDate> = None;

        for (idx, it) in items.iter().enumerate() {
            let first = self.spans.len();
            let mut mode = Mode::Explicit;
            match it.kind {
                Kind::Point(p) => {
                    let is_label = p.unit.is_none()
                        && self.parsed.seg_colon.get(usize::from(it.seg)) == Some(&true)
                        && it.seg < last_seg;
                    match (p.unit, p.years) {
                        (Some(u), Years::None) => {
                            let carried = if annual(it) {
                                None
                            } else {
                                back[idx].or_else(|| cursor.and_then(|c| first_ending_from(u, c)))
                            };
                            match carried {
                                Some((s, e)) => self.add(s, e),
                                None => {
                                    mode = Mode::Recurring;
                                    self.every_plan_year(u);
                                }
                            }
                        }
                        (_, Years::None) => {}
                        (unit, years) => {
                            let found = self.explicit(unit, years);
                            if is_label {
                                // "ГИА-2022: май-июнь": the year of a label only dates what follows.
                                cursor = found.first().map(|s| s.start);
                                self.outs.push((Mode::Other, first, first));
                                continue;
                            }
                            self.spans.extend(found);
                            mode = if unit.is_none() && matches!(years, Years::Span { .. }) {
                                Mode::Other
                            } else {
                                Mode::Explicit
                            };
                        }
                    }
                    if it.by {
                        self.start_with_plan_year(first);
                    }
                    if mode != Mode::Recurring {
                        cursor = match (p.unit, self.spans[first..].last()) {
                            (None, Some(_)) => self.spans[first..].first().map(|s| s.start),
                            (_, Some(s)) => Some(s.due),
                            (_, None) => cursor,
                        };
                    }
                }
                Kind::Range(a, b) => {
                    mode = self.range(a, b, if annual(it) { None } else { cursor });
                    if it.by {
                        self.start_with_plan_year(first);
                    }
                    if mode == Mode::Explicit
                        && let Some(s) = self.spans.last()
                    {
                        cursor = Some(s.due);
                    }
                }
                Kind::AnnualMark if !only_marks => mode = Mode::Other,
                Kind::AnnualMark | Kind::YearEnd(_) => {
                    mode = Mode::Other;
                    for k in 0..self.years.len() {
                        let py = self.years[k];
                        self.add(py.start, py.end);
                    }
                }
                Kind::PeriodEnd => {
                    mode = Mode::Other;
                    self.add(self.period.from, self.period.to);
                }
                Kind::Quarterly => {
                    mode = Mode::Other;
                    self.every(3);
                }
                Kind::Monthly => {
                    mode = Mode::Other;
                    self.every(1);
                }
                Kind::PerYear(n) => {
                    mode = Mode::Other;
                    self.per_year(n);
                }
                Kind::Terms => {
                    mode = Mode::Other;
                    for t in 1..=4 {
                        self.every_plan_year(Unit::Term(t));
                    }
                }
            }
            self.outs.push((mode, first, self.spans.len()));
        }
        self.finish()
    }

    fn add(&mut self, start: NaiveDate, due: NaiveDate) {
        self.spans.push(Span { start, due });
    }

    /// The instance of `unit` in every plan year.
    fn every_plan_year(&mut self, unit: Unit) {
        for k in 0..self.years.len() {
            let py = self.years[k];
            if let Some((s, e)) = in_window(unit, py.start, py.full_end) {
                self.add(s, e);
            }
        }
    }

    /// Spans of a point with years written.
    fn explicit(&self, unit: Option<Unit>, years: Years) -> Vec<Span> {
        let span = |(start, due)| Span { start, due };
        match (unit, years) {
            (_, Years::None) => Vec::new(),
            (Some(u), Years::One(y)) => instance(u, y).map(span).into_iter().collect(),
            (None, Years::One(y)) => ymd(y, 1, 1)
                .zip(ymd(y, 12, 31))
                .map(span)
                .into_iter()
                .collect(),
            (Some(u), Years::Span { from, to, school }) => {
                if school || matches!(u, Unit::Half(_) | Unit::Term(_)) {
                    // Each school year of the span.
                    (from..to)
                        .filter_map(|y| in_window(u, ymd(y, 9, 1)?, ymd(y + 1, 8, 31)?))
                        .map(span)
                        .collect()
                } else {
                    (from..=to)
                        .filter_map(|y| instance(u, y))
                        .map(span)
                        .collect()
                }
            }
            (None, Years::Span { from, to, school }) => {
                // The whole span: due at the end of the plan year ending in the later year.
                let due = if school {
                    ymd(to, 8, 31)
                } else {
                    self.years
                        .iter()
                        .rev()
                        .find(|py| py.end.year() == to)
                        .map(|py| py.end)
                        .or_else(|| ymd(to, 12, 31))
                };
                let start = if school {
                    ymd(from, 9, 1)
                } else {
                    self.years
                        .iter()
                        .find(|py| py.start.year() == from)
                        .map(|py| py.start)
                        .or_else(|| ymd(from, 1, 1))
                };
                start.zip(due).map(span).into_iter().collect()
            }
        }
    }

    /// The first and last spans of a point that has years, if it has them.
    fn explicit_bounds(&self, p: Point) -> Option<Span> {
        let found = self.explicit(p.unit, p.years);
        Some(Span {
            start: found.first()?.start,
            due: found.last()?.due,
        })
    }

    fn range(&mut self, a: Point, b: Point, cursor: Option<NaiveDate>) -> Mode {
        let (ea, eb) = (self.explicit_bounds(a), self.explicit_bounds(b));
        let before = |u: Option<Unit>, d: NaiveDate| {
            u.and_then(|u| last_starting_by(u, d)).map_or(d, |(s, _)| s)
        };
        match (ea, eb) {
            (Some(x), Some(y)) => self.add(x.start.min(y.due), y.due),
            (None, Some(y)) => self.add(before(a.unit, y.start), y.due),
            (Some(x), None) => {
                if let Some((_, e)) = b.unit.and_then(|u| first_ending_from(u, x.due)) {
                    self.add(x.start, e);
                }
            }
            (None, None) => {
                let (Some(ua), Some(ub)) = (a.unit, b.unit) else {
                    return Mode::Explicit;
                };
                if let Some((s, e)) = cursor.and_then(|c| first_ending_from(ub, c)) {
                    self.add(before(Some(ua), s), e);
                    return Mode::Explicit;
                }
                for k in 0..self.years.len() {
                    let py = self.years[k];
                    let Some((s, e)) = in_window(ub, py.start, py.full_end) else {
                        continue;
                    };
                    let start = match ua {
                        Unit::Half(_) => in_window(ua, py.start, py.full_end).map_or(s, |x| x.0),
                        _ => before(Some(ua), s),
                    };
                    self.add(start.min(s), e);
                }
                return Mode::Recurring;
            }
        }
        Mode::Explicit
    }

    /// "до …": the spans from `first` start with the plan year holding their due date.
    fn start_with_plan_year(&mut self, first: usize) {
        for i in first..self.spans.len() {
            let due = self.spans[i].due;
            if let Some(py) = self
                .years
                .iter()
                .find(|py| py.start <= due && due <= py.full_end)
            {
                self.spans[i].start = py.start;
            }
        }
    }

    /// Calendar months (`step` 1) or quarters (`step` 3) ending inside the period.
    fn every(&mut self, step: u32) {
        let from = self.period.from;
        let Some(mut s) = ymd(from.year(), from.month0() / step * step + 1, 1) else {
            return;
        };
        for _ in 0..MAX_PLAN_YEARS * 12 {
            if s > self.period.to {
                break;
            }
            let (Some(e), Some(next)) = (span_end(s, step), calendar::add_months(s, step)) else {
                break;
            };
            if e >= from {
                self.add(s, e);
            }
            s = next;
        }
    }

    /// `n` occurrences per plan year, evenly spread; two are the halves of the plan year.
    fn per_year(&mut self, n: u16) {
        let n = u32::from(n.max(1));
        for k in 0..self.years.len() {
            let py = self.years[k];
            if n == 2 {
                for h in 1..=2 {
                    if let Some((s, e)) = in_window(Unit::Half(h), py.start, py.full_end) {
                        self.add(s, e);
                    }
                }
                continue;
            }
            let mut start = py.start;
            if 12 % n == 0 {
                for k in 1..=n {
                    let Some(e) = span_end(py.start, k * 12 / n) else {
                        break;
                    };
                    self.add(start, e);
                    start = e.succ_opt().unwrap_or(e);
                }
            } else {
                let len = (py.full_end - py.start).num_days() + 1;
                let n = i64::from(n);
                for k in 1..=n {
                    let Some(e) = py
                        .start
                        .checked_add_signed(chrono::TimeDelta::days(len * k / n - 1))
                    else {
                        break;
                    };
                    if e >= start {
                        self.add(start, e);
                        start = e.succ_opt().unwrap_or(e);
                    }
                }
            }
        }
    }

    /// Dates of bare months in a list that ends with a dated one: "январь, март 2022" dates January too.
    fn back_fill(&self, annual: &dyn Fn(&Item) -> bool) -> Vec<Option<(NaiveDate, NaiveDate)>> {
        let items = &self.parsed.items;
        let mut back = vec![None; items.len()];
        let mut anchor: Option<NaiveDate> = None;
        for (k, it) in items.iter().enumerate().rev() {
            anchor = match it.kind {
                Kind::Point(Point {
                    unit: Some(u),
                    years: Years::None,
                }) if !annual(it) => {
                    back[k] = anchor.and_then(|a| last_starting_by(u, a));
                    back[k].map(|(s, _)| s)
                }
                Kind::Point(Point {
                    unit: Some(u),
                    years: Years::One(y),
                }) => instance(u, y).map(|(s, _)| s),
                _ => None,
            };
            if it.sep != Sep::List {
                anchor = None;
            }
        }
        back
    }

    fn finish(self) -> Schedule {
        let period = self.period;
        let mut occurrences: Vec<Occurrence> = self
            .spans
            .iter()
            .filter(|s| period.contains(s.due))
            .map(|s| Occurrence {
                start: s.start.max(period.from).min(s.due),
                due: s.due,
            })
            .collect();
        occurrences.sort_unstable();
        occurrences.dedup_by_key(|o| o.due);
        let explanation = if occurrences.is_empty() {
            let described = self.describe(false);
            if described.is_empty() {
                format!("без срока: {}", self.why_unscheduled())
            } else {
                format!("без срока: вне периода плана ({described})")
            }
        } else {
            self.describe(true)
        };
        Schedule {
            occurrences,
            explanation,
        }
    }

    fn why_unscheduled(&self) -> &'static str {
        let p = self.parsed;
        use RefKind as R;
        if p.has_ref(R::Schedule) {
            return if p.separate {
                "по отдельному графику"
            } else {
                "по графику"
            };
        }
        for (k, text) in [
            (R::Plan, "по плану"),
            (R::Results, "по результатам"),
            (R::Totals, "по итогам"),
            (R::Necessity, "по мере необходимости"),
            (R::Readiness, "по мере готовности"),
            (R::Request, "по запросу"),
            (R::Relative, "срок отсчитывается от события"),
            (R::Accordance, "по другому документу"),
            (R::Within, "в рамках другого документа"),
        ] {
            if p.has_ref(k) {
                return text;
            }
        }
        if p.start_only {
            "указано только начало"
        } else if p.blank {
            "срок не указан"
        } else {
            "срок не распознан"
        }
    }

    /// The explanation of what was understood; `mark_outside` flags dates outside the period.
    fn describe(&self, mark_outside: bool) -> String {
        let mut groups: Vec<(Mode, Vec<String>)> = Vec::new();
        for (it, &(mode, from, to)) in self.parsed.items.iter().zip(&self.outs) {
            let spans = &self.spans[from..to];
            let Some(text) = self.fragment(it, mode, spans, mark_outside) else {
                continue;
            };
            match groups.last_mut() {
                Some((m, list)) if *m == mode && mode != Mode::Other => list.push(text),
                _ => groups.push((mode, vec![text])),
            }
        }
        let parts: Vec<String> = groups
            .into_iter()
            .map(|(mode, list)| match mode {
                Mode::Recurring => format!("каждый год: {}", join_and(&list)),
                _ => list.join(", "),
            })
            .collect();
        parts.join("; ")
    }

    fn fragment(
        &self,
        it: &Item,
        mode: Mode,
        spans: &[Span],
        mark_outside: bool,
    ) -> Option<String> {
        let by = if it.by { "до " } else { "" };
        let count = spans.iter().filter(|s| self.period.contains(s.due)).count();
        let times = |label: &str| {
            format!(
                "{label}: {count} {}",
                plural(count, "срок", "срока", "сроков")
            )
        };
        let first = spans.first();
        match (mode, it.kind) {
            (Mode::Explicit, Kind::Range(..)) => {
                let s = first?;
                Some(format!(
                    "{}–{}{}",
                    dmy(s.start),
                    dmy(s.due),
                    self.outside(s, mark_outside)
                ))
            }
            (Mode::Explicit, _) => {
                let dates: Vec<String> = spans
                    .iter()
                    .map(|s| format!("{by}{}{}", dmy(s.due), self.outside(s, mark_outside)))
                    .collect();
                (!dates.is_empty()).then(|| dates.join(", "))
            }
            (Mode::Recurring, Kind::Range(..)) => {
                let s = first?;
                Some(format!(
                    "{}{} – {}",
                    by,
                    day_month(s.start),
                    day_month(s.due)
                ))
            }
            (Mode::Recurring, Kind::Point(p)) => {
                let due = match first {
                    Some(s) => s.due,
                    None => {
                        let (ws, we) = (ymd(2001, 1, 1)?, ymd(2001, 12, 31)?);
                        in_window(p.unit?, ws, we)?.1
                    }
                };
                Some(format!("{by}{}", day_month(due)))
            }
            (Mode::Recurring, _) => None,
            (Mode::Other, kind) => {
                let until = |s: &Span, every: bool| {
                    if every && spans.len() > 1 {
                        format!("до {} каждого года", day_month(s.due))
                    } else {
                        format!("до {}", dmy(s.due))
                    }
                };
                Some(match kind {
                    Kind::YearEnd(src) => {
                        let label = match src {
                            YearEndSrc::During => "в течение года",
                            YearEndSrc::OncePerYear => "раз в год",
                            YearEndSrc::EndOfYear => "к концу года",
                            YearEndSrc::YearRound => "круглогодично",
                            YearEndSrc::Continuous => "регулярно в течение года",
                        };
                        format!("{label}: {}", until(first?, true))
                    }
                    Kind::AnnualMark if !spans.is_empty() => {
                        format!("ежегодно: {}", until(first?, true))
                    }
                    Kind::PeriodEnd => format!("весь период: {}", until(first?, false)),
                    Kind::Point(Point {
                        unit: None,
                        years: Years::Span { from, to, .. },
                    }) => format!(
                        "{from}–{to}: {}{}",
                        until(first?, false),
                        self.outside(first?, mark_outside)
                    ),
                    Kind::Quarterly => times("ежеквартально"),
                    Kind::Monthly => times("ежемесячно"),
                    Kind::Terms => times("по четвертям"),
                    Kind::PerYear(n) => {
                        let n = usize::from(n);
                        times(&format!("{n} {} в год", plural(n, "раз", "раза", "раз")))
                    }
                    _ => return None,
                })
            }
        }
    }

    fn outside(&self, s: &Span, mark: bool) -> &'static str {
        if mark && !self.period.contains(s.due) {
            " (вне периода плана)"
        } else {
            ""
        }
    }
}

/// "a", "a и b", "a, b и c".
fn join_and(list: &[String]) -> String {
    match list {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} и {last}", rest.join(", ")),
    }
}

/// The measure with `due` derived from its deadline text (or its year cells) within `period`, unless its dates were set by hand.
/// Borrowed when nothing changes.
pub fn with_derived_due(
    measure: &crate::model::Measure,
    period: Period,
) -> std::borrow::Cow<'_, crate::model::Measure> {
    if measure.due_manual {
        return std::borrow::Cow::Borrowed(measure);
    }
    let due = measure_due_dates(measure, period);
    if due == measure.due {
        std::borrow::Cow::Borrowed(measure)
    } else {
        let mut derived = measure.clone();
        derived.due = due;
        std::borrow::Cow::Owned(derived)
    }
}
