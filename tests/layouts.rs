//! Road maps in the layouts offices really write, read cell for cell as the hand-written
//! `tests/fixtures/layouts/*.expected.json` say: a two-row header with a column per year (Word, Excel, CSV,
//! TSV), «Сроки» split into start and end, a table continued in a second one with its header repeated.
//! And the round trip: the plan exported as Word, Excel and CSV reads back the same, years included.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use roadmap_planner::exchange::csv_export::grid_csv;
use roadmap_planner::exchange::docx::{read_docx, write_docx};
use roadmap_planner::exchange::table_import::file::read_source;
use roadmap_planner::exchange::xlsx::{read_xlsx, write_xlsx};
use roadmap_planner::model::Plan;
use serde_json::Value;

/// The fixed today of these reads: the school year taken when a document names none is 2021–2022.
const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();

fn path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/layouts")
        .join(name)
}

fn expected(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path(name)).unwrap()).unwrap()
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(path(name)).unwrap()
}

/// A day when no school year of the fixtures runs (their periods must come from the documents).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

/// The plan of a CSV/TSV file, read as the Обмен screen reads it.
fn table_plan(name: &str) -> Plan {
    let source = read_source(&path(name), today()).unwrap_or_else(|e| panic!("{name}: {e}"));
    source.file.plans.into_iter().next().unwrap()
}

/// Header texts that must never become a measure.
const HEADER_WORDS: [&str; 8] = [
    "№ п/п",
    "Мероприятия",
    "Мероприятие",
    "Наименование мероприятия",
    "2020",
    "начало",
    "1",
    "Ключевые мероприятия, сроки реализации",
];

/// Every difference between a read plan and the expected JSON. Text is compared exactly (line breaks
/// kept), ends trimmed.
fn differences(plan: &Plan, want: &Value, with_period: bool) -> Vec<String> {
    let mut out = Vec::new();
    let s = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().trim().to_owned();
    if with_period {
        if plan.title.trim() != s(want, "title") {
            out.push(format!("title {:?}", plan.title));
        }
        let period = &want["period"];
        if plan.period.from.to_string() != s(period, "from")
            || plan.period.to.to_string() != s(period, "to")
        {
            out.push(format!("period {:?}", plan.period));
        }
    }
    let sections = want["sections"].as_array().unwrap();
    if plan.sections.len() != sections.len() {
        out.push(format!(
            "{} sections instead of {}: {:?}",
            plan.sections.len(),
            sections.len(),
            plan.sections.iter().map(|s| &s.title).collect::<Vec<_>>()
        ));
    }
    for (got, want) in plan.sections.iter().zip(sections) {
        for (field, value) in [("number", &got.number), ("title", &got.title)] {
            if value.trim() != s(want, field) {
                out.push(format!("section {}: {field} {value:?}", s(want, "number")));
            }
        }
        let measures = want["measures"].as_array().unwrap();
        if got.measures.len() != measures.len() {
            out.push(format!(
                "section {}: {} measures instead of {}: {:?}",
                s(want, "number"),
                got.measures.len(),
                measures.len(),
                got.measures.iter().map(|m| &m.title).collect::<Vec<_>>()
            ));
        }
        for (m, w) in got.measures.iter().zip(measures) {
            let n = s(w, "number");
            for (field, value) in [
                ("number", &m.number),
                ("title", &m.title),
                ("deadline", &m.deadline),
                ("responsible", &m.responsible),
                ("result", &m.result),
                ("documents", &m.documents),
                ("notes", &m.notes),
            ] {
                if value.trim() != s(w, field) {
                    out.push(format!(
                        "measure {n}: {field} {:?} instead of {:?}",
                        value.trim(),
                        s(w, field)
                    ));
                }
            }
            let mut yearly: Vec<(String, String)> = w["yearly"]
                .as_object()
                .map(|o| {
                    o.iter()
                        .map(|(y, t)| (y.clone(), t.as_str().unwrap().to_owned()))
                        .collect()
                })
                .unwrap_or_default();
            yearly.sort();
            let got_yearly: Vec<(String, String)> = m
                .yearly
                .iter()
                .filter(|y| !y.text.trim().is_empty())
                .map(|y| (y.year.to_string(), y.text.trim().to_owned()))
                .collect();
            if got_yearly != yearly {
                out.push(format!(
                    "measure {n}: yearly {got_yearly:?} instead of {yearly:?}"
                ));
            }
            if with_period && let Some(due) = w["due"].as_array() {
                let due: Vec<String> = due.iter().map(|d| d.as_str().unwrap().into()).collect();
                let got: Vec<String> = m.due.iter().map(|d| d.to_string()).collect();
                if got != due {
                    out.push(format!("measure {n}: due {got:?} instead of {due:?}"));
                }
            }
        }
    }
    for m in plan.measures() {
        if HEADER_WORDS.contains(&m.title.trim()) || HEADER_WORDS.contains(&m.number.trim()) {
            out.push(format!(
                "a header row became a measure: {:?} {:?}",
                m.number, m.title
            ));
        }
    }
    out
}

