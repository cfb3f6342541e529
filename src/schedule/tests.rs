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
    check("ИЮНЬ", school(), &["2022-06-30"]);
    check("в мае", school(), &["2022-05-31"]);
    check("мартом", school(), &["2022-03-31"]);
    check("в феврале", school(), &["2022-02-28"]);
    check("в сентябре", school(), &["2021-09-30"]);
    check("сент.", school(), &["2021-09-30"]);
    check("сен", school(), &["2021-09-30"]);
    check("окт.", school(), &["2021-10-31"]);
    check("нояб.", school(), &["2021-11-30"]);
    check("дек", school(), &["2021-12-31"]);
    // "ё", Latin look-alike letters and a decomposed "й" are read as the plain word.
    check("в сентябрё", school(), &["2021-09-30"]);
    check("мaй", school(), &["2022-05-31"]);
    check("ма\u{0438}\u{0306}", school(), &["2022-05-31"]);
    // Words that merely start like a month are not months.
    unscheduled("маршрут", school());
    unscheduled("майский праздник", school());
}

#[test]
fn month_without_year_recurs_in_every_plan_year() {
    check("август", school(), &["2022-08-31"]);
    check("сентябрь", school(), &["2021-09-30"]);
    check(
        "февраль",
        cal3(),
        &["2022-02-28", "2023-02-28", "2024-02-29"],
    );
    check(
        "в ноябре",
        cal3(),
        &["2022-11-30", "2023-11-30", "2024-11-30"],
    );
    // Three school years.
    check(
        "май",
        Period::new(d("2021-09-01"), d("2024-08-31")),
        &["2022-05-31", "2023-05-31", "2024-05-31"],
    );
}

#[test]
fn month_with_year_is_explicit() {
    check("Январь 2022", school(), &["2022-01-31"]);
    check("Апрель 2022 г.", school(), &["2022-04-30"]);
    check("апреля 2022 года", school(), &["2022-04-30"]);
    check("в марте 2022г.", school(), &["2022-03-31"]);
    check("декабрь 2021", cal3(), &[]);
    check(
        "Октябрь 2022, 2023, 2024",
        cal3(),
        &["2022-10-31", "2023-10-31", "2024-10-31"],
    );
    check(
        "Март 2022 и 2023 гг.",
        cal3(),
        &["2022-03-31", "2023-03-31"],
    );
    check(
        "Октябрь 2022-2024",
        cal3(),
        &["2022-10-31", "2023-10-31", "2024-10-31"],
    );
}

#[test]
fn every_dash_makes_a_range() {
    for dash in ["-", "–", "—", "‑", "−", " - ", " – ", "‒", "―"] {
        check(&format!("сентябрь{dash}октябрь"), school(), &["2021-10-31"]);
    }
    check("сен.-окт.", school(), &["2021-10-31"]);
    check("окт.–дек. 2021 г.", school(), &["2021-12-31"]);
}

#[test]
fn ranges_end_on_their_last_month_and_may_cross_new_year() {
    check("август-сентябрь", school(), &["2021-09-30"]);
    check("июнь-сентябрь", school(), &["2021-09-30"]);
    check("ноябрь-декабрь", school(), &["2021-12-31"]);
    check("декабрь – январь", school(), &["2022-01-31"]);
    check("ноябрь-февраль", school(), &["2022-02-28"]);
    check(
        "декабрь-январь",
        cal3(),
        &["2022-01-31", "2023-01-31", "2024-01-31"],
    );
    check(
        "август-сентябрь",
        cal3(),
        &["2022-09-30", "2023-09-30", "2024-09-30"],
    );
    check("с сентября по май", school(), &["2022-05-31"]);
    check("с октября по декабрь", school(), &["2021-12-31"]);
    // Years on one or both ends.
    check("ноябрь 2021 – январь 2022", school(), &["2022-01-31"]);
    check("ноябрь – январь 2022", school(), &["2022-01-31"]);
    check("ноябрь 2021 - январь", school(), &["2022-01-31"]);
    check("сентябрь 2021 г. – май 2022 г.", school(), &["2022-05-31"]);
    check("01.09.2021 - 31.05.2022", school(), &["2022-05-31"]);
    check("с 01.09.2021 по 30.09.2021", school(), &["2021-09-30"]);
    // The start of a range is its first day, never before the period.
    let s = derive("декабрь – январь", school());
    assert_eq!(s.occurrences[0].start, d("2021-12-01"));
    let s = derive("август-сентябрь", school());
    assert_eq!(s.occurrences[0].start, d("2021-09-01"));
    let s = derive("ноябрь 2021 – январь 2022", school());
    assert_eq!(s.occurrences[0].start, d("2021-11-01"));
}

