//! Importing a road map from a table (CSV/TSV, Word) proposes who executes each measure from its
//! responsible text; the exchange file keeps the value it carries.

use chrono::NaiveDate;
use roadmap_planner::exchange;
use roadmap_planner::model::{Executor, Measure};

fn measures_of(path: &str) -> Vec<Measure> {
    let today = NaiveDate::from_ymd_opt(2022, 1, 24).unwrap();
    let path = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    let path = std::path::Path::new(&path);
    let source = if exchange::office::is_office_path(path) {
        exchange::office::import_source(path, today).unwrap()
    } else {
        exchange::read_source(path, today).unwrap()
    };
    source.file.plans[0]
        .sections
        .iter()
        .flat_map(|s| s.measures.clone())
        .collect()
}

fn executor(measures: &[Measure], number: &str) -> Executor {
    measures
        .iter()
        .find(|m| m.number.trim_end_matches('.') == number)
        .unwrap_or_else(|| panic!("no measure {number}"))
        .executor
}

#[test]
fn a_tsv_and_a_word_road_map_get_proposed_executors() {
    for path in ["roadmap-001.tsv", "roadmap-001.docx"] {
        let measures = measures_of(path);
        // «Управление образованием» — the office's own (назначение муниципального координатора).
        assert_eq!(executor(&measures, "1.1"), Executor::Office, "{path}");
        // «Общеобразовательные организации».
        assert_eq!(executor(&measures, "1.3"), Executor::Schools, "{path}");
        // «Управление образованием, общеобразовательные организации».
        assert_eq!(executor(&measures, "2.1"), Executor::Both, "{path}");
        // «Руководители РМО».
        assert_eq!(executor(&measures, "6.6"), Executor::Office, "{path}");
    }
}
