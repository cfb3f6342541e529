//! Due dates as an iCalendar file (RFC 5545), for Thunderbird, Outlook, Google and phone calendars. Pure.
//!
//! One all-day `VEVENT` per occurrence (measure × due date): `DTSTART;VALUE=DATE` on the due date, `DTEND` the
//! day after (RFC 5545 §3.6.1: the end of an all-day event is exclusive). The `UID` is made of the measure's
//! id and the date, so importing a newer export into the same calendar updates the events instead of
//! duplicating them; `DTSTAMP` is the measure's `updated_at`, so the same data gives the same bytes.
//!
//! Written by hand rather than with a crate: the subset is small, and the two rules that matter are easy to
//! get wrong in general-purpose writers — lines are folded at 75 *octets* without splitting a UTF-8 character
//! (Cyrillic takes two octets a letter), and `\ ; ,` and line breaks in text are escaped.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};

use crate::model::{Measure, Plan, Timestamp};

/// The product identifier written in `PRODID`.
pub const PRODID: &str = concat!(
    "-//Roadmap Planner//roadmap-planner ",
    env!("CARGO_PKG_VERSION"),
    "//RU"
);

/// The most octets of a content line before it is folded (RFC 5545 §3.1), the line break not counted.
const MAX_LINE_OCTETS: usize = 75;

/// The iCalendar text of a plan's due dates: CRLF line endings, folded, escaped.
pub fn to_ics(plan: &Plan) -> String {
    let mut out = Writer::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line(&format!("PRODID:{PRODID}"));
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.line(&format!("X-WR-CALNAME:{}", escape_text(&plan.title)));
    for measure in plan.measures() {
        let mut written: HashSet<NaiveDate> = HashSet::with_capacity(measure.due.len());
        for &due in &measure.due {
            // Due dates are distinct by construction; a duplicate would give two events with one UID.
            // A set keeps the check constant-time however many dates a measure has.
            if !written.insert(due) {
                continue;
            }
            event(&mut out, measure, due);
        }
    }
    out.line("END:VCALENDAR");
    out.text
}

/// The number of events [`to_ics`] writes for a plan: one per distinct (measure, due date).
pub fn event_count(plan: &Plan) -> usize {
    plan.measures()
        .map(|m| {
            let mut due = m.due.clone();
            due.sort_unstable();
            due.dedup();
            due.len()
        })
        .sum()
}

/// The stable identifier of one occurrence: `<measure-id>-<yyyymmdd>@roadmap-planner`.
pub fn uid(measure: &Measure, due: NaiveDate) -> String {
    format!("{}-{}@roadmap-planner", measure.id, due.format("%Y%m%d"))
}

