//! The phases of the benchmark that keep hostile files linear: what once took seconds or minutes must stay
//! proportional to the input.
//!
//! - `trust_ics`: the ICS export of one measure with 400,000 due dates (was 27 s).
//! - `trust_xlsx_merges`: reading a workbook whose sheet has 4,000 merged regions (was 16 s).
//! - `trust_deadline`: deriving the schedule of a 600 KB deadline text (was 10 s; now refused by length).

use std::io::Write;
use std::time::Instant;

use chrono::NaiveDate;
use roadmap_planner::model::{Measure, Period, Plan, Section};

/// The fixed today of these reads: the school year taken when a document names none is 2021–2022.
const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();

pub const PHASES: [(&str, &str); 3] = [
    ("trust_ics", "trust_ics_ms"),
    ("trust_xlsx_merges", "trust_xlsx_merges_ms"),
    ("trust_deadline", "trust_deadline_ms"),
];

pub fn run_phase(phase: &str) -> anyhow::Result<Option<f64>> {
    Ok(match phase {
        "trust_ics" => Some(ics_ms()),
        "trust_xlsx_merges" => Some(xlsx_merges_ms()?),
        "trust_deadline" => Some(deadline_ms()),
        _ => None,
    })
}

fn ics_ms() -> f64 {
    let mut plan = Plan::new("План", Period::school_year(2021));
    let mut section = Section::new("1", "Раздел");
    let mut measure = Measure::new("1.1", "Мероприятие");
    let start = NaiveDate::from_ymd_opt(1000, 1, 1).unwrap();
    measure.due = (0..400_000u64)
        .map(|d| start + chrono::Days::new(d))
        .collect();
    section.measures.push(measure);
    plan.sections.push(section);
    let begin = Instant::now();
    let text = roadmap_planner::exchange::ics::to_ics(&plan);
    let ms = begin.elapsed().as_secs_f64() * 1000.0;
    assert!(text.len() > 400_000);
    ms
}

fn xlsx_merges_ms() -> anyhow::Result<f64> {
    let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut rows = String::from(
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>№</t></is></c><c r="B1" t="inlineStr"><is><t>Мероприятие</t></is></c><c r="C1" t="inlineStr"><is><t>Сроки</t></is></c></row>"#,
    );
    let mut merges = String::new();
    for r in 2..=8_001 {
        rows.push_str(&format!(
            r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}" t="inlineStr"><is><t>Мероприятие {r}</t></is></c></row>"#
        ));
        if r % 2 == 0 {
            merges.push_str(&format!(r#"<mergeCell ref="C{r}:C{}"/>"#, r + 1));
        }
    }
    let parts = [
        ("_rels/.rels", r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned()),
        ("[Content_Types].xml", r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#.to_owned()),
        ("xl/workbook.xml", format!(r#"<workbook xmlns="{ns}" xmlns:r="{rel}"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>"#)),
        ("xl/_rels/workbook.xml.rels", r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned()),
        ("xl/worksheets/sheet1.xml", format!(r#"<worksheet xmlns="{ns}"><sheetData>{rows}</sheetData><mergeCells>{merges}</mergeCells></worksheet>"#)),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())?;
        zip.write_all(text.as_bytes())?;
    }
    let bytes = zip.finish()?.into_inner();
    let begin = Instant::now();
    let read = roadmap_planner::exchange::xlsx::read_xlsx(&bytes, "книга", TODAY)?;
    let ms = begin.elapsed().as_secs_f64() * 1000.0;
    assert!(read.plan.measure_count() > 7_000);
    Ok(ms)
}

fn deadline_ms() -> f64 {
    let text = "январь, март, ".repeat(600_000 / "январь, март, ".len());
    let begin = Instant::now();
    let schedule = roadmap_planner::schedule::derive(&text, Period::school_year(2021));
    let ms = begin.elapsed().as_secs_f64() * 1000.0;
    assert!(schedule.is_unscheduled());
    ms
}
