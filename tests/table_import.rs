//! The road map copied from Word as tab-separated text reads exactly as `roadmap-001.expected.json` says.

use roadmap_planner::exchange::table_import::{parse_delimited, read_table};
use serde_json::Value;

/// Whitespace collapsed to single spaces, ends trimmed (the fixture's rule for comparing text).
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text(value: &Value, key: &str) -> String {
    collapse(value[key].as_str().unwrap_or_default())
}

#[test]
fn the_ivanteevka_table_reads_as_expected() {
    let tsv = include_str!("fixtures/roadmap-001.tsv");
    let expected: Value =
        serde_json::from_str(include_str!("fixtures/roadmap-001.expected.json")).unwrap();
    let import = read_table(&parse_delimited(tsv, None)).unwrap_or_else(|e| panic!("{e}"));

    let mut differences = Vec::new();
    let want_sections = expected["sections"].as_array().unwrap();
    if import.sections.len() != want_sections.len() {
        differences.push(format!(
            "sections: {} instead of {}",
            import.sections.len(),
            want_sections.len()
        ));
    }
    for (si, (got, want)) in import.sections.iter().zip(want_sections).enumerate() {
        for (field, value) in [("number", &got.number), ("title", &got.title)] {
            if collapse(value) != text(want, field) {
                differences.push(format!(
                    "section {}: {field} {:?} instead of {:?}",
                    si + 1,
                    collapse(value),
                    text(want, field)
                ));
            }
        }
        let want_measures = want["measures"].as_array().unwrap();
        if got.measures.len() != want_measures.len() {
            differences.push(format!(
                "section {}: {} measures instead of {}",
                si + 1,
                got.measures.len(),
                want_measures.len()
            ));
        }
        for (m, w) in got.measures.iter().zip(want_measures) {
            for (field, value) in [
                ("number", &m.number),
                ("title", &m.title),
                ("deadline", &m.deadline),
                ("responsible", &m.responsible),
                ("result", &m.result),
            ] {
                if collapse(value) != text(w, field) {
                    differences.push(format!(
                        "measure {}: {field} {:?} instead of {:?}",
                        text(w, "number"),
                        collapse(value),
                        text(w, field)
                    ));
                }
            }
        }
    }
    let measures = import.measure_count() as u64;
    if Some(measures) != expected["counts"]["measures"].as_u64() {
        differences.push(format!("{measures} measures in all"));
    }
    assert!(
        differences.is_empty(),
        "{} differences:\n{}",
        differences.len(),
        differences.join("\n")
    );
    assert!(import.title_lines.is_empty());
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
    // Multi-paragraph cells keep their line breaks (not only collapsed equality).
    let m72 = &import.sections[6].measures[1];
    assert_eq!(m72.deadline, "апрель\nянварь, июнь");
}