#[test]
fn lists_give_one_occurrence_each() {
    check(
        "январь, март, июнь, ноябрь,",
        school(),
        &["2021-11-30", "2022-01-31", "2022-03-31", "2022-06-30"],
    );
    check("январь; июнь", school(), &["2022-01-31", "2022-06-30"]);
    check("январь / июнь", school(), &["2022-01-31", "2022-06-30"]);
    check("в январе и июне", school(), &["2022-01-31", "2022-06-30"]);
    check(
        "апрель\nянварь, июнь",
        school(),
        &["2022-01-31", "2022-04-30", "2022-06-30"],
    );
    check(
        "апрель\r\n\r\nянварь,\nиюнь",
        school(),
        &["2022-01-31", "2022-04-30", "2022-06-30"],
    );
    check(
        "сентябрь, в течение года",
        school(),
        &["2021-09-30", "2022-08-31"],
    );
    // A repeated date is one occurrence.
    check(
        "май, май-июнь, июнь",
        school(),
        &["2022-05-31", "2022-06-30"],
    );
}

#[test]
fn a_year_carries_to_the_parts_after_it() {
    check("Март 2022, июнь", cal3(), &["2022-03-31", "2022-06-30"]);
    check("Март 2022\nиюнь", cal3(), &["2022-03-31", "2022-06-30"]);
    check(
        "март 2023; июнь; сентябрь",
        cal3(),
        &["2023-03-31", "2023-06-30", "2023-09-30"],
    );
    // Chronologically: the January after December 2021.
    check(
        "декабрь 2021, январь, февраль",
        school(),
        &["2021-12-31", "2022-01-31", "2022-02-28"],
    );
    check(
        "I квартал 2023, III квартал",
        cal3(),
        &["2023-03-31", "2023-09-30"],
    );
    check("2023, сентябрь", cal3(), &["2023-09-30", "2023-12-31"]);
    // "ежегодно" keeps the months of its part recurring.
    check(
        "Март 2022, ежегодно в июне",
        cal3(),
        &["2022-03-31", "2022-06-30", "2023-06-30", "2024-06-30"],
    );
}

#[test]
fn the_year_of_a_list_covers_the_months_before_it() {
    check("январь, март 2023", cal3(), &["2023-01-31", "2023-03-31"]);
    check(
        "ноябрь, январь 2022",
        school(),
        &["2021-11-30", "2022-01-31"],
    );
    check(
        "сентябрь, декабрь 2021 г.",
        school(),
        &["2021-09-30", "2021-12-31"],
    );
    // Only across a list: a new line or a semicolon breaks it.
    check(
        "январь\nмарт 2023",
        cal3(),
        &["2022-01-31", "2023-01-31", "2023-03-31", "2024-01-31"],
    );
}

#[test]
fn labels_before_a_colon_or_dash_are_skipped() {
    check("Итоговый мониторинг – июнь 2022", school(), &["2022-06-30"]);
    check(
        "Входной мониторинг: сентябрь\nИтоговый мониторинг: май",
        school(),
        &["2021-09-30", "2022-05-31"],
    );
    check(
        "1 этап - сентябрь 2021; 2 этап - январь 2022",
        school(),
        &["2021-09-30", "2022-01-31"],
    );
    check(
        "промежуточный – декабрь, итоговый – май",
        school(),
        &["2021-12-31", "2022-05-31"],
    );
    // A year in a label dates what follows it and adds no 31 December of its own.
    check("ГИА-2022: май-июнь", cal3(), &["2022-06-30"]);
    check("2023: март, июнь", cal3(), &["2023-03-31", "2023-06-30"]);
    // A year before a dash heads the dates after it.
    check(
        "2022 г. - сентябрь, 2023 г. - сентябрь",
        cal3(),
        &["2022-09-30", "2023-09-30"],
    );
    check(
        "2022 год – январь, июнь",
        cal3(),
        &["2022-01-31", "2022-06-30"],
    );
    check("2023 г. – сентябрь-октябрь", cal3(), &["2023-10-31"]);
    // A month before a colon is the date; the text after it describes the work.
    check("Сентябрь: входной мониторинг", school(), &["2021-09-30"]);
    check("ГИА – 9,11 классов: май", school(), &["2022-05-31"]);
}