fn assert_reads(plan: &Plan, expected_name: &str, with_period: bool) {
    let diff = differences(plan, &expected(expected_name), with_period);
    assert!(
        diff.is_empty(),
        "{} differences:\n{}",
        diff.len(),
        diff.join("\n")
    );
}

#[test]
fn word_with_a_column_per_year_reads_cell_for_cell() {
    let import = read_docx(&bytes("years.docx"), "years", TODAY).unwrap();
    assert_reads(&import.plan, "years.expected.json", true);
}

#[test]
fn excel_with_the_header_on_rows_3_and_4_reads_cell_for_cell() {
    let import = read_xlsx(&bytes("years.xlsx"), "years", TODAY).unwrap();
    assert_reads(&import.plan, "years.expected.json", true);
}

#[test]
fn csv_and_tsv_with_a_second_header_row_of_years_read_cell_for_cell() {
    for name in ["years.csv", "years.tsv"] {
        let plan = table_plan(name);
        let diff = differences(&plan, &expected("years.expected.json"), false);
        assert!(diff.is_empty(), "{name}: {}", diff.join("\n"));
    }
}

#[test]
fn start_and_end_columns_make_one_deadline_and_extra_columns_go_to_notes() {
    let import = read_docx(&bytes("start-end.docx"), "start-end", TODAY).unwrap();
    assert_reads(&import.plan, "start-end.expected.json", true);
}

#[test]
fn a_table_continued_with_its_header_repeated_reads_as_one() {
    let import = read_docx(&bytes("split.docx"), "split", TODAY).unwrap();
    assert_reads(&import.plan, "split.expected.json", true);
}

#[test]
fn years_survive_the_round_trip_through_word_excel_and_csv() {
    let original = read_docx(&bytes("years.docx"), "years", TODAY)
        .unwrap()
        .plan;
    let docx = read_docx(&write_docx(&original).unwrap(), "x", TODAY)
        .unwrap()
        .plan;
    assert_reads(&docx, "years.expected.json", true);
    let xlsx = read_xlsx(&write_xlsx(&original, &[], &[]).unwrap(), "x", TODAY)
        .unwrap()
        .plan;
    assert_reads(&xlsx, "years.expected.json", true);

    let dir = std::env::temp_dir().join(format!("layouts-roundtrip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("years-export.csv");
    std::fs::write(&file, grid_csv(&original, None)).unwrap();
    let csv = read_source(&file, today()).unwrap().file.plans.remove(0);
    std::fs::remove_dir_all(&dir).ok();
    assert_reads(&csv, "years.expected.json", false);
}

#[test]
fn notes_and_joined_deadlines_survive_the_round_trip() {
    let original = read_docx(&bytes("start-end.docx"), "start-end", TODAY)
        .unwrap()
        .plan;
    let docx = read_docx(&write_docx(&original).unwrap(), "x", TODAY)
        .unwrap()
        .plan;
    assert_reads(&docx, "start-end.expected.json", true);
    let xlsx = read_xlsx(&write_xlsx(&original, &[], &[]).unwrap(), "x", TODAY)
        .unwrap()
        .plan;
    assert_reads(&xlsx, "start-end.expected.json", true);
    let dir = std::env::temp_dir().join(format!("layouts-notes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("start-end-export.csv");
    std::fs::write(&file, grid_csv(&original, None)).unwrap();
    let csv = read_source(&file, today()).unwrap().file.plans.remove(0);
    std::fs::remove_dir_all(&dir).ok();
    assert_reads(&csv, "start-end.expected.json", false);
}
