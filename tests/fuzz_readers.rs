//! Fuzzing every reader of received files with proptest, briefly (a few hundred cases each, so CI stays
//! quick): arbitrary bytes, and structured mutations that keep a file well-formed enough to reach the deep
//! code — Word tables with random spans, Excel sheets with random cell references, merges and shared-string
//! counts, CSV with random delimiters and blank lines. Each must return (a plan or a Russian refusal) and
//! never panic; limits keep memory bounded.

use std::io::Write;

use proptest::prelude::*;
use roadmap_planner::exchange::docx::read_docx;
use roadmap_planner::exchange::table_import::file::decode_table;
use roadmap_planner::exchange::xlsx::read_xlsx;

/// The fixed today of these reads: the school year taken when a document names none is 2021–2022.
const TODAY: chrono::NaiveDate = chrono::NaiveDate::from_ymd_opt(2021, 10, 15).unwrap();

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 200,
        ..ProptestConfig::default()
    }
}

fn package(parts: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A refusal is a sentence in Russian.
fn russian(message: &str) -> bool {
    message
        .chars()
        .any(|c| ('а'..='я').contains(&c.to_ascii_lowercase()) || ('А'..='Я').contains(&c))
}

fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("№".to_owned()),
        Just("Мероприятие".to_owned()),
        Just("Сроки".to_owned()),
        Just("март".to_owned()),
        "[a-zа-я0-9 ]{0,12}",
    ]
}

fn word_cell() -> impl Strategy<Value = String> {
    (cell_text(), prop::option::of(0u64..5_000_000_000), prop::bool::ANY).prop_map(
        |(text, span, vmerge)| {
            let span = span.map(|s| format!(r#"<w:gridSpan w:val="{s}"/>"#)).unwrap_or_default();
            let vmerge = if vmerge { "<w:vMerge/>" } else { "" };
            format!(r#"<w:tc><w:tcPr>{span}{vmerge}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"#)
        },
    )
}

fn word_row() -> impl Strategy<Value = String> {
    (
        prop::option::of(0u64..5_000_000_000),
        prop::collection::vec(word_cell(), 0..8),
    )
        .prop_map(|(before, cells)| {
            let before = before
                .map(|b| format!(r#"<w:trPr><w:gridBefore w:val="{b}"/></w:trPr>"#))
                .unwrap_or_default();
            format!("<w:tr>{before}{}</w:tr>", cells.concat())
        })
}

fn excel_cell() -> impl Strategy<Value = String> {
    ("[A-Z]{1,3}", 1u64..2_000_000, cell_text()).prop_map(|(col, row, text)| {
        format!(r#"<c r="{col}{row}" t="inlineStr"><is><t>{text}</t></is></c>"#)
    })
}

fn merge() -> impl Strategy<Value = String> {
    ("[A-Z]{1,2}", 1u64..300, "[A-Z]{1,2}", 1u64..300)
        .prop_map(|(c1, r1, c2, r2)| format!(r#"<mergeCell ref="{c1}{r1}:{c2}{r2}"/>"#))
}

fn workbook(cells: &[String], merges: &[String], unique: u64) -> Vec<u8> {
    let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    package(&[
        ("_rels/.rels", r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned()),
        ("[Content_Types].xml", r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#.to_owned()),
        ("xl/workbook.xml", format!(r#"<workbook xmlns="{ns}" xmlns:r="{rel}"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>"#)),
        ("xl/_rels/workbook.xml.rels", r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#.to_owned()),
        ("xl/worksheets/sheet1.xml", format!(r#"<worksheet xmlns="{ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>№</t></is></c><c r="B1" t="inlineStr"><is><t>Мероприятие</t></is></c></row>{}</sheetData><mergeCells>{}</mergeCells></worksheet>"#, cells.concat(), merges.concat())),
        ("xl/sharedStrings.xml", format!(r#"<sst xmlns="{ns}" count="{unique}" uniqueCount="{unique}"><si><t>текст</t></si></sst>"#)),
    ])
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn exchange_json_of_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2_000)) {
        if let Err(e) = roadmap_planner::exchange::parse(&bytes) {
            prop_assert!(russian(&e.to_string()), "{e}");
        }
    }

    #[test]
    fn csv_of_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2_000)) {
        let _ = decode_table(&bytes, "таблица".into());
    }

    #[test]
    fn csv_with_random_delimiters_and_blank_lines(
        rows in prop::collection::vec(prop::collection::vec(cell_text(), 0..30), 0..50),
        delimiter in prop::sample::select(vec![";", ",", "\t"]),
        blank in 0usize..200,
    ) {
        let mut text = "№;Мероприятие;Сроки\n".to_owned();
        for row in rows {
            text.push_str(&row.join(delimiter));
            text.push_str(&"\n".repeat(1 + blank % 7));
        }
        if let Ok(table) = decode_table(text.as_bytes(), "таблица".into()) {
            prop_assert!(table.rows.iter().all(|r| r.len() <= 200));
        }
    }

    #[test]
    fn word_of_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2_000)) {
        if let Err(e) = read_docx(&bytes, "документ", TODAY) {
            prop_assert!(russian(&e.to_string()), "{e}");
        }
    }

    #[test]
    fn word_tables_with_random_spans(rows in prop::collection::vec(word_row(), 0..40)) {
        let document = format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>{}</w:tbl></w:body></w:document>"#,
            rows.concat()
        );
        let bytes = package(&[("word/document.xml", document)]);
        if let Err(e) = read_docx(&bytes, "документ", TODAY) {
            prop_assert!(russian(&e.to_string()), "{e}");
        }
    }

    #[test]
    fn excel_of_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2_000)) {
        if let Err(e) = read_xlsx(&bytes, "книга", TODAY) {
            prop_assert!(russian(&e.to_string()), "{e}");
        }
    }

    #[test]
    fn excel_sheets_with_random_cells_merges_and_counts(
        cells in prop::collection::vec(excel_cell(), 0..30),
        merges in prop::collection::vec(merge(), 0..30),
        unique in prop_oneof![Just(1u64), 0u64..5_000_000_000],
    ) {
        if let Err(e) = read_xlsx(&workbook(&cells, &merges, unique), "книга", TODAY) {
            prop_assert!(russian(&e.to_string()), "{e}");
        }
    }
}

/// The structured workbooks above are sound enough to reach the table reader (so the mutations test the
/// deep code, not just the package checks).
#[test]
fn the_structured_workbook_reaches_the_table_reader() {
    let cells = vec![r#"<c r="B2" t="inlineStr"><is><t>Семинар</t></is></c>"#.to_owned()];
    let merges = vec![r#"<mergeCell ref="A2:A3"/>"#.to_owned()];
    let read = read_xlsx(&workbook(&cells, &merges, 1), "книга", TODAY).unwrap();
    assert_eq!(read.plan.measure_count(), 1);
}

/// A workbook that names no period takes the school year of the given today (the app's frozen one), not
/// of the system clock, and says so.
#[test]
fn a_workbook_naming_no_period_takes_the_school_year_of_today() {
    let cells = vec![r#"<c r="B2" t="inlineStr"><is><t>Семинар</t></is></c>"#.to_owned()];
    let read = read_xlsx(&workbook(&cells, &[], 1), "книга", TODAY).unwrap();
    assert_eq!(
        read.plan.period,
        roadmap_planner::model::Period::new(
            chrono::NaiveDate::from_ymd_opt(2021, 9, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2022, 8, 31).unwrap()
        )
    );
    assert!(
        read.warnings.iter().any(|w| w.contains("2021–2022")),
        "{:?}",
        read.warnings
    );
}
