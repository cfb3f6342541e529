//! The ICS export of the bundled example, read back with a standard iCalendar parser (the `icalendar` crate).

use std::collections::HashSet;
use std::str::FromStr;

use chrono::NaiveDate;
use icalendar::{CalendarComponent, Component, DatePerhapsTime};
use roadmap_planner::exchange::ics;
use roadmap_planner::model::Plan;
use roadmap_planner::store::Store;

fn example_plan() -> Plan {
    let mut store = Store::open_in_memory().unwrap();
    let id = roadmap_planner::example::load_example(&mut store).unwrap();
    store.load_plan(id).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_example_has_one_event_per_due_date_and_parses() {
    let plan = example_plan();
    let text = ics::to_ics(&plan);

    // The raw text: CRLF only, no physical line over 75 octets.
    assert!(!text.replace("\r\n", "").contains(['\r', '\n']));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }

    let calendar = icalendar::Calendar::from_str(&text).expect("a standard parser reads it");
    assert_eq!(
        calendar.property_value("X-WR-CALNAME"),
        Some(plan.title.as_str())
    );
    assert_eq!(calendar.property_value("VERSION"), Some("2.0"));
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();

    let pairs: HashSet<(String, NaiveDate)> = plan
        .measures()
        .flat_map(|m| m.due.iter().map(move |d| (m.id.to_string(), *d)))
        .collect();
    assert!(pairs.len() > 40, "the example has many due dates");
    assert_eq!(
        events.len(),
        pairs.len(),
        "one event per (measure, due date)"
    );
    assert_eq!(ics::event_count(&plan), pairs.len());

    let uids: HashSet<&str> = events.iter().map(|e| e.get_uid().unwrap()).collect();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");

    // Each event sits on its due date, all day, and its UID names the measure and the date.
    let mut seen = HashSet::new();
    for e in &events {
        let Some(DatePerhapsTime::Date(start)) = e.get_start() else {
            panic!("all-day start expected: {:?}", e.get_start());
        };
        let Some(DatePerhapsTime::Date(end)) = e.get_end() else {
            panic!("all-day end expected");
        };
        assert_eq!(end, start.succ_opt().unwrap());
        let uid = e.get_uid().unwrap();
        let measure = uid.strip_suffix("@roadmap-planner").unwrap();
        let (measure, day) = measure.rsplit_once('-').unwrap();
        assert_eq!(day, start.format("%Y%m%d").to_string());
        assert!(pairs.contains(&(measure.to_owned(), start)), "{uid}");
        seen.insert((measure.to_owned(), start));
        assert!(e.get_timestamp().is_some(), "DTSTAMP");
    }
    assert_eq!(seen, pairs);

    // A Cyrillic summary with a comma survives folding and escaping: 6.5, due 31.10.2021.
    let m65 = plan.measures().find(|m| m.number == "6.5").unwrap();
    assert_eq!(m65.due, [date(2021, 10, 31)]);
    let e65 = events
        .iter()
        .find(|e| e.get_uid() == Some(ics::uid(m65, date(2021, 10, 31)).as_str()))
        .unwrap();
    let summary = e65.get_summary().unwrap();
    let title = m65.title.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(summary, format!("6.5 {title}"));
    assert!(summary.len() > 75, "long enough to be folded");
    let description = e65.get_description().unwrap();
    assert!(description.contains("Ответственные: "), "{description}");
    assert!(
        description.contains(m65.responsible.trim()),
        "{description}"
    );
}

#[test]
fn the_same_plan_gives_the_same_bytes() {
    let plan = example_plan();
    assert_eq!(ics::to_ics(&plan), ics::to_ics(&example_plan()));
}
