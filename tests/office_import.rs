//! Word and Excel road maps read as `roadmap-001.expected.json` says: the Word original, the same document
//! re-saved by LibreOffice (docx → odt → docx), and the plan written back as .docx and .xlsx.

use std::path::Path;

use roadmap_planner::exchange::docx::{read_docx, write_docx};
use roadmap_planner::exchange::office::OfficeImport;
use roadmap_planner::exchange::xlsx::{read_xlsx, write_xlsx};
use roadmap_planner::model::{Period, Plan};
use serde_json::Value;

/// The fixed today of these reads: the school year taken when a document names none is 2021–2022.
const TODAY: chrono::NaiveDate = chrono::NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();

/// Whitespace collapsed to single spaces, ends trimmed (the fixture's rule for comparing text).
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text(value: &Value, key: &str) -> String {
    collapse(value[key].as_str().unwrap_or_default())
}

/// Every difference between a read plan and the expected JSON, as lines.
fn differences(plan: &Plan) -> Vec<String> {
    let expected: Value =
        serde_json::from_str(include_str!("fixtures/roadmap-001.expected.json")).unwrap();
    let mut out = Vec::new();
    if collapse(&plan.title) != text(&expected, "title") {
        out.push(format!("title {:?}", plan.title));
    }
    let period = &expected["period"];
    if plan.period.from.to_string() != period["from"].as_str().unwrap()
        || plan.period.to.to_string() != period["to"].as_str().unwrap()
    {
        out.push(format!("period {:?}", plan.period));
    }
    let want_sections = expected["sections"].as_array().unwrap();
    if plan.sections.len() != want_sections.len() {
        out.push(format!("{} sections", plan.sections.len()));
    }
    for (si, (got, want)) in plan.sections.iter().zip(want_sections).enumerate() {
        for (field, value) in [("number", &got.number), ("title", &got.title)] {
            if collapse(value) != text(want, field) {
                out.push(format!("section {}: {field} {:?}", si + 1, value));
            }
        }
        let want_measures = want["measures"].as_array().unwrap();
        if got.measures.len() != want_measures.len() {
            out.push(format!(
                "section {}: {} measures",
                si + 1,
                got.measures.len()
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
                    out.push(format!(
                        "measure {}: {field} {:?} instead of {:?}",
                        text(w, "number"),
                        collapse(value),
                        text(w, field)
                    ));
                }
            }
        }
    }
    if Some(plan.measure_count() as u64) != expected["counts"]["measures"].as_u64() {
        out.push(format!("{} measures in all", plan.measure_count()));
    }
    out
}

fn assert_expected(import: &OfficeImport) {
    let diff = differences(&import.plan);
    assert!(
        diff.is_empty(),
        "{} differences:\n{}",
        diff.len(),
        diff.join("\n")
    );
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

#[test]
fn the_word_original_reads_cell_for_cell() {
    let import = read_docx(&fixture("roadmap-001.docx"), "roadmap-001", TODAY).unwrap();
    assert_expected(&import);
    let plan = &import.plan;
    assert!(
        plan.goal.starts_with("Создание условий для поддержки"),
        "{}",
        plan.goal
    );
    assert_eq!(plan.approval, "приказ № 14 от 24.01.2022");
    // Due dates are derived within the period.
    let first = &plan.sections[0].measures[1];
    assert_eq!(first.deadline, "Январь 2022");
    assert_eq!(
        first.due,
        [chrono::NaiveDate::from_ymd_opt(2022, 1, 31).unwrap()]
    );
}

#[test]
fn the_document_resaved_by_libreoffice_still_reads() {
    let import = read_docx(&fixture("roadmap-001.lo.docx"), "roadmap-001", TODAY).unwrap();
    assert_expected(&import);
}

#[test]
fn exported_docx_reads_back_with_every_cell() {
    let original = read_docx(&fixture("roadmap-001.docx"), "x", TODAY)
        .unwrap()
        .plan;
    let bytes = write_docx(&original).unwrap();
    let back = read_docx(&bytes, "x", TODAY).unwrap();
    assert_expected(&back);
    assert_same_cells(&original, &back.plan);
    assert_eq!(back.plan.goal, original.goal);
    assert_eq!(back.plan.approval, original.approval);
}

#[test]
fn exported_xlsx_reads_back_with_every_cell() {
    let original = read_docx(&fixture("roadmap-001.docx"), "x", TODAY)
        .unwrap()
        .plan;
    let bytes = write_xlsx(&original, &[], &[]).unwrap();
    let back = read_xlsx(&bytes, "x", TODAY).unwrap();
    assert_expected(&back);
    assert_same_cells(&original, &back.plan);
}

/// A plan with what the fixture lacks: line breaks, documents, per-year columns, calendar years, a
/// section without a number, characters XML escapes.
fn rich_plan() -> Plan {
    use roadmap_planner::model::{Measure, Section, YearActivity};
    let period = Period::new(
        chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    );
    let mut plan = Plan::new("Мероприятия «Школа & успех» <ШНОР>", period);
    plan.goal = "Повысить качество.".into();
    plan.tasks = vec!["Первая;".into(), "Вторая.".into()];
    let mut s1 = Section::new("1", "Организационные меры");
    let mut m = Measure::new("1.1", "Совещание \"директоров\"\nвторая строка");
    m.deadline = "Октябрь 2022, 2023, 2024".into();
    m.responsible = "УО;\nруководители ОО".into();
    m.result = "Протокол".into();
    m.documents = "Приказ № 5".into();
    m.yearly = vec![
        YearActivity {
            year: 2022,
            text: "Старт".into(),
        },
        YearActivity {
            year: 2024,
            text: "Итог".into(),
        },
    ];
    s1.measures.push(m);
    let mut s2 = Section::new("", "Мониторинг");
    let mut m2 = Measure::new("", "Анализ результатов");
    m2.deadline = "ежегодно".into();
    s2.measures.push(m2);
    plan.sections = vec![s1, s2];
    plan
}

#[test]
fn a_rich_plan_survives_both_formats() {
    let plan = rich_plan();
    for (name, back) in [
        (
            "docx",
            read_docx(&write_docx(&plan).unwrap(), "x", TODAY).unwrap(),
        ),
        (
            "xlsx",
            read_xlsx(&write_xlsx(&plan, &[], &[]).unwrap(), "x", TODAY).unwrap(),
        ),
    ] {
        assert_eq!(back.plan.title, plan.title, "{name}");
        assert_eq!(back.plan.period, plan.period, "{name}");
        assert_same_cells(&plan, &back.plan);
    }
}

fn assert_same_cells(a: &Plan, b: &Plan) {
    assert_eq!(a.sections.len(), b.sections.len());
    for (x, y) in a.sections.iter().zip(&b.sections) {
        assert_eq!((&x.number, &x.title), (&y.number, &y.title));
        assert_eq!(x.measures.len(), y.measures.len(), "section {}", x.title);
        for (m, n) in x.measures.iter().zip(&y.measures) {
            assert_eq!(m.number, n.number);
            assert_eq!(m.title, n.title);
            assert_eq!(m.deadline, n.deadline);
            assert_eq!(m.responsible, n.responsible);
            assert_eq!(m.result, n.result);
            assert_eq!(m.documents, n.documents);
            assert_eq!(m.yearly, n.yearly);
        }
    }
}