fn event(out: &mut Writer, m: &Measure, due: NaiveDate) {
    let end = due.checked_add_days(Days::new(1)).unwrap_or(due);
    out.line("BEGIN:VEVENT");
    out.line(&format!("UID:{}", uid(m, due)));
    out.line(&format!("DTSTAMP:{}", timestamp(m.updated_at)));
    out.line(&format!("DTSTART;VALUE=DATE:{}", due.format("%Y%m%d")));
    out.line(&format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
    out.line(&format!("SUMMARY:{}", escape_text(&summary(m))));
    let description = description(m);
    if !description.is_empty() {
        out.line(&format!("DESCRIPTION:{}", escape_text(&description)));
    }
    // A deadline does not make the day busy.
    out.line("TRANSP:TRANSPARENT");
    out.line("END:VEVENT");
}

/// "6.5 Совещание руководителей…": the number and the title on one line.
fn summary(m: &Measure) -> String {
    let title = m.title.split_whitespace().collect::<Vec<_>>().join(" ");
    let number = m.number.trim();
    if number.is_empty() {
        title
    } else {
        format!("{number} {title}")
    }
}

/// Who is responsible and what the result is, each on its own line when present.
fn description(m: &Measure) -> String {
    let mut parts = Vec::new();
    if !m.responsible.trim().is_empty() {
        parts.push(format!("Ответственные: {}", m.responsible.trim()));
    }
    if !m.result.trim().is_empty() {
        parts.push(format!("Результат: {}", m.result.trim()));
    }
    parts.join("\n")
}

/// A UTC time as `YYYYMMDDTHHMMSSZ`.
fn timestamp(t: Timestamp) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): `\` `;` `,` get a backslash, any line break becomes `\n`,
/// other control characters (not allowed in TEXT) are dropped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (RFC 5545 §3.1): at most 75 octets a line, continuation lines start with a
/// space, never splitting a UTF-8 character. Every line ends with CRLF.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 60 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            // The leading space counts towards the continuation line's 75 octets.
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

#[derive(Default)]
struct Writer {
    text: String,
}

impl Writer {
    fn line(&mut self, line: &str) {
        self.text.push_str(&fold_line(line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::date;
    use crate::model::{Period, Section};

    fn plan() -> Plan {
        let mut plan = Plan::new("Дорожная карта; тест, 2021", Period::school_year(2021));
        let mut section = Section::new("6", "Качество подготовки");
        let mut m = Measure::new(
            "6.5",
            "Совещание руководителей\nобщеобразовательных организаций",
        );
        m.due = vec![date(2021, 10, 31), date(2022, 8, 31)];
        m.responsible = "Управление образованием, руководители ОО".into();
        m.result = "Протокол; план работы".into();
        m.updated_at = chrono::DateTime::from_timestamp(1_634_300_000, 0).unwrap();
        section.measures.push(m);
        section.measures.push(Measure::new("6.9", "Без срока"));
        plan.sections.push(section);
        plan
    }

    #[test]
    fn escaping_follows_rfc_5545() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(
            escape_text("одна\nдве\r\nтри\rчетыре"),
            r"одна\nдве\nтри\nчетыре"
        );
        assert_eq!(escape_text("таб\tконец\u{7}"), "таб конец");
    }

    #[test]
    fn long_cyrillic_lines_fold_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "Ж".repeat(100));
        let folded = fold_line(&line);
        assert!(folded.ends_with("\r\n"));
        let physical: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(physical.len() > 2);
        for (i, l) in physical.iter().enumerate() {
            assert!(l.len() <= 75, "line {i} has {} octets", l.len());
            if i > 0 {
                assert!(l.starts_with(' '));
            }
        }
        // "SUMMARY:" is 8 octets; 33 letters of 2 octets fill 74, the 34th would make 76.
        assert_eq!(physical[0].len(), 74);
        // Unfolding gives the line back.
        let unfolded: String = physical
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, line);
        // A short line is left alone; an exactly 75-octet line is not folded.
        assert_eq!(fold_line("VERSION:2.0"), "VERSION:2.0\r\n");
        let ascii = "X".repeat(75);
        assert_eq!(fold_line(&ascii), format!("{ascii}\r\n"));
        assert_eq!(fold_line(&"X".repeat(76)), format!("{ascii}\r\n X\r\n"));
    }

    #[test]
    fn one_event_per_due_date_with_stable_uids() {
        let plan = plan();
        let ics = to_ics(&plan);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "CRLF only");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
        assert_eq!(event_count(&plan), 2);
        let m = &plan.sections[0].measures[0];
        let uid_line = format!("UID:{}-20211031@roadmap-planner", m.id);
        assert!(ics.contains(&uid_line));
        assert!(ics.contains("DTSTART;VALUE=DATE:20211031\r\nDTEND;VALUE=DATE:20211101\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20220831\r\nDTEND;VALUE=DATE:20220901\r\n"));
        assert!(ics.contains("DTSTAMP:20211015T121320Z\r\n"));
        assert!(ics.contains("X-WR-CALNAME:Дорожная карта\\; тест\\, 2021\r\n"));
        // Deterministic: the same plan gives the same bytes; the UID depends only on measure and date.
        assert_eq!(to_ics(&plan), ics);
        let mut edited = plan.clone();
        edited.sections[0].measures[0].title = "Другое название".into();
        assert!(to_ics(&edited).contains(&uid_line));
        assert_eq!(uid(m, date(2021, 10, 31)), uid_line[4..]);
        // The summary is on one line; the description joins responsible and result.
        let unfolded = ics.replace("\r\n ", "");
        assert!(
            unfolded.contains(
                "SUMMARY:6.5 Совещание руководителей общеобразовательных организаций\r\n"
            )
        );
        assert!(unfolded.contains(
            "DESCRIPTION:Ответственные: Управление образованием\\, руководители ОО\\nРезультат: Протокол\\; план работы\r\n"
        ));
    }

    #[test]
    fn a_repeated_due_date_gives_one_event() {
        let mut plan = plan();
        let measure = &mut plan.sections[0].measures[0];
        let day = measure.due[0];
        measure.due = vec![day, day, day];
        let text = to_ics(&plan);
        assert_eq!(
            text.matches(&format!("UID:{}", uid(&plan.sections[0].measures[0], day)))
                .count(),
            1
        );
    }
}