#[test]
fn numeric_dates_and_stray_spaces() {
    check("до 15.10.2021", school(), &["2021-10-15"]);
    check("до 05.11. 2021", school(), &["2021-11-05"]);
    check("05.11.2021г.", school(), &["2021-11-05"]);
    check("до 30.11.2021г.,", school(), &["2021-11-30"]);
    check("15.10.21", school(), &["2021-10-15"]);
    check("15/10/2021", school(), &["2021-10-15"]);
    check("2021-10-15", school(), &["2021-10-15"]);
    check("до 25.05", school(), &["2022-05-25"]);
    check("01.09.", school(), &["2021-09-01"]);
    check(
        "до 05.11. 2020",
        Period::new(d("2020-01-01"), d("2020-12-31")),
        &["2020-11-05"],
    );
    check("29.02", cal3(), &["2022-02-28", "2023-02-28", "2024-02-29"]);
    // Impossible dates are read as nothing at all (not as their year).
    unscheduled("31.02.2022", cal3());
    unscheduled("32.13.2022", cal3());
    unscheduled("29.02.2023", cal3());
    // "до" starts the span with the plan year.
    let s = derive("до 15.10.2021", school());
    assert_eq!(s.occurrences[0].start, d("2021-09-01"));
    // A plain date is a single day.
    let s = derive("15.10.2021", school());
    assert_eq!(s.occurrences[0].start, d("2021-10-15"));
}

#[test]
fn day_and_month_in_words() {
    check("25 мая", school(), &["2022-05-25"]);
    check("до 1 декабря", school(), &["2021-12-01"]);
    check("к 1 сентября", school(), &["2021-09-01"]);
    check("в срок до 15 октября", school(), &["2021-10-15"]);
    check("не позднее 15 ноября 2021", school(), &["2021-11-15"]);
    check("не позднее 15 ноября 2021 г.", school(), &["2021-11-15"]);
    check("до 1 декабря 2022 года", cal3(), &["2022-12-01"]);
    check(
        "до 1 марта",
        cal3(),
        &["2022-03-01", "2023-03-01", "2024-03-01"],
    );
    check("1-15 сентября", school(), &["2021-09-15"]);
    check("с 1 по 15 сентября 2021 г.", school(), &["2021-09-15"]);
    check("с 25 мая по 15 июня", school(), &["2022-06-15"]);
    check("с 01.09 по 30.09", school(), &["2021-09-30"]);
    let s = derive("1-15 сентября", school());
    assert_eq!(s.occurrences[0].start, d("2021-09-01"));
    // "31 апреля" and "29 февраля 2023" name no day.
    unscheduled("31 апреля", school());
    unscheduled("29 февраля 2023 г.", cal3());
    check("29 февраля 2024 г.", cal3(), &["2024-02-29"]);
}

#[test]
fn quarters() {
    check("I квартал", school(), &["2022-03-31"]);
    check("IV квартал", school(), &["2021-12-31"]);
    check("1 кв. 2022", school(), &["2022-03-31"]);
    check("1кв.2022", school(), &["2022-03-31"]);
    check("IVкв. 2021", school(), &["2021-12-31"]);
    check("в III квартале 2022 г.", cal3(), &["2022-09-30"]);
    check(
        "2-й квартал",
        cal3(),
        &["2022-06-30", "2023-06-30", "2024-06-30"],
    );
    check("в первом квартале 2023 года", cal3(), &["2023-03-31"]);
    check("III-IV кв.", school(), &["2021-12-31"]);
    check("I–II квартал 2023", cal3(), &["2023-06-30"]);
    // A quarter that does not exist.
    unscheduled("5 квартал", cal3());
}

#[test]
fn halves_and_terms() {
    // In a school year the first half ends on 31 December.
    check("первое полугодие", school(), &["2021-12-31"]);
    check("1 полугодие", school(), &["2021-12-31"]);
    check("1-е полугодие", school(), &["2021-12-31"]);
    check("во 2-м полугодии", school(), &["2022-08-31"]);
    check("IIполугодие", school(), &["2022-08-31"]);
    check("II полугодие 2021-2022 уч. года", cal3(), &["2022-08-31"]);
    check(
        "I полугодие 2022-2023 учебного года",
        cal3(),
        &["2022-12-31"],
    );
    // In a calendar plan halves are calendar halves.
    check(
        "I полугодие",
        cal3(),
        &["2022-06-30", "2023-06-30", "2024-06-30"],
    );
    check("2 полугодие 2023 г.", cal3(), &["2023-12-31"]);
    check("I четверть", school(), &["2021-10-31"]);
    check("III четверть", school(), &["2022-03-31"]);
}

