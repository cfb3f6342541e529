//! Grammar of deadline text: tokens -> items (dated points, ranges, recurrences).
//!
//! A deadline is a sequence of parts joined by separators ("," ";" "/" ":" a new line, brackets, "и").
//! Within a part the parser looks for the longest construction it knows at each token and treats every
//! other token as noise (labels such as "Итоговый мониторинг –" are noise). A word that refers to another
//! plan or event ("по плану…", "по графику…", "в соответствии с…") opens a *reference clause* that lasts to
//! the next separator: whatever dates it contains belong to that other document and are dropped.
//!
//! ```text
//! part      := item*                          (noise between items is skipped)
//! item      := freq | period-end | year-end | relative | "от" point
//!            | ("до" | "к" | "по" | "не позднее") span      -> due by
//!            | ("с" | "не ранее") point [("по" | "до" | dash) point]
//!            | span
//! span      := [year dash] point [(dash | "по" | "до") point]     ("2022 г. – сентябрь" is September 2022)
//!            | day (dash | "по") day month [years] | ord dash ord unit [years]
//! point     := date | day month [years] | month [years] | ord unit [years] | season [years] | years
//! date      := d.m[.[y]] | d/m/y | yyyy-mm-dd
//! years     := yyyy [suffix] [(dash | "/") yyyy|yy [suffix]]     suffix := ("г" | "гг" | "года" | "уч." …)*
//! ord       := I..IV | 1..4 ["-"] ["й"|"е"|"го"…] | первый..четвертый
//! unit      := "квартал" | "кв" | "полугодие" | "четверть"
//! freq      := ["не реже"] (n ["-" n] | один…) "раз" ["в"|"за"] unit-of-time | "дважды"… | "ежеквартально"…
//!            | "по полугодиям" | "каждый" unit-of-time
//! ```

use super::lexer::{RefKind, T, W};

/// A span that recurs every year: the part of a date written without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// A day of a month ("25 мая", "01.09").
    Day {
        m: u8,
        d: u8,
    },
    Month(u8),
    /// Calendar quarter 1..=4.
    Quarter(u8),
    /// Half 1..=2: of the plan year (a school year's first half ends on 31 December) or of a calendar year.
    Half(u8),
    /// 0 spring, 1 summer, 2 autumn, 3 winter (December to February).
    Season(u8),
    /// School term (четверть) 1..=4: September–October, November–December, January–March, April–May.
    Term(u8),
}

/// The years written with a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Years {
    None,
    One(i32),
    /// "2021-2022", "2021/22 уч. год"; `school` when "учебный" is written.
    Span {
        from: i32,
        to: i32,
        school: bool,
    },
}

/// A point in time as written: a recurring unit, a year, or both. `unit: None` always has years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Point {
    pub unit: Option<Unit>,
    pub years: Years,
}

/// Where a "once a year, due at the end of the plan year" item came from (for the explanation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearEndSrc {
    /// "в течение (учебного) года".
    During,
    /// "раз в год", "1 раз в год".
    OncePerYear,
    /// "до конца года", "к концу учебного года".
    EndOfYear,
    /// "круглогодично".
    YearRound,
    /// "еженедельно", "ежедневно", "раз в неделю": continuous work, checked once a year.
    Continuous,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Point(Point),
    Range(Point, Point),
    YearEnd(YearEndSrc),
    /// "ежегодно" / "каждый год": makes the dates of its part recur; alone it is `YearEnd(Annually)`.
    AnnualMark,
    /// "постоянно", "в течение всего периода": due at the end of the period.
    PeriodEnd,
    /// Calendar quarter ends.
    Quarterly,
    /// Calendar month ends.
    Monthly,
    /// School term (четверть) ends in every plan year.
    Terms,
    /// N per plan year, evenly spread (N = 2: the halves of the plan year).
    PerYear(u16),
}

/// The strongest separator written between the previous item and this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Sep {
    None,
    /// "," or "и".
    List,
    /// ";", "/", ":", a new line, a bracket, or the start of the text.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Item {
    pub kind: Kind,
    /// Written as a limit ("до …", "не позднее …"): the span starts with the plan year.
    pub by: bool,
    /// Index of the part (text between separators) the item was found in.
    pub seg: u16,
    pub sep: Sep,
}

