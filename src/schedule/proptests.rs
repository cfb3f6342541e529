//! Property tests: whatever the text and whatever the (valid) period, `derive` never panics and its
//! occurrences are sorted, distinct and inside the period.

use proptest::prelude::*;

use super::*;

/// A valid period: starts between 1900 and 2199, lasts from one day to about 40 years.
fn period() -> impl Strategy<Value = Period> {
    let base = NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid date");
    (0i64..300 * 366, 0i64..40 * 366).prop_map(move |(start, len)| {
        let from = base + chrono::TimeDelta::days(start);
        Period::new(from, from + chrono::TimeDelta::days(len))
    })
}

/// Plausible periods: school years and calendar spans around today.
fn real_period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (2015i32..2030).prop_map(Period::school_year),
        (2015i32..2030, 0i32..5).prop_map(|(y, n)| Period::new(
            NaiveDate::from_ymd_opt(y, 1, 1).expect("valid date"),
            NaiveDate::from_ymd_opt(y + n, 12, 31).expect("valid date"),
        )),
    ]
}

const VOCAB: &[&str] = &[
    "январь",
    "января",
    "ЯНВАРЕ",
    "февраль",
    "март",
    "марта",
    "апрель",
    "май",
    "мая",
    "июнь",
    "июля",
    "август",
    "сентябрь",
    "сент.",
    "окт",
    "ноябрь",
    "декабря",
    "янв.",
    "дек.",
    "2020",
    "2021",
    "2022",
    "2023",
    "2024",
    "2200",
    "1899",
    "99999999",
    "21",
    "22",
    "05",
    "11",
    "1",
    "2",
    "3",
    "4",
    "15",
    "29",
    "30",
    "31",
    "0",
    "00",
    "12",
    "13",
    ".",
    ",",
    ";",
    "/",
    ":",
    "(",
    ")",
    "-",
    "–",
    "—",
    "‑",
    "−",
    " ",
    " ",
    " ",
    "\n",
    "\r\n",
    "г.",
    "гг.",
    "г.г.",
    "года",
    "год",
    "уч.",
    "учебного",
    "до",
    "с",
    "по",
    "к",
    "в",
    "не позднее",
    "не реже",
    "не ранее",
    "в течение",
    "течение",
    "всего",
    "периода",
    "срока",
    "раз",
    "раза",
    "в год",
    "в полугодие",
    "в квартал",
    "в месяц",
    "в неделю",
    "дважды",
    "один",
    "два",
    "три",
    "квартал",
    "кв.",
    "полугодие",
    "полугодиям",
    "четверть",
    "I",
    "II",
    "III",
    "IV",
    "-й",
    "-е",
    "первое",
    "второе",
    "ежегодно",
    "ежеквартально",
    "ежемесячно",
    "еженедельно",
    "постоянно",
    "каждый",
    "месяц",
    "весна",
    "летом",
    "зима",
    "конца",
    "начало",
    "по плану",
    "по графику",
    "отдельному",
    "в соответствии с",
    "от",
    "по мере",
    "необходимости",
    "итогам",
    "мониторинг",
    "ГИА",
    "дней",
    "и",
    "или",
    "😀",
    "\u{0306}",
    "\u{00AD}",
    "ё",
];

fn vocab_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 0..16).prop_map(|w| w.concat())
}

const MONTHS: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

fn check_invariants(text: &str, period: Period) -> Result<(), TestCaseError> {
    let s = derive(text, period);
    prop_assert!(!s.explanation.is_empty());
    for o in &s.occurrences {
        prop_assert!(period.contains(o.due), "{text:?}: due {} outside", o.due);
        prop_assert!(
            period.contains(o.start),
            "{text:?}: start {} outside",
            o.start
        );
        prop_assert!(o.start <= o.due, "{text:?}: {} > {}", o.start, o.due);
    }
    for w in s.occurrences.windows(2) {
        prop_assert!(
            w[0].due < w[1].due,
            "{text:?}: dues not ascending and distinct"
        );
    }
    prop_assert_eq!(s.is_unscheduled(), s.occurrences.is_empty());
    prop_assert_eq!(derive(text, period), s, "{:?} is not deterministic", text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        // At least 512 cases; PROPTEST_CASES raises it.
        cases: ProptestConfig::default().cases.max(512),
        // Failures are reported in the test output; no regression file is written into the crate.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_unicode_text(text in any::<String>(), period in period()) {
        check_invariants(&text, period)?;
    }

    #[test]
    fn any_printable_text(text in "\\PC{0,60}", period in period()) {
        check_invariants(&text, period)?;
    }

    #[test]
    fn russian_vocabulary(text in vocab_text(), period in period()) {
        check_invariants(&text, period)?;
    }

    #[test]
    fn russian_vocabulary_in_real_periods(text in vocab_text(), period in real_period()) {
        check_invariants(&text, period)?;
    }

    #[test]
    fn month_with_year_is_its_last_day(m in 0usize..12, y in 1950i32..2150, period in real_period()) {
        let text = format!("{} {y} г.", MONTHS[m]);
        let month = u32::try_from(m).expect("small") + 1;
        let end = calendar::month_end(y, month).expect("valid month");
        let want: Vec<NaiveDate> = period.contains(end).then_some(end).into_iter().collect();
        prop_assert_eq!(due_dates(&text, period), want);
    }

    #[test]
    fn a_date_by_is_that_date(day in 0i64..120_000, period in real_period()) {
        let date = NaiveDate::from_ymd_opt(1901, 1, 1).expect("valid date")
            + chrono::TimeDelta::days(day);
        let text = format!("до {}", date.format(crate::model::DATE_FORMAT));
        let want: Vec<NaiveDate> = period.contains(date).then_some(date).into_iter().collect();
        prop_assert_eq!(due_dates(&text, period), want);
    }

    #[test]
    fn a_month_recurs_once_per_plan_year(m in 0usize..12, period in real_period()) {
        let dues = due_dates(MONTHS[m], period);
        let years = plan_years(period).len();
        prop_assert!(dues.len() <= years && dues.len() + 1 >= years.min(1));
        prop_assert!(dues.iter().all(|d| d.month0() as usize == m));
    }
}