#[test]
fn bare_years_and_spans_of_years() {
    check("2021", school(), &["2021-12-31"]);
    check("2022 год", cal3(), &["2022-12-31"]);
    check("в 2023 году", cal3(), &["2023-12-31"]);
    check("в течение 2022 года", cal3(), &["2022-12-31"]);
    check("2022, 2023 гг.", cal3(), &["2022-12-31", "2023-12-31"]);
    check("2021-2022", school(), &["2022-08-31"]);
    check("2021-2022 гг.", school(), &["2022-08-31"]);
    check("2021 – 2022 г.г.", school(), &["2022-08-31"]);
    check("2021/2022 учебный год", school(), &["2022-08-31"]);
    check("2021/22 уч. г.", school(), &["2022-08-31"]);
    check(
        "в течение 2021-2022 учебного года",
        school(),
        &["2022-08-31"],
    );
    // In a calendar plan a span ends with the calendar year, a school year on 31 August.
    check("2022-2023", cal3(), &["2023-12-31"]);
    check("2022-2024 годы", cal3(), &["2024-12-31"]);
    check("с 2022 по 2024 год", cal3(), &["2024-12-31"]);
    check("2022-2023 учебный год", cal3(), &["2023-08-31"]);
    // A span in a plan of three school years ends with the school year.
    check(
        "2021-2022",
        Period::new(d("2021-09-01"), d("2024-08-31")),
        &["2022-08-31"],
    );
    // Years outside 1900..=2200 are no years.
    unscheduled("99999999 год", cal3());
    unscheduled("3000", cal3());
    unscheduled("1812 год", cal3());
    let s = derive("2021-2022", school());
    assert_eq!(s.occurrences[0].start, d("2021-09-01"));
}