/// What the grammar understood of one deadline text.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub items: Vec<Item>,
    /// Reference kinds seen (bit per `RefKind`).
    pub refs: u16,
    /// "отдельному" was written ("по отдельному графику").
    pub separate: bool,
    /// A start was written with no end ("с 1 сентября").
    pub start_only: bool,
    /// For each part: whether it ends with a colon (it is a label such as "ГИА-2022:").
    pub seg_colon: Vec<bool>,
    /// Whether the text has any visible content at all.
    pub blank: bool,
}

impl Parsed {
    pub fn has_ref(&self, k: RefKind) -> bool {
        self.refs & (1 << k as u16) != 0
    }
}

const YEAR_MIN: u32 = 1900;
const YEAR_MAX: u32 = 2200;
/// More than this many times a year is not a schedule anyone tracks by hand.
const MAX_PER_YEAR: u32 = 366;

pub(crate) fn parse(toks: &[T]) -> Parsed {
    let mut p = Parser {
        t: toks,
        out: Parsed {
            blank: toks
                .iter()
                .all(|t| matches!(t, T::Newline | T::Dash | T::Dot | T::Comma | T::Semicolon)),
            ..Parsed::default()
        },
        seg: 0,
        sep: Sep::Other,
        in_ref: false,
        last_unit_year: None,
    };
    p.run();
    p.out.seg_colon.push(false);
    p.out
}

/// What `span` read: the item (none when the text names no usable date), where it ends, and whether it
/// was closed by a second point (a range).
struct Spanned {
    kind: Option<Kind>,
    next: usize,
    closed: bool,
}

struct Parser<'a> {
    t: &'a [T],
    out: Parsed,
    seg: u16,
    sep: Sep,
    in_ref: bool,
    /// The unit of the last item written with one year ("Октябрь 2022"), while only list separators follow:
    /// bare years after it repeat the unit ("Октябрь 2022, 2023, 2024").
    last_unit_year: Option<Unit>,
}

