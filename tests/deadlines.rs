//! Every row of `fixtures/deadlines.tsv` (real deadline phrases with their plan period and expected due
//! dates) must derive exactly as expected. All failing rows are reported at once.

use chrono::NaiveDate;
use roadmap_planner::model::Period;
use roadmap_planner::schedule;

const FIXTURE: &str = include_str!("fixtures/deadlines.tsv");

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .unwrap_or_else(|e| panic!("bad date {s:?}: {e}"))
}

/// What a row expects.
enum Expected {
    Dates(Vec<NaiveDate>),
    Unscheduled,
    Count(usize, usize),
}

fn expected(s: &str) -> Expected {
    let s = s.trim();
    if s == "unscheduled" {
        return Expected::Unscheduled;
    }
    if let Some(n) = s.strip_prefix("count=") {
        let (lo, hi) = n.split_once('-').unwrap_or((n, n));
        let num = |x: &str| {
            x.trim()
                .parse()
                .unwrap_or_else(|e| panic!("bad count {s:?}: {e}"))
        };
        return Expected::Count(num(lo), num(hi));
    }
    Expected::Dates(s.split(';').map(date).collect())
}

#[test]
fn every_fixture_row_derives_as_expected() {
    let mut rows = 0;
    let mut failures = Vec::new();
    for (n, line) in FIXTURE.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            4,
            "line {}: expected 4 columns: {line:?}",
            n + 1
        );
        rows += 1;
        let period = Period::new(date(cols[0]), date(cols[1]));
        let phrase = cols[2];
        let got = schedule::derive(phrase, period);
        let dues = got.due_dates();
        let ok = match expected(cols[3]) {
            Expected::Unscheduled => got.is_unscheduled(),
            Expected::Dates(want) => dues == want,
            Expected::Count(lo, hi) => (lo..=hi).contains(&dues.len()),
        };
        // Invariants hold for every row, whatever it expects.
        let sorted = dues.windows(2).all(|w| w[0] < w[1]);
        let inside = got
            .occurrences
            .iter()
            .all(|o| period.contains(o.due) && o.start <= o.due && period.contains(o.start));
        if !ok || !sorted || !inside || got.explanation.is_empty() {
            let dues: Vec<String> = dues.iter().map(ToString::to_string).collect();
            failures.push(format!(
                "line {}: {phrase:?} in {}..{}: expected {}, got [{}] ({})",
                n + 1,
                cols[0],
                cols[1],
                cols[3],
                dues.join(";"),
                got.explanation
            ));
        }
    }
    assert!(rows >= 39, "the fixture has {rows} rows");
    assert!(
        failures.is_empty(),
        "{} of {rows} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn fixture_copy_matches_the_shared_one_when_present() {
    // The project carries its own copy; when the shared original is around, they must be identical.
    let shared =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/deadlines.tsv");
    if let Ok(original) = std::fs::read_to_string(shared) {
        assert_eq!(
            original, FIXTURE,
            "tests/fixtures/deadlines.tsv differs from the shared fixture"
        );
    }
}
