//! Unit tests of the deadline grammar, with real-looking phrases beyond the shared fixture.

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// The school year 2021-22, the period of the Ivanteevka road map.
fn school() -> Period {
    Period::school_year(2021)
}

/// A calendar plan of three years, 2022-2024.
fn cal3() -> Period {
    Period::new(d("2022-01-01"), d("2024-12-31"))
}

fn dues(text: &str, period: Period) -> Vec<String> {
    due_dates(text, period)
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[track_caller]
fn check(text: &str, period: Period, want: &[&str]) {
    assert_eq!(dues(text, period), want, "{text:?}");
}

/// The period a phrase of [`PHRASES`] is read in.
#[derive(Clone, Copy)]
enum In {
    /// The school year 2021-22 ([`school`]).
    SchoolYear,
    /// A calendar plan of three years ([`cal3`]).
    ThreeYears,
}
use In::{SchoolYear, ThreeYears};

impl In {
    fn period(self) -> Period {
        match self {
            SchoolYear => school(),
            ThreeYears => cal3(),
        }
    }
}

/// Phrases of deadlines as road maps write them, and the due dates each gives in its period.
#[rustfmt::skip]
const PHRASES: &[(&str, In, &[&str])] = &[
    // Month names in any case and form.
    ("ИЮНЬ", SchoolYear, &["2022-06-30"]),
    ("в мае", SchoolYear, &["2022-05-31"]),
    ("мартом", SchoolYear, &["2022-03-31"]),
    ("в феврале", SchoolYear, &["2022-02-28"]),
    ("в сентябре", SchoolYear, &["2021-09-30"]),
    ("сент.", SchoolYear, &["2021-09-30"]),
    ("сен", SchoolYear, &["2021-09-30"]),
    ("окт.", SchoolYear, &["2021-10-31"]),
    ("нояб.", SchoolYear, &["2021-11-30"]),
    ("дек", SchoolYear, &["2021-12-31"]),
    // "ё", Latin look-alike letters and a decomposed "й" are read as the plain word.
    ("в сентябрё", SchoolYear, &["2021-09-30"]),
    ("мaй", SchoolYear, &["2022-05-31"]),
    ("ма\u{0438}\u{0306}", SchoolYear, &["2022-05-31"]),
    // Month without year recurs in every plan year.
    ("август", SchoolYear, &["2022-08-31"]),
    ("сентябрь", SchoolYear, &["2021-09-30"]),
    ("февраль", ThreeYears, &["2022-02-28", "2023-02-28", "2024-02-29"]),
    ("в ноябре", ThreeYears, &["2022-11-30", "2023-11-30", "2024-11-30"]),
    // Month with year is explicit.
    ("Январь 2022", SchoolYear, &["2022-01-31"]),
    ("Апрель 2022 г.", SchoolYear, &["2022-04-30"]),
    ("апреля 2022 года", SchoolYear, &["2022-04-30"]),
    ("в марте 2022г.", SchoolYear, &["2022-03-31"]),
    ("декабрь 2021", ThreeYears, &[]),
    ("Октябрь 2022, 2023, 2024", ThreeYears, &["2022-10-31", "2023-10-31", "2024-10-31"]),
    ("Март 2022 и 2023 гг.", ThreeYears, &["2022-03-31", "2023-03-31"]),
    ("Октябрь 2022-2024", ThreeYears, &["2022-10-31", "2023-10-31", "2024-10-31"]),
    // Every dash makes a range.
    ("сен.-окт.", SchoolYear, &["2021-10-31"]),
    ("окт.–дек. 2021 г.", SchoolYear, &["2021-12-31"]),
    // Ranges end on their last month and may cross new year.
    ("август-сентябрь", SchoolYear, &["2021-09-30"]),
    ("июнь-сентябрь", SchoolYear, &["2021-09-30"]),
    ("ноябрь-декабрь", SchoolYear, &["2021-12-31"]),
    ("декабрь – январь", SchoolYear, &["2022-01-31"]),
    ("ноябрь-февраль", SchoolYear, &["2022-02-28"]),
    ("декабрь-январь", ThreeYears, &["2022-01-31", "2023-01-31", "2024-01-31"]),
    ("август-сентябрь", ThreeYears, &["2022-09-30", "2023-09-30", "2024-09-30"]),
    ("с сентября по май", SchoolYear, &["2022-05-31"]),
    ("с октября по декабрь", SchoolYear, &["2021-12-31"]),
    // Years on one or both ends.
    ("ноябрь 2021 – январь 2022", SchoolYear, &["2022-01-31"]),
    ("ноябрь – январь 2022", SchoolYear, &["2022-01-31"]),
    ("ноябрь 2021 - январь", SchoolYear, &["2022-01-31"]),
    ("сентябрь 2021 г. – май 2022 г.", SchoolYear, &["2022-05-31"]),
    ("01.09.2021 - 31.05.2022", SchoolYear, &["2022-05-31"]),
    ("с 01.09.2021 по 30.09.2021", SchoolYear, &["2021-09-30"]),
    // Lists give one occurrence each.
    ("январь, март, июнь, ноябрь,", SchoolYear, &["2021-11-30", "2022-01-31", "2022-03-31", "2022-06-30"]),
    ("январь; июнь", SchoolYear, &["2022-01-31", "2022-06-30"]),
    ("январь / июнь", SchoolYear, &["2022-01-31", "2022-06-30"]),
    ("в январе и июне", SchoolYear, &["2022-01-31", "2022-06-30"]),
    ("апрель\nянварь, июнь", SchoolYear, &["2022-01-31", "2022-04-30", "2022-06-30"]),
    ("апрель\r\n\r\nянварь,\nиюнь", SchoolYear, &["2022-01-31", "2022-04-30", "2022-06-30"]),
    ("сентябрь, в течение года", SchoolYear, &["2021-09-30", "2022-08-31"]),
    // A repeated date is one occurrence.
    ("май, май-июнь, июнь", SchoolYear, &["2022-05-31", "2022-06-30"]),
    // A year carries to the parts after it.
    ("Март 2022, июнь", ThreeYears, &["2022-03-31", "2022-06-30"]),
    ("Март 2022\nиюнь", ThreeYears, &["2022-03-31", "2022-06-30"]),
    ("март 2023; июнь; сентябрь", ThreeYears, &["2023-03-31", "2023-06-30", "2023-09-30"]),
    // Chronologically: the January after December 2021.
    ("декабрь 2021, январь, февраль", SchoolYear, &["2021-12-31", "2022-01-31", "2022-02-28"]),
    ("I квартал 2023, III квартал", ThreeYears, &["2023-03-31", "2023-09-30"]),
    ("2023, сентябрь", ThreeYears, &["2023-09-30", "2023-12-31"]),
    // "ежегодно" keeps the months of its part recurring.
    ("Март 2022, ежегодно в июне", ThreeYears, &["2022-03-31", "2022-06-30", "2023-06-30", "2024-06-30"]),
    // The year of a list covers the months before it.
    ("январь, март 2023", ThreeYears, &["2023-01-31", "2023-03-31"]),
    ("ноябрь, январь 2022", SchoolYear, &["2021-11-30", "2022-01-31"]),
    ("сентябрь, декабрь 2021 г.", SchoolYear, &["2021-09-30", "2021-12-31"]),
    // Only across a list: a new line or a semicolon breaks it.
    ("январь\nмарт 2023", ThreeYears, &["2022-01-31", "2023-01-31", "2023-03-31", "2024-01-31"]),
    // Labels before a colon or dash are skipped.
    ("Итоговый мониторинг – июнь 2022", SchoolYear, &["2022-06-30"]),
    ("Входной мониторинг: сентябрь\nИтоговый мониторинг: май", SchoolYear, &["2021-09-30", "2022-05-31"]),
    ("1 этап - сентябрь 2021; 2 этап - январь 2022", SchoolYear, &["2021-09-30", "2022-01-31"]),
    ("промежуточный – декабрь, итоговый – май", SchoolYear, &["2021-12-31", "2022-05-31"]),
    // A year in a label dates what follows it and adds no 31 December of its own.
    ("ГИА-2022: май-июнь", ThreeYears, &["2022-06-30"]),
    ("2023: март, июнь", ThreeYears, &["2023-03-31", "2023-06-30"]),
    // A year before a dash heads the dates after it.
    ("2022 г. - сентябрь, 2023 г. - сентябрь", ThreeYears, &["2022-09-30", "2023-09-30"]),
    ("2022 год – январь, июнь", ThreeYears, &["2022-01-31", "2022-06-30"]),
    ("2023 г. – сентябрь-октябрь", ThreeYears, &["2023-10-31"]),
    // A month before a colon is the date; the text after it describes the work.
    ("Сентябрь: входной мониторинг", SchoolYear, &["2021-09-30"]),
    ("ГИА – 9,11 классов: май", SchoolYear, &["2022-05-31"]),
    // Numeric dates and stray spaces.
    ("до 15.10.2021", SchoolYear, &["2021-10-15"]),
    ("до 05.11. 2021", SchoolYear, &["2021-11-05"]),
    ("05.11.2021г.", SchoolYear, &["2021-11-05"]),
    ("до 30.11.2021г.,", SchoolYear, &["2021-11-30"]),
    ("15.10.21", SchoolYear, &["2021-10-15"]),
    ("15/10/2021", SchoolYear, &["2021-10-15"]),
    ("2021-10-15", SchoolYear, &["2021-10-15"]),
    ("до 25.05", SchoolYear, &["2022-05-25"]),
    ("01.09.", SchoolYear, &["2021-09-01"]),
    ("29.02", ThreeYears, &["2022-02-28", "2023-02-28", "2024-02-29"]),
    // Day and month in words.
    ("25 мая", SchoolYear, &["2022-05-25"]),
    ("до 1 декабря", SchoolYear, &["2021-12-01"]),
    ("к 1 сентября", SchoolYear, &["2021-09-01"]),
    ("в срок до 15 октября", SchoolYear, &["2021-10-15"]),
    ("не позднее 15 ноября 2021", SchoolYear, &["2021-11-15"]),
    ("не позднее 15 ноября 2021 г.", SchoolYear, &["2021-11-15"]),
    ("до 1 декабря 2022 года", ThreeYears, &["2022-12-01"]),
    ("до 1 марта", ThreeYears, &["2022-03-01", "2023-03-01", "2024-03-01"]),
    ("1-15 сентября", SchoolYear, &["2021-09-15"]),
    ("с 1 по 15 сентября 2021 г.", SchoolYear, &["2021-09-15"]),
    ("с 25 мая по 15 июня", SchoolYear, &["2022-06-15"]),
    ("с 01.09 по 30.09", SchoolYear, &["2021-09-30"]),
    ("29 февраля 2024 г.", ThreeYears, &["2024-02-29"]),
    // Quarters.
    ("I квартал", SchoolYear, &["2022-03-31"]),
    ("IV квартал", SchoolYear, &["2021-12-31"]),
    ("1 кв. 2022", SchoolYear, &["2022-03-31"]),
    ("1кв.2022", SchoolYear, &["2022-03-31"]),
    ("IVкв. 2021", SchoolYear, &["2021-12-31"]),
    ("в III квартале 2022 г.", ThreeYears, &["2022-09-30"]),
    ("2-й квартал", ThreeYears, &["2022-06-30", "2023-06-30", "2024-06-30"]),
    ("в первом квартале 2023 года", ThreeYears, &["2023-03-31"]),
    ("III-IV кв.", SchoolYear, &["2021-12-31"]),
    ("I–II квартал 2023", ThreeYears, &["2023-06-30"]),
    // Halves and terms.
    // In a school year the first half ends on 31 December.
    ("первое полугодие", SchoolYear, &["2021-12-31"]),
    ("1 полугодие", SchoolYear, &["2021-12-31"]),
    ("1-е полугодие", SchoolYear, &["2021-12-31"]),
    ("во 2-м полугодии", SchoolYear, &["2022-08-31"]),
    ("IIполугодие", SchoolYear, &["2022-08-31"]),
    ("II полугодие 2021-2022 уч. года", ThreeYears, &["2022-08-31"]),
    ("I полугодие 2022-2023 учебного года", ThreeYears, &["2022-12-31"]),
    // In a calendar plan halves are calendar halves.
    ("I полугодие", ThreeYears, &["2022-06-30", "2023-06-30", "2024-06-30"]),
    ("2 полугодие 2023 г.", ThreeYears, &["2023-12-31"]),
    ("I четверть", SchoolYear, &["2021-10-31"]),
    ("III четверть", SchoolYear, &["2022-03-31"]),
    // Bare years and spans of years.
    ("2021", SchoolYear, &["2021-12-31"]),
    ("2022 год", ThreeYears, &["2022-12-31"]),
    ("в 2023 году", ThreeYears, &["2023-12-31"]),
    ("в течение 2022 года", ThreeYears, &["2022-12-31"]),
    ("2022, 2023 гг.", ThreeYears, &["2022-12-31", "2023-12-31"]),
    ("2021-2022", SchoolYear, &["2022-08-31"]),
    ("2021-2022 гг.", SchoolYear, &["2022-08-31"]),
    ("2021 – 2022 г.г.", SchoolYear, &["2022-08-31"]),
    ("2021/2022 учебный год", SchoolYear, &["2022-08-31"]),
    ("2021/22 уч. г.", SchoolYear, &["2022-08-31"]),
    ("в течение 2021-2022 учебного года", SchoolYear, &["2022-08-31"]),
    // In a calendar plan a span ends with the calendar year, a school year on 31 August.
    ("2022-2023", ThreeYears, &["2023-12-31"]),
    ("2022-2024 годы", ThreeYears, &["2024-12-31"]),
    ("с 2022 по 2024 год", ThreeYears, &["2024-12-31"]),
    ("2022-2023 учебный год", ThreeYears, &["2023-08-31"]),
    // Period phrases.
    ("в течение года", SchoolYear, &["2022-08-31"]),
    ("в течение учебного года", SchoolYear, &["2022-08-31"]),
    ("В течении года", SchoolYear, &["2022-08-31"]),
    ("на протяжении всего года", SchoolYear, &["2022-08-31"]),
    ("до конца учебного года", SchoolYear, &["2022-08-31"]),
    ("ежегодно", SchoolYear, &["2022-08-31"]),
    ("круглогодично", SchoolYear, &["2022-08-31"]),
    ("В течение года", ThreeYears, &["2022-12-31", "2023-12-31", "2024-12-31"]),
    ("ежегодно", ThreeYears, &["2022-12-31", "2023-12-31", "2024-12-31"]),
    ("раз в год", ThreeYears, &["2022-12-31", "2023-12-31", "2024-12-31"]),
    ("ежегодно в июне", ThreeYears, &["2022-06-30", "2023-06-30", "2024-06-30"]),
    ("каждый год в мае", ThreeYears, &["2022-05-31", "2023-05-31", "2024-05-31"]),
    ("ежегодно до 1 марта", ThreeYears, &["2022-03-01", "2023-03-01", "2024-03-01"]),
    ("постоянно", ThreeYears, &["2024-12-31"]),
    ("в постоянном режиме", ThreeYears, &["2024-12-31"]),
    ("в течение всего периода", ThreeYears, &["2024-12-31"]),
    ("весь период", ThreeYears, &["2024-12-31"]),
    ("на протяжении всего срока реализации", ThreeYears, &["2024-12-31"]),
    ("в период реализации дорожной карты", ThreeYears, &["2024-12-31"]),
    // A recognised period phrase wins over a reference after it.
    ("в течение года в соответствии с ежегодным планом повышения квалификации", SchoolYear, &["2022-08-31"]),
    ("в течение года (по плану РМО)", SchoolYear, &["2022-08-31"]),
    // Frequencies.
    ("ежеквартально", SchoolYear, &["2021-09-30", "2021-12-31", "2022-03-31", "2022-06-30"]),
    ("раз в квартал", SchoolYear, &["2021-09-30", "2021-12-31", "2022-03-31", "2022-06-30"]),
    ("один раз в полугодие", SchoolYear, &["2021-12-31", "2022-08-31"]),
    ("по полугодиям", SchoolYear, &["2021-12-31", "2022-08-31"]),
    ("2 раза в год", ThreeYears, &["2022-06-30", "2022-12-31", "2023-06-30", "2023-12-31", "2024-06-30", "2024-12-31"]),
    ("не реже 2 раз в год", SchoolYear, &["2021-12-31", "2022-08-31"]),
    ("дважды в год", SchoolYear, &["2021-12-31", "2022-08-31"]),
    ("3 раза в год", SchoolYear, &["2021-12-31", "2022-04-30", "2022-08-31"]),
    ("три раза в учебный год", SchoolYear, &["2021-12-31", "2022-04-30", "2022-08-31"]),
    // School terms end in October, December, March and May.
    ("по четвертям", SchoolYear, &["2021-10-31", "2021-12-31", "2022-03-31", "2022-05-31"]),
    // Continuous work is marked once a plan year.
    ("еженедельно", SchoolYear, &["2022-08-31"]),
    ("1 раз в неделю", SchoolYear, &["2022-08-31"]),
    // Seasons.
    ("весна", SchoolYear, &["2022-05-31"]),
    ("летом 2022 года", ThreeYears, &["2022-08-31"]),
    ("в летний период", SchoolYear, &["2022-08-31"]),
    ("в летний период 2022 года", ThreeYears, &["2022-08-31"]),
    ("осенью", SchoolYear, &["2021-11-30"]),
    ("зимой", SchoolYear, &["2022-02-28"]),
    // References and undated text are unscheduled.
    // A date after the reference clause (a new part) is a date.
    ("по плану УО, ноябрь", SchoolYear, &["2021-11-30"]),
    ("По графику: март, май", SchoolYear, &["2022-03-31", "2022-05-31"]),
    ("в течение месяца, сентябрь", SchoolYear, &["2021-09-30"]),
    // Dates outside the period are dropped and said so.
    ("2022", SchoolYear, &[]),
    ("Март 2022, 2023", SchoolYear, &["2022-03-31"]),
    // Odd input does not panic.
    ("2200-2201", ThreeYears, &[]),
];

#[test]
fn each_phrase_gives_its_due_dates() {
    for &(text, period, want) in PHRASES {
        check(text, period.period(), want);
    }
}

/// Phrases that name no date in their period: the measure stays without a due date.
#[rustfmt::skip]
const UNSCHEDULED: &[(&str, In)] = &[
    // Month names in any case and form.
    // Words that merely start like a month are not months.
    ("маршрут", SchoolYear),
    ("майский праздник", SchoolYear),
    // Numeric dates and stray spaces.
    // Impossible dates are read as nothing at all (not as their year).
    ("31.02.2022", ThreeYears),
    ("32.13.2022", ThreeYears),
    ("29.02.2023", ThreeYears),
    // Day and month in words.
    // "31 апреля" and "29 февраля 2023" name no day.
    ("31 апреля", SchoolYear),
    ("29 февраля 2023 г.", ThreeYears),
    // Quarters.
    // A quarter that does not exist.
    ("5 квартал", ThreeYears),
    // Bare years and spans of years.
    // Years outside 1900..=2200 are no years.
    ("99999999 год", ThreeYears),
    ("3000", ThreeYears),
    ("1812 год", ThreeYears),
];

#[test]
fn each_phrase_without_a_date_leaves_the_measure_unscheduled() {
    for &(text, period) in UNSCHEDULED {
        unscheduled(text, period.period());
    }
}

/// Phrases and the explanation the measure shows for what was read.
#[rustfmt::skip]
const EXPLAINED: &[(&str, In, &str)] = &[
    // References and undated text are unscheduled.
    ("по отдельному графику", SchoolYear, "без срока: по отдельному графику"),
    ("По графику МО", SchoolYear, "без срока: по графику"),
    ("по плану работы УО", SchoolYear, "без срока: по плану"),
    ("по мере необходимости", SchoolYear, "без срока: по мере необходимости"),
    ("в течение месяца", SchoolYear, "без срока: срок отсчитывается от события"),
    ("с 1 сентября", SchoolYear, "без срока: указано только начало"),
    ("", SchoolYear, "без срока: срок не указан"),
    ("нет", SchoolYear, "без срока: срок не распознан"),
    // Dates outside the period are dropped and said so.
    ("2022", SchoolYear, "без срока: вне периода плана (31.12.2022)"),
    ("Март 2022, 2023", SchoolYear, "31.03.2022, 31.03.2023 (вне периода плана)"),
    // Explanations.
    ("Январь 2022", SchoolYear, "31.01.2022"),
    ("до 15.10.2021", SchoolYear, "до 15.10.2021"),
    ("май, декабрь", ThreeYears, "каждый год: 31 мая и 31 декабря"),
    ("январь, март, июнь, ноябрь,", SchoolYear, "каждый год: 31 января, 31 марта, 30 июня и 30 ноября"),
    ("август-сентябрь", SchoolYear, "каждый год: 1 августа – 30 сентября"),
    ("ноябрь 2021 – январь 2022", SchoolYear, "01.11.2021–31.01.2022"),
    ("ежеквартально", SchoolYear, "ежеквартально: 4 срока"),
    ("ежеквартально", ThreeYears, "ежеквартально: 12 сроков"),
    ("3 раза в год", SchoolYear, "3 раза в год: 3 срока"),
    ("в течение года", SchoolYear, "в течение года: до 31.08.2022"),
    ("в течение года", ThreeYears, "в течение года: до 31 декабря каждого года"),
    ("постоянно", SchoolYear, "весь период: до 31.08.2022"),
    ("2021-2022", SchoolYear, "2021–2022: до 31.08.2022"),
    ("сентябрь, в течение года", SchoolYear, "каждый год: 30 сентября; в течение года: до 31.08.2022"),
    ("Март 2022, июнь", ThreeYears, "31.03.2022, 30.06.2022"),
];

#[test]
fn each_phrase_is_explained_as_read() {
    for &(text, period, want) in EXPLAINED {
        explained(text, period.period(), want);
    }
}

#[track_caller]
fn unscheduled(text: &str, period: Period) {
    let s = derive(text, period);
    assert!(s.is_unscheduled(), "{text:?} gave {:?}", s.occurrences);
    assert!(
        s.explanation.starts_with("без срока"),
        "{text:?}: {}",
        s.explanation
    );
}

#[track_caller]
fn explained(text: &str, period: Period, want: &str) {
    assert_eq!(derive(text, period).explanation, want, "{text:?}");
}

#[test]
fn month_names_in_any_case_and_form() {
    for text in [
        "январь",
        "января",
        "в январе",
        "к январю",
        "ЯНВАРЬ",
        "Январь",
        "янв.",
        "Янв",
    ] {
        check(text, school(), &["2022-01-31"]);
    }
}

#[test]
fn month_without_year_recurs_in_every_plan_year() {
    // Three school years.
    check(
        "май",
        Period::new(d("2021-09-01"), d("2024-08-31")),
        &["2022-05-31", "2023-05-31", "2024-05-31"],
    );
}

#[test]
fn every_dash_makes_a_range() {
    for dash in ["-", "–", "—", "‑", "−", " - ", " – ", "‒", "―"] {
        check(&format!("сентябрь{dash}октябрь"), school(), &["2021-10-31"]);
    }
}

#[test]
fn ranges_end_on_their_last_month_and_may_cross_new_year() {
    // The start of a range is its first day, never before the period.
    let s = derive("декабрь – январь", school());
    assert_eq!(s.occurrences[0].start, d("2021-12-01"));
    let s = derive("август-сентябрь", school());
    assert_eq!(s.occurrences[0].start, d("2021-09-01"));
    let s = derive("ноябрь 2021 – январь 2022", school());
    assert_eq!(s.occurrences[0].start, d("2021-11-01"));
}

#[test]
fn lists_give_one_occurrence_each() {}

#[test]
fn a_year_carries_to_the_parts_after_it() {}

#[test]
fn the_year_of_a_list_covers_the_months_before_it() {}

#[test]
fn labels_before_a_colon_or_dash_are_skipped() {}

#[test]
fn numeric_dates_and_stray_spaces() {
    check(
        "до 05.11. 2020",
        Period::new(d("2020-01-01"), d("2020-12-31")),
        &["2020-11-05"],
    );
    // "до" starts the span with the plan year.
    let s = derive("до 15.10.2021", school());
    assert_eq!(s.occurrences[0].start, d("2021-09-01"));
    // A plain date is a single day.
    let s = derive("15.10.2021", school());
    assert_eq!(s.occurrences[0].start, d("2021-10-15"));
}

#[test]
fn day_and_month_in_words() {
    let s = derive("1-15 сентября", school());
    assert_eq!(s.occurrences[0].start, d("2021-09-01"));
}

#[test]
fn halves_and_terms() {}

#[test]
fn bare_years_and_spans_of_years() {
    // A span in a plan of three school years ends with the school year.
    check(
        "2021-2022",
        Period::new(d("2021-09-01"), d("2024-08-31")),
        &["2022-08-31"],
    );
    let s = derive("2021-2022", school());
    assert_eq!(s.occurrences[0].start, d("2021-09-01"));
}

#[test]
fn period_phrases() {
    // A period that ends early: the last plan year ends with it.
    check(
        "в течение года",
        Period::new(d("2021-09-01"), d("2022-05-31")),
        &["2022-05-31"],
    );
}

#[test]
fn frequencies() {
    assert_eq!(due_dates("ежеквартально", school()).len(), 4);
    assert_eq!(due_dates("ежеквартально", cal3()).len(), 12);
    assert_eq!(due_dates("поквартально", cal3()).len(), 12);
    assert_eq!(due_dates("ежемесячно", school()).len(), 12);
    assert_eq!(due_dates("каждый месяц", cal3()).len(), 36);
    assert_eq!(due_dates("1 раз в месяц", school()).len(), 12);
    // "2-3 раза" counts its lower bound.
    assert_eq!(due_dates("2-3 раза в год", school()).len(), 2);
    assert_eq!(due_dates("4 раза в год", cal3()).len(), 12);
    assert_eq!(due_dates("5 раз в год", school()).len(), 5);
    assert_eq!(due_dates("не менее 1 раза в четверть", school()).len(), 4);
    assert_eq!(due_dates("каждую четверть", cal3()).len(), 12);
    assert_eq!(due_dates("2 раза в четверть", school()).len(), 8);
    assert_eq!(due_dates("2 раза в месяц", school()).len(), 24);
    // A frequency after a reference clause still counts.
    assert_eq!(
        due_dates(
            "по мере необходимости, но не реже 1 раза в квартал",
            school()
        )
        .len(),
        4
    );
    // Evenly spread occurrences tile the plan year.
    let s = derive("4 раза в год", school());
    let spans: Vec<_> = s
        .occurrences
        .iter()
        .map(|o| (o.start.to_string(), o.due.to_string()))
        .collect();
    assert_eq!(
        spans,
        [
            ("2021-09-01", "2021-11-30"),
            ("2021-12-01", "2022-02-28"),
            ("2022-03-01", "2022-05-31"),
            ("2022-06-01", "2022-08-31"),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
}

#[test]
fn references_and_undated_text_are_unscheduled() {
    for text in [
        "по отдельному графику",
        "По графику МО",
        "по плану работы УО",
        "По плану управления образованием",
        "В соответствии с планом работы Управления образования",
        "в соответствии с планом мероприятий",
        "в соответствии с планами РМО",
        "по мере получения результатов",
        "по мере необходимости",
        "по результатам ГИА",
        "по итогам четвертей",
        "по итогам 2021 года",
        "В рамках реализации дорожной карты школы",
        "по запросу",
        "согласно графику проведения ВПР",
        // A reference owns its dates: the plan's year and an order's date are not deadlines.
        "по плану работы УО на 2021-2022 учебный год",
        "по плану работы на 2021/2022 учебный год",
        "в соответствии с приказом от 12.01.2022 № 14",
        "в соотв. с планом на сентябрь",
        "в течение месяца",
        "в течение 10 дней после проведения",
        "в течение месяца после получения результатов",
        "после проведения ГИА",
        "с 1 сентября",
        "однократно",
        "нет",
        "",
        "   ",
        "-",
        "—",
    ] {
        unscheduled(text, school());
    }
}

#[test]
fn invalid_period_gives_no_occurrences() {
    let p = Period::new(d("2022-01-01"), d("2021-01-01"));
    let s = derive("январь", p);
    assert!(s.is_unscheduled());
    assert!(!s.explanation.is_empty());
}

#[test]
fn a_single_day_period() {
    let p = Period::new(d("2022-01-31"), d("2022-01-31"));
    check("январь", p, &["2022-01-31"]);
    check("в течение года", p, &["2022-01-31"]);
    check("ежемесячно", p, &["2022-01-31"]);
    check("февраль", p, &[]);
}

#[test]
fn a_period_starting_mid_month() {
    // Plan years run 15.09–14.09: September's end falls in the first, not the second.
    let p = Period::new(d("2021-09-15"), d("2023-09-14"));
    check("сентябрь", p, &["2021-09-30", "2022-09-30"]);
    check("в течение года", p, &["2022-09-14", "2023-09-14"]);
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "99999999999999999999999999 года",
        "31.12.99999",
        "0.0.0",
        "00.00.0000",
        "-----",
        "....",
        "с по до",
        "I-",
        "1-",
        "-2022",
        "2022-",
        "2200-2201",
        "1899-1900",
        "январь-",
        "-январь",
        "с января по",
        "г.г.г.г.",
        "\u{0306}\u{0306}и\u{0306}",
        "😀 май 😀",
        "ｍａｙ",
        "Ⅳ квартал",
        "İ",
        "ß",
    ] {
        for p in [school(), cal3()] {
            let s = derive(text, p);
            assert!(s.occurrences.iter().all(|o| p.contains(o.due)), "{text:?}");
        }
    }
}

#[test]
fn a_deadline_over_the_length_limit_is_left_unscheduled_with_a_note() {
    // 600 KB of month names once took seconds to read; past the limit the text is not read for dates.
    let huge = "январь, март, ".repeat(600_000 / "январь, март, ".len());
    unscheduled(&huge, school());
    assert!(
        derive(&huge, school())
            .explanation
            .contains("длиннее 2000 знаков")
    );
    // Up to the limit (in characters, not bytes: Cyrillic takes two) the text is read as usual.
    let padded = format!(
        "до 1 декабря{}",
        " ".repeat(MAX_DEADLINE_CHARS - "до 1 декабря".chars().count())
    );
    assert_eq!(padded.chars().count(), MAX_DEADLINE_CHARS);
    check(&padded, school(), &["2021-12-01"]);
}