impl Parser<'_> {
    fn tok(&self, i: usize) -> Option<T> {
        self.t.get(i).copied()
    }

    fn word(&self, i: usize) -> Option<W> {
        match self.t.get(i) {
            Some(T::Word(w)) => Some(*w),
            _ => None,
        }
    }

    fn is_word(&self, i: usize, w: W) -> bool {
        self.word(i) == Some(w)
    }

    fn new_segment(&mut self, colon: bool) {
        self.out.seg_colon.push(colon);
        self.seg = self.seg.saturating_add(1);
        self.in_ref = false;
    }

    fn push(&mut self, kind: Kind, by: bool) {
        if self.in_ref {
            return;
        }
        let mut kind = kind;
        if let Kind::Point(Point {
            unit: None,
            years: Years::One(y),
        }) = kind
            && let Some(u) = self.last_unit_year
            && self.sep <= Sep::List
        {
            kind = Kind::Point(Point {
                unit: Some(u),
                years: Years::One(y),
            });
        }
        self.last_unit_year = match kind {
            Kind::Point(Point {
                unit: Some(u),
                years: Years::One(_),
            }) => Some(u),
            _ => None,
        };
        self.out.items.push(Item {
            kind,
            by,
            seg: self.seg,
            sep: self.sep,
        });
        self.sep = Sep::None;
    }

    fn run(&mut self) {
        let mut i = 0;
        while i < self.t.len() {
            i = self.step(i).max(i + 1);
        }
    }

    /// Reads what starts at token `i`; returns the index after it.
    fn step(&mut self, i: usize) -> usize {
        let t = self.t[i];
        match t {
            T::Comma | T::Word(W::And) => {
                self.sep = self.sep.max(Sep::List);
                self.new_segment(false);
                return i + 1;
            }
            T::Semicolon | T::Slash | T::Newline | T::Open | T::Close | T::Colon => {
                self.sep = Sep::Other;
                self.last_unit_year = None;
                self.new_segment(t == T::Colon);
                return i + 1;
            }
            T::Word(W::Ref(k)) => {
                self.out.refs |= 1 << k as u16;
                self.in_ref = true;
                return i + 1;
            }
            T::Word(W::Separate) => {
                self.out.separate = true;
                return i + 1;
            }
            T::Word(W::Ot) => {
                // A document's date ("приказ от 12.01.2022") is not a deadline.
                return match self.point(i + 1) {
                    Some((_, j)) => j,
                    None => i + 1,
                };
            }
            _ => {}
        }
        if let Some((kind, j)) = self.frequency(i) {
            self.push(kind, false);
            return j;
        }
        if let Some(j) = self.period_end(i) {
            self.push(Kind::PeriodEnd, false);
            return j;
        }
        if let Some((src, j)) = self.year_end(i) {
            self.push(Kind::YearEnd(src), false);
            return j;
        }
        if let Some(j) = self.relative(i) {
            self.out.refs |= 1 << RefKind::Relative as u16;
            self.in_ref = true;
            return j;
        }
        // "до …", "к …", "по …", "не позднее …".
        let by_from = match t {
            T::Word(W::Do | W::K | W::Po) => Some(i + 1),
            T::Word(W::Ne) if self.is_word(i + 1, W::Later) => Some(i + 2),
            _ => None,
        };
        if let Some(k) = by_from {
            if let Some(s) = self.span(k, false) {
                if let Some(kind) = s.kind {
                    self.push(kind, true);
                }
                return s.next;
            }
            return i + 1;
        }
        // "с …", "не ранее …".
        let from = match t {
            T::Word(W::S) => Some(i + 1),
            T::Word(W::Ne) if self.is_word(i + 1, W::Earlier) => Some(i + 2),
            _ => None,
        };
        if let Some(k) = from {
            if let Some(s) = self.span(k, true) {
                match s.kind {
                    Some(kind) if s.closed => self.push(kind, false),
                    Some(_) => self.out.start_only |= !self.in_ref,
                    None => {}
                }
                return s.next;
            }
            return i + 1;
        }
        if let Some(s) = self.span(i, false) {
            if let Some(kind) = s.kind {
                self.push(kind, false);
            }
            return s.next;
        }
        i + 1
    }

    /// "ежеквартально", "3 раза в год", "не реже 2 раз в год", "по полугодиям", "каждый месяц"…
    fn frequency(&self, i: usize) -> Option<(Kind, usize)> {
        let w = self.word(i);
        let single = match w {
            Some(W::Quarterly) => Some(Kind::Quarterly),
            Some(W::Monthly) => Some(Kind::Monthly),
            Some(W::Semiannually) => Some(Kind::PerYear(2)),
            Some(W::Continuous) => Some(Kind::YearEnd(YearEndSrc::Continuous)),
            Some(W::YearRound) => Some(Kind::YearEnd(YearEndSrc::YearRound)),
            Some(W::Always) => Some(Kind::PeriodEnd),
            Some(W::Annually) => Some(Kind::AnnualMark),
            _ => None,
        };
        if let Some(k) = single {
            return Some((k, i + 1));
        }
        if w == Some(W::Po) {
            let k = match self.word(i + 1)? {
                W::HalfPl => Kind::PerYear(2),
                W::QuarterPl => Kind::Quarterly,
                W::TermPl => Kind::Terms,
                W::MonthPl => Kind::Monthly,
                _ => return None,
            };
            return Some((k, i + 2));
        }
        if w == Some(W::Each) {
            let (unit, j) = self.time_unit(i + 1)?;
            let k = match unit {
                W::Year => Kind::AnnualMark,
                _ => per_unit(1, unit)?,
            };
            return Some((k, j));
        }
        // [не реже|не менее] n [- m] раз [в|за] unit
        let mut j = i;
        if self.is_word(j, W::Ne) && self.is_word(j + 1, W::Rarer) {
            j += 2;
        }
        let n = match self.tok(j)? {
            T::Word(W::Times(n)) => {
                let (unit, k) = self.time_unit(j + 1)?;
                return Some((per_unit(u32::from(n), unit)?, k));
            }
            T::Word(W::Raz) => 1,
            t => {
                let n = small_count(t)?;
                j += 1;
                if self.tok(j) == Some(T::Dash) && self.tok(j + 1).and_then(small_count).is_some() {
                    j += 2;
                }
                if !self.is_word(j, W::Raz) {
                    return None;
                }
                n
            }
        };
        let (unit, k) = self.time_unit(j + 1)?;
        Some((per_unit(n, unit)?, k))
    }

    /// ["в"|"за"|"на"] [adjectives] year/half/quarter/term/month/week/day word.
    fn time_unit(&self, mut i: usize) -> Option<(W, usize)> {
        if matches!(self.word(i), Some(W::V | W::Za)) {
            i += 1;
        }
        while matches!(self.word(i), Some(W::Ves | W::YearAdj | W::Uch))
            || self.tok(i) == Some(T::Dot)
        {
            i += 1;
        }
        match self.word(i)? {
            w @ (W::Year | W::Half | W::Quarter | W::Term | W::MonthUnit | W::Week | W::Day) => {
                let mut j = i + 1;
                if self.tok(j) == Some(T::Dot) {
                    j += 1;
                }
                Some((w, j))
            }
            _ => None,
        }
    }

    /// "весь период", "в течение всего срока", "в период реализации".
    fn period_end(&self, i: usize) -> Option<usize> {
        let is_span = |w: Option<W>| matches!(w, Some(W::Period | W::Srok));
        match self.word(i)? {
            W::Ves if is_span(self.word(i + 1)) => Some(i + 2),
            W::Techenie => {
                let j = if self.is_word(i + 1, W::Ves) {
                    i + 2
                } else {
                    i + 1
                };
                is_span(self.word(j)).then_some(j + 1)
            }
            W::V if self.is_word(i + 1, W::Period) && self.is_word(i + 2, W::Realiz) => Some(i + 3),
            _ => None,
        }
    }

    /// "в течение (учебного) года", "до конца года", "на протяжении всего года".
    fn year_end(&self, i: usize) -> Option<(YearEndSrc, usize)> {
        let src = match self.word(i)? {
            W::Techenie => YearEndSrc::During,
            W::Konec => YearEndSrc::EndOfYear,
            _ => return None,
        };
        let mut j = i + 1;
        while matches!(self.word(j), Some(W::Ves | W::YearAdj | W::Uch))
            || self.tok(j) == Some(T::Dot)
        {
            j += 1;
        }
        self.is_word(j, W::Year).then_some((src, j + 1))
    }

    /// "в течение месяца", "в течение 10 дней", "за 2 недели": counted from an event, never a date.
    fn relative(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let during = self.is_word(j, W::Techenie);
        if during {
            j += 1;
        }
        let counted = self.tok(j).and_then(small_count).is_some();
        if counted {
            j += 1;
        }
        if !(during || counted) {
            return None;
        }
        matches!(self.word(j), Some(W::MonthUnit | W::Week | W::Day)).then_some(j + 1)
    }

    /// A point or a range starting at `i`. With `from_start` ("с …"), "по"/"до" also close a range.
    fn span(&self, i: usize, from_start: bool) -> Option<Spanned> {
        if let Some(r) = self.day_range(i, from_start) {
            return Some(r);
        }
        if let Some(r) = self.ord_range(i) {
            return Some(r);
        }
        let (p1, mut j) = self.point(i)?;
        let single = |kind, next| Spanned {
            kind,
            next,
            closed: false,
        };
        let Some(mut p1) = p1 else {
            return Some(single(None, j));
        };
        // "2022 г. – сентябрь": a year heading the dates written after it.
        if let Point {
            unit: None,
            years: Years::One(y),
        } = p1
            && self.tok(j) == Some(T::Dash)
            && let Some((
                Some(Point {
                    unit: Some(u),
                    years: Years::None,
                }),
                k,
            )) = self.point(j + 1)
        {
            p1 = unit_point(u, Years::One(y));
            j = k;
        }
        let closes = match self.tok(j) {
            Some(T::Dash) => true,
            Some(T::Word(W::Po | W::Do)) => from_start,
            _ => false,
        };
        let Some((p2, next)) = closes.then(|| self.point(j + 1)).flatten() else {
            return Some(single(Some(Kind::Point(p1)), j));
        };
        let Some(p2) = p2 else {
            return Some(single(Some(Kind::Point(p1)), next));
        };
        let kind = match (p1, p2) {
            // "с 2021 по 2024 год" is a span of years.
            (
                Point {
                    unit: None,
                    years: Years::One(from),
                },
                Point {
                    unit: None,
                    years: Years::One(to) | Years::Span { to, .. },
                },
            ) if to > from => Kind::Point(Point {
                unit: None,
                years: Years::Span {
                    from,
                    to,
                    school: matches!(p2.years, Years::Span { school: true, .. }),
                },
            }),
            _ => Kind::Range(p1, p2),
        };
        Some(Spanned {
            kind: Some(kind),
            next,
            closed: true,
        })
    }

    /// "1-15 сентября", "с 1 по 15 сентября 2021 г.": the month and year are written once, at the end.
    fn day_range(&self, i: usize, from_start: bool) -> Option<Spanned> {
        let d1 = day_num(self.tok(i)?)?;
        match self.tok(i + 1)? {
            T::Dash => {}
            T::Word(W::Po | W::Do) if from_start => {}
            _ => return None,
        }
        let d2 = day_num(self.tok(i + 2)?)?;
        let T::Word(W::Month(m)) = self.tok(i + 3)? else {
            return None;
        };
        let mut j = i + 4;
        if self.tok(j) == Some(T::Dot) {
            j += 1;
        }
        let (years, next) = self.years(j);
        let ok = day_fits(m, d1)
            && day_fits(m, d2)
            && match years {
                Years::One(y) => day_fits_year(y, Unit::Day { m, d: d2 }),
                _ => true,
            };
        let p = |d| unit_point(Unit::Day { m, d }, years);
        Some(Spanned {
            kind: ok.then(|| Kind::Range(p(d1), p(d2))),
            next,
            closed: true,
        })
    }

    /// "I-II квартал", "1–2 полугодие 2022 г.".
    fn ord_range(&self, i: usize) -> Option<Spanned> {
        let (a, j) = self.ordinal(i)?;
        if self.tok(j)? != T::Dash {
            return None;
        }
        let (b, k) = self.ordinal(j + 1)?;
        let (ub, k) = self.ord_unit(b, k)?;
        let (years, next) = self.years(k);
        let kind = ub.and_then(|ub| {
            let ua = unit_like(ub, a)?;
            Some(Kind::Range(unit_point(ua, years), unit_point(ub, years)))
        });
        Some(Spanned {
            kind,
            next,
            closed: true,
        })
    }

    /// An ordinal: "I", "1", "1-й", "первое".
    fn ordinal(&self, i: usize) -> Option<(u8, usize)> {
        let (n, mut j) = match self.tok(i)? {
            T::Roman(r) => (r, i + 1),
            T::Word(W::Ord(r)) => (r, i + 1),
            T::Num(v, 1) => (v as u8, i + 1),
            _ => return None,
        };
        if self.tok(j) == Some(T::Dash) && self.is_word(j + 1, W::OrdSuf) {
            j += 2;
        } else if self.is_word(j, W::OrdSuf) {
            j += 1;
        }
        Some((n, j))
    }

    /// The unit word after an ordinal: `Some((Some(unit), next))`, `Some((None, next))` when the number does
    /// not fit the unit ("5 квартал").
    fn ord_unit(&self, n: u8, i: usize) -> Option<(Option<Unit>, usize)> {
        let w = self.word(i)?;
        let mut j = i + 1;
        if self.tok(j) == Some(T::Dot) {
            j += 1;
        }
        let unit = match w {
            W::Quarter => (1..=4).contains(&n).then_some(Unit::Quarter(n)),
            W::Half => (1..=2).contains(&n).then_some(Unit::Half(n)),
            W::Term => (1..=4).contains(&n).then_some(Unit::Term(n)),
            _ => return None,
        };
        Some((unit, j))
    }

    /// A point: `Some((Some(point), next))`, or `Some((None, next))` for something date-shaped that names no
    /// usable date (a year out of range, "31.02.2021").
    fn point(&self, mut i: usize) -> Option<(Option<Point>, usize)> {
        while matches!(self.word(i), Some(W::Konec | W::Inside)) {
            i += 1;
        }
        let t = self.tok(i)?;
        // Numeric dates.
        if let Some(r) = self.numeric_date(i) {
            return Some(r);
        }
        match (t, self.tok(i + 1)) {
            // "25 мая", "1 декабря 2021 г."
            (T::Num(d, 1..=2), Some(T::Word(W::Month(m)))) => {
                let mut j = i + 2;
                if self.tok(j) == Some(T::Dot) {
                    j += 1;
                }
                let (years, j) = self.years(j);
                let unit = Unit::Day { m, d: d as u8 };
                let ok = d <= 31
                    && day_fits(m, d as u8)
                    && match years {
                        Years::One(y) => day_fits_year(y, unit),
                        _ => true,
                    };
                Some((ok.then_some(unit_point(unit, years)), j))
            }
            (T::Word(W::Month(m)), _) => {
                let mut j = i + 1;
                if self.tok(j) == Some(T::Dot) {
                    j += 1;
                }
                let (years, j) = self.years(j);
                Some((Some(unit_point(Unit::Month(m), years)), j))
            }
            (T::Word(W::Season(s)), _) => {
                // "в летний период 2022 года".
                let j = if self.is_word(i + 1, W::Period) {
                    i + 2
                } else {
                    i + 1
                };
                let (years, j) = self.years(j);
                Some((Some(unit_point(Unit::Season(s), years)), j))
            }
            (T::Num(_, 4), _) => {
                let (years, j) = self.years(i);
                if years == Years::None {
                    // A four-digit number that is no year in range: swallow it with its "год".
                    return Some((None, self.year_suffix(i + 1).1));
                }
                Some((Some(Point { unit: None, years }), j))
            }
            _ => {
                let (n, j) = self.ordinal(i)?;
                let (unit, j) = self.ord_unit(n, j)?;
                let (years, j) = self.years(j);
                Some((unit.map(|u| unit_point(u, years)), j))
            }
        }
    }

    /// "05.11.2020", "05.11. 2020 г.", "5.11.20", "01.09", "15/10/2021", "2021-09-01".
    fn numeric_date(&self, i: usize) -> Option<(Option<Point>, usize)> {
        let t0 = self.tok(i)?;
        // ISO yyyy-mm-dd.
        if let T::Num(y, 4) = t0
            && self.tok(i + 1) == Some(T::Dash)
            && let Some(T::Num(m, 1..=2)) = self.tok(i + 2)
            && self.tok(i + 3) == Some(T::Dash)
            && let Some(T::Num(d, 1..=2)) = self.tok(i + 4)
            && (1..=12).contains(&m)
        {
            let years = year_in_range(y).map_or(Years::None, Years::One);
            let ok = years != Years::None && d >= 1 && day_fits(m as u8, d as u8);
            let p = unit_point(
                Unit::Day {
                    m: m as u8,
                    d: d as u8,
                },
                years,
            );
            return Some((ok.then_some(p), i + 5));
        }
        let T::Num(d, 1..=2) = t0 else {
            return None;
        };
        let sep = self.tok(i + 1)?;
        if !matches!(sep, T::Dot | T::Slash) {
            return None;
        }
        let Some(T::Num(m, 1..=2)) = self.tok(i + 2) else {
            return None;
        };
        let (d, m) = (d as u8, m as u8);
        let shaped = (1..=12).contains(&m) && day_fits(m, d);
        let unit = Unit::Day { m, d };
        // The year, when written: `Some(None)` for a year out of range.
        let mut j = i + 3;
        let mut year = None;
        if self.tok(j) == Some(sep) {
            match self.tok(j + 1) {
                Some(T::Num(y, 2)) => {
                    year = Some(Some(2000 + y as i32));
                    j += 2;
                }
                Some(T::Num(y, 4)) => {
                    year = Some(year_in_range(y));
                    j += 2;
                }
                // "01.09." with a full stop and no year.
                _ if sep == T::Dot => j += 1,
                _ => return None,
            }
        } else if sep == T::Slash {
            // "2/3" is no date; a slash date needs its year.
            return None;
        }
        match year {
            None => shaped.then(|| (Some(unit_point(unit, Years::None)), j)),
            // A full date is consumed even when invalid ("31.02.2022"), so that its year is not read alone.
            Some(y) => {
                let p = y
                    .filter(|&y| shaped && day_fits_year(y, unit))
                    .map(|y| unit_point(unit, Years::One(y)));
                Some((p, self.year_suffix(j).1))
            }
        }
    }

    /// Years written after a unit (or alone): "2022", "2022 г.", "2021-2022 гг.", "2021/22 уч. год".
    fn years(&self, i: usize) -> (Years, usize) {
        let Some(T::Num(y, 4)) = self.tok(i) else {
            return (Years::None, i);
        };
        let Some(a) = year_in_range(y) else {
            return (Years::None, i);
        };
        let (mut school, j) = self.year_suffix(i + 1);
        let sep = self.tok(j);
        if matches!(sep, Some(T::Dash | T::Slash)) {
            let b = match self.tok(j + 1) {
                Some(T::Num(b, 4)) => year_in_range(b),
                // "2021-22", "2021/22": only the next year.
                Some(T::Num(b, 2)) => ((a + 1).rem_euclid(100) == b as i32).then_some(a + 1),
                _ => None,
            };
            let fits = match (sep, b) {
                (Some(T::Slash), Some(b)) => b == a + 1,
                (_, Some(b)) => b > a,
                _ => false,
            };
            if let (true, Some(b)) = (fits, b) {
                let (s2, k) = self.year_suffix(j + 2);
                school |= s2;
                return (
                    Years::Span {
                        from: a,
                        to: b,
                        school,
                    },
                    k,
                );
            }
        }
        (Years::One(a), j)
    }

    /// Skips "г.", "гг.", "г.г.", "года", "учебный год", "уч. г."; tells whether "учебный" was written.
    fn year_suffix(&self, mut i: usize) -> (bool, usize) {
        let mut school = false;
        let mut n = 0;
        loop {
            match self.tok(i) {
                Some(T::Word(W::Year | W::YearAdj)) => {}
                Some(T::Word(W::Uch)) => school = true,
                Some(T::Dot) if n > 0 || self.tok(i + 1).is_some_and(is_suffix_word) => {}
                _ => break,
            }
            n += 1;
            i += 1;
        }
        (school, i)
    }
}