#[test]
fn period_phrases() {
    check("в течение года", school(), &["2022-08-31"]);
    check("в течение учебного года", school(), &["2022-08-31"]);
    check("В течении года", school(), &["2022-08-31"]);
    check("на протяжении всего года", school(), &["2022-08-31"]);
    check("до конца учебного года", school(), &["2022-08-31"]);
    check("ежегодно", school(), &["2022-08-31"]);
    check("круглогодично", school(), &["2022-08-31"]);
    check(
        "В течение года",
        cal3(),
        &["2022-12-31", "2023-12-31", "2024-12-31"],
    );
    check(
        "ежегодно",
        cal3(),
        &["2022-12-31", "2023-12-31", "2024-12-31"],
    );
    check(
        "раз в год",
        cal3(),
        &["2022-12-31", "2023-12-31", "2024-12-31"],
    );
    check(
        "ежегодно в июне",
        cal3(),
        &["2022-06-30", "2023-06-30", "2024-06-30"],
    );
    check(
        "каждый год в мае",
        cal3(),
        &["2022-05-31", "2023-05-31", "2024-05-31"],
    );
    check(
        "ежегодно до 1 марта",
        cal3(),
        &["2022-03-01", "2023-03-01", "2024-03-01"],
    );
    check("постоянно", cal3(), &["2024-12-31"]);
    check("в постоянном режиме", cal3(), &["2024-12-31"]);
    check("в течение всего периода", cal3(), &["2024-12-31"]);
    check("весь период", cal3(), &["2024-12-31"]);
    check(
        "на протяжении всего срока реализации",
        cal3(),
        &["2024-12-31"],
    );
    check(
        "в период реализации дорожной карты",
        cal3(),
        &["2024-12-31"],
    );
    // A recognised period phrase wins over a reference after it.
    check(
        "в течение года в соответствии с ежегодным планом повышения квалификации",
        school(),
        &["2022-08-31"],
    );
    check("в течение года (по плану РМО)", school(), &["2022-08-31"]);
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
    check(
        "ежеквартально",
        school(),
        &["2021-09-30", "2021-12-31", "2022-03-31", "2022-06-30"],
    );
    check(
        "раз в квартал",
        school(),
        &["2021-09-30", "2021-12-31", "2022-03-31", "2022-06-30"],
    );
    assert_eq!(due_dates("поквартально", cal3()).len(), 12);
    assert_eq!(due_dates("ежемесячно", school()).len(), 12);
    assert_eq!(due_dates("каждый месяц", cal3()).len(), 36);
    assert_eq!(due_dates("1 раз в месяц", school()).len(), 12);
    check(
        "один раз в полугодие",
        school(),
        &["2021-12-31", "2022-08-31"],
    );
    check("по полугодиям", school(), &["2021-12-31", "2022-08-31"]);
    check(
        "2 раза в год",
        cal3(),
        &[
            "2022-06-30",
            "2022-12-31",
            "2023-06-30",
            "2023-12-31",
            "2024-06-30",
            "2024-12-31",
        ],
    );
    check(
        "не реже 2 раз в год",
        school(),
        &["2021-12-31", "2022-08-31"],
    );
    check("дважды в год", school(), &["2021-12-31", "2022-08-31"]);
    // "2-3 раза" counts its lower bound.
    assert_eq!(due_dates("2-3 раза в год", school()).len(), 2);
    check(
        "3 раза в год",
        school(),
        &["2021-12-31", "2022-04-30", "2022-08-31"],
    );
    check(
        "три раза в учебный год",
        school(),
        &["2021-12-31", "2022-04-30", "2022-08-31"],
    );
    assert_eq!(due_dates("4 раза в год", cal3()).len(), 12);
    assert_eq!(due_dates("5 раз в год", school()).len(), 5);
    // School terms end in October, December, March and May.
    check(
        "по четвертям",
        school(),
        &["2021-10-31", "2021-12-31", "2022-03-31", "2022-05-31"],
    );
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
    // Continuous work is marked once a plan year.
    check("еженедельно", school(), &["2022-08-31"]);
    check("1 раз в неделю", school(), &["2022-08-31"]);
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
fn seasons() {
    check("весна", school(), &["2022-05-31"]);
    check("летом 2022 года", cal3(), &["2022-08-31"]);
    check("в летний период", school(), &["2022-08-31"]);
    check("в летний период 2022 года", cal3(), &["2022-08-31"]);
    check("осенью", school(), &["2021-11-30"]);
    check("зимой", school(), &["2022-02-28"]);
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
    explained(
        "по отдельному графику",
        school(),
        "без срока: по отдельному графику",
    );
    explained("По графику МО", school(), "без срока: по графику");
    explained("по плану работы УО", school(), "без срока: по плану");
    explained(
        "по мере необходимости",
        school(),
        "без срока: по мере необходимости",
    );
    explained(
        "в течение месяца",
        school(),
        "без срока: срок отсчитывается от события",
    );
    explained("с 1 сентября", school(), "без срока: указано только начало");
    explained("", school(), "без срока: срок не указан");
    explained("нет", school(), "без срока: срок не распознан");
    // A date after the reference clause (a new part) is a date.
    check("по плану УО, ноябрь", school(), &["2021-11-30"]);
    check(
        "По графику: март, май",
        school(),
        &["2022-03-31", "2022-05-31"],
    );
    check("в течение месяца, сентябрь", school(), &["2021-09-30"]);
}

#[test]
fn dates_outside_the_period_are_dropped_and_said_so() {
    check("2022", school(), &[]);
    explained(
        "2022",
        school(),
        "без срока: вне периода плана (31.12.2022)",
    );
    check("Март 2022, 2023", school(), &["2022-03-31"]);
    explained(
        "Март 2022, 2023",
        school(),
        "31.03.2022, 31.03.2023 (вне периода плана)",
    );
}

#[test]
fn explanations() {
    explained("Январь 2022", school(), "31.01.2022");
    explained("до 15.10.2021", school(), "до 15.10.2021");
    explained("май, декабрь", cal3(), "каждый год: 31 мая и 31 декабря");
    explained(
        "январь, март, июнь, ноябрь,",
        school(),
        "каждый год: 31 января, 31 марта, 30 июня и 30 ноября",
    );
    explained(
        "август-сентябрь",
        school(),
        "каждый год: 1 августа – 30 сентября",
    );
    explained(
        "ноябрь 2021 – январь 2022",
        school(),
        "01.11.2021–31.01.2022",
    );
    explained("ежеквартально", school(), "ежеквартально: 4 срока");
    explained("ежеквартально", cal3(), "ежеквартально: 12 сроков");
    explained("3 раза в год", school(), "3 раза в год: 3 срока");
    explained("в течение года", school(), "в течение года: до 31.08.2022");
    explained(
        "в течение года",
        cal3(),
        "в течение года: до 31 декабря каждого года",
    );
    explained("постоянно", school(), "весь период: до 31.08.2022");
    explained("2021-2022", school(), "2021–2022: до 31.08.2022");
    explained(
        "сентябрь, в течение года",
        school(),
        "каждый год: 30 сентября; в течение года: до 31.08.2022",
    );
    explained("Март 2022, июнь", cal3(), "31.03.2022, 30.06.2022");
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
    check("2200-2201", cal3(), &[]);
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
