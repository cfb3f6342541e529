//! Date arithmetic that never panics: every constructor is checked, every failure is `None`.

use chrono::{Datelike, Months, NaiveDate};

use super::grammar::Unit;

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if NaiveDate::from_ymd_opt(y, 2, 29).is_some() => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub(crate) fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    ymd(y, m, days_in_month(y, m))
}

pub(crate) fn add_months(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    d.checked_add_months(Months::new(n))
}

/// The day before `d + n months`: the last day of an `n`-month span starting on `d`.
pub(crate) fn span_end(d: NaiveDate, n: u32) -> Option<NaiveDate> {
    add_months(d, n)?.pred_opt()
}

/// The instance of `unit` in calendar year `y` (a winter ends in `y`; a half is a calendar half).
pub(crate) fn instance(unit: Unit, y: i32) -> Option<(NaiveDate, NaiveDate)> {
    let months = |a: u32, b: u32| Some((ymd(y, a, 1)?, month_end(y, b)?));
    match unit {
        Unit::Day { m, d } => {
            let m = u32::from(m);
            let day = ymd(y, m, u32::from(d).min(days_in_month(y, m)))?;
            Some((day, day))
        }
        Unit::Month(m) => months(m.into(), m.into()),
        Unit::Quarter(q) => {
            let q = u32::from(q);
            months(3 * q - 2, 3 * q)
        }
        Unit::Half(1) => months(1, 6),
        Unit::Half(_) => months(7, 12),
        Unit::Season(0) => months(3, 5),
        Unit::Season(1) => months(6, 8),
        Unit::Season(2) => months(9, 11),
        Unit::Season(_) => Some((ymd(y.checked_sub(1)?, 12, 1)?, month_end(y, 2)?)),
        Unit::Term(1) => months(9, 10),
        Unit::Term(2) => months(11, 12),
        Unit::Term(3) => months(1, 3),
        Unit::Term(_) => months(4, 5),
    }
}

/// The instance of `unit` that ends inside the window `[ws, we]` (a plan year or a school year).
/// Halves are halves of the window: a window starting on 1 September (a school year) splits at 31 December.
pub(crate) fn in_window(
    unit: Unit,
    ws: NaiveDate,
    we: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    if let Unit::Half(h) = unit {
        let h1_end = if (ws.month(), ws.day()) == (9, 1) {
            ymd(ws.year(), 12, 31)?
        } else {
            span_end(ws, 6)?
        };
        return match h {
            1 if h1_end <= we => Some((ws, h1_end)),
            1 => None,
            _ if h1_end < we => Some((h1_end.succ_opt()?, we)),
            _ => None,
        };
    }
    let (y0, y1) = (ws.year().checked_sub(1)?, we.year().checked_add(1)?);
    (y0..=y1)
        .filter_map(|y| instance(unit, y))
        .find(|&(_, e)| ws <= e && e <= we)
}

/// The first instance of `unit` ending on or after `d`.
pub(crate) fn first_ending_from(unit: Unit, d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let y = d.year();
    (y.checked_sub(1)?..=y.checked_add(2)?)
        .filter_map(|y| instance(unit, y))
        .find(|&(_, e)| e >= d)
}

/// The last instance of `unit` starting on or before `d`.
pub(crate) fn last_starting_by(unit: Unit, d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let y = d.year();
    (y.checked_sub(2)?..=y.checked_add(1)?)
        .rev()
        .filter_map(|y| instance(unit, y))
        .find(|&(s, _)| s <= d)
}

const GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// "31 мая".
pub(crate) fn day_month(d: NaiveDate) -> String {
    format!("{} {}", d.day(), GENITIVE[d.month0() as usize])
}

/// "31.05.2022".
pub(crate) fn dmy(d: NaiveDate) -> String {
    d.format(crate::model::DATE_FORMAT).to_string()
}

pub(crate) use crate::i18n::russian_plural as plural;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::date as d;

    #[test]
    fn halves_of_school_and_calendar_years() {
        let (ws, we) = (d(2021, 9, 1), d(2022, 8, 31));
        assert_eq!(
            in_window(Unit::Half(1), ws, we),
            Some((ws, d(2021, 12, 31)))
        );
        assert_eq!(in_window(Unit::Half(2), ws, we), Some((d(2022, 1, 1), we)));
        let (ws, we) = (d(2022, 1, 1), d(2022, 12, 31));
        assert_eq!(in_window(Unit::Half(1), ws, we), Some((ws, d(2022, 6, 30))));
    }

    #[test]
    fn units_in_a_school_year() {
        let (ws, we) = (d(2021, 9, 1), d(2022, 8, 31));
        assert_eq!(in_window(Unit::Month(9), ws, we).unwrap().1, d(2021, 9, 30));
        assert_eq!(in_window(Unit::Month(2), ws, we).unwrap().1, d(2022, 2, 28));
        assert_eq!(
            in_window(Unit::Quarter(1), ws, we).unwrap().1,
            d(2022, 3, 31)
        );
        assert_eq!(
            in_window(Unit::Season(3), ws, we).unwrap(),
            (d(2021, 12, 1), d(2022, 2, 28))
        );
        assert_eq!(
            in_window(Unit::Day { m: 2, d: 29 }, ws, we).unwrap().1,
            d(2022, 2, 28)
        );
    }

    #[test]
    fn russian_plural() {
        let f = |n| plural(n, "срок", "срока", "сроков");
        assert_eq!(
            [1, 2, 5, 11, 12, 21, 22, 25, 111].map(f),
            [
                "срок",
                "срока",
                "сроков",
                "сроков",
                "сроков",
                "срок",
                "срока",
                "сроков",
                "сроков"
            ]
        );
    }
}