fn is_suffix_word(t: T) -> bool {
    matches!(t, T::Word(W::Year | W::Uch | W::YearAdj))
}

fn unit_point(unit: Unit, years: Years) -> Point {
    Point {
        unit: Some(unit),
        years,
    }
}

/// The same kind of unit as `like`, numbered `n` (for "I-II квартал").
fn unit_like(like: Unit, n: u8) -> Option<Unit> {
    match like {
        Unit::Quarter(_) if (1..=4).contains(&n) => Some(Unit::Quarter(n)),
        Unit::Half(_) if (1..=2).contains(&n) => Some(Unit::Half(n)),
        Unit::Term(_) if (1..=4).contains(&n) => Some(Unit::Term(n)),
        _ => None,
    }
}

fn year_in_range(y: u32) -> Option<i32> {
    (YEAR_MIN..=YEAR_MAX).contains(&y).then_some(y as i32)
}

/// A small count of times: "3", "один", "два".
fn small_count(t: T) -> Option<u32> {
    match t {
        T::Num(n, 1..=3) if (1..=MAX_PER_YEAR).contains(&n) => Some(n),
        T::Word(W::NumWord(n)) => Some(u32::from(n)),
        _ => None,
    }
}

fn day_num(t: T) -> Option<u8> {
    match t {
        T::Num(d, 1..=2) if (1..=31).contains(&d) => Some(d as u8),
        _ => None,
    }
}

/// Whether day `d` exists in month `m` of some year (29 February does).
fn day_fits(m: u8, d: u8) -> bool {
    let max = match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (1..=max).contains(&d)
}

fn day_fits_year(y: i32, unit: Unit) -> bool {
    match unit {
        Unit::Day { m, d } => chrono::NaiveDate::from_ymd_opt(y, m.into(), d.into()).is_some(),
        _ => true,
    }
}

/// "n times per unit" as a kind.
fn per_unit(n: u32, unit: W) -> Option<Kind> {
    if n == 0 {
        return None;
    }
    let per_year = |k: u32| Kind::PerYear(n.saturating_mul(k).min(MAX_PER_YEAR) as u16);
    Some(match unit {
        W::Year if n == 1 => Kind::YearEnd(YearEndSrc::OncePerYear),
        W::Year => per_year(1),
        W::Half => per_year(2),
        W::Quarter if n == 1 => Kind::Quarterly,
        W::Term if n == 1 => Kind::Terms,
        W::Quarter | W::Term => per_year(4),
        W::MonthUnit if n == 1 => Kind::Monthly,
        W::MonthUnit => per_year(12),
        W::Week | W::Day => Kind::YearEnd(YearEndSrc::Continuous),
        _ => return None,
    })
}
