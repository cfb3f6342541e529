//! Small crafted files that once crashed the program or ate the machine, generated here rather than kept
//! in the repository. Each is imported by the real program under a 512 MB memory cap (`prlimit --as`), so
//! an allocation failure or a panic shows as a failed run: each must be refused with a Russian message
//! naming the limit, and the database must be unchanged (its JSON export compared before and after).

// Linux: the cap is set with `prlimit`.
#![cfg(target_os = "linux")]

use std::process::Output;

#[path = "common/cli.rs"]
mod sandbox;
use sandbox::{BIN, Sandbox};

/// The memory cap of every crafted import.
const MEMORY_CAP: &str = "--as=536870912";

/// Runs the program under the memory cap.
fn run_capped(sb: &Sandbox, args: &[&str]) -> Output {
    sb.program("prlimit")
        .arg(MEMORY_CAP)
        .arg("--")
        .arg(BIN)
        .args(args)
        .output()
        .unwrap()
}

/// The database's whole export without its time stamp.
fn db_state(sb: &Sandbox) -> String {
    sb.export_without_time("db.sqlite")
}

/// A workbook calamine opens: one sheet with this `sheetData` content and what follows it (merges), and
/// this shared-strings part.
fn workbook(sheet_data: &str, after: &str, shared: &str) -> Vec<u8> {
    let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    sandbox::zip_package(&[
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#.into(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into(),
        ),
        (
            "xl/workbook.xml",
            format!(r#"<?xml version="1.0"?><workbook xmlns="{ns}" xmlns:r="{rel}"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>"#).into_bytes(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#.into(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(r#"<?xml version="1.0"?><worksheet xmlns="{ns}"><sheetData>{sheet_data}</sheetData>{after}</worksheet>"#).into_bytes(),
        ),
        ("xl/sharedStrings.xml", shared.as_bytes().to_vec()),
    ])
}

/// The header row of a road map, as inline strings.
fn header_row() -> String {
    let cell = |col: &str, text: &str| {
        format!(r#"<c r="{col}1" t="inlineStr"><is><t>{text}</t></is></c>"#)
    };
    format!(
        r#"<row r="1">{}{}{}</row>"#,
        cell("A", "№"),
        cell("B", "Мероприятие"),
        cell("C", "Сроки")
    )
}

const SHARED: &str = r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>текст</t></si></sst>"#;

/// A Word document whose body holds this XML.
fn document(body: &str) -> Vec<u8> {
    sandbox::zip_package(&[(
        "word/document.xml",
        format!(r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#).into_bytes(),
    )])
}

fn word_cell(props: &str, text: &str) -> String {
    format!(r#"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"#)
}

fn word_header() -> String {
    format!(
        "<w:tr>{}{}{}</w:tr>",
        word_cell("", "№"),
        word_cell("", "Мероприятие"),
        word_cell("", "Сроки")
    )
}

/// Each crafted file, and the limit its refusal must name.
fn crafted() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let far = format!(
        r#"{}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
        header_row()
    );
    let column_gr = format!(
        r#"{}<row r="100000"><c r="GR100000"><v>1</v></c></row>"#,
        header_row()
    );
    let lying_strings = r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4294967295" uniqueCount="4294967295"><si><t>текст</t></si></sst>"#;
    let merges = format!(
        "<mergeCells>{}</mergeCells>",
        r#"<mergeCell ref="A2:C400"/>"#.repeat(200_000)
    );
    let overlapping = format!(
        "<mergeCells>{}</mergeCells>",
        r#"<mergeCell ref="A2:C400"/>"#.repeat(4_000)
    );
    let grid_before = format!(
        r#"<w:tbl>{}<w:tr><w:trPr><w:gridBefore w:val="1000000000"/></w:trPr>{}</w:tr></w:tbl>"#,
        word_header(),
        word_cell("", "1")
    );
    let wide_spans = format!(
        "<w:tbl>{}{}</w:tbl>",
        word_header(),
        format!(
            "<w:tr>{}</w:tr>",
            word_cell(r#"<w:gridSpan w:val="64"/>"#, "x").repeat(4)
        )
        .repeat(500)
    );
    let mut blank_lines = b"\xE2\x84\x96;\xD0\x9C\xD0\xB5\xD1\x80\xD0\xBE\xD0\xBF\xD1\x80\xD0\xB8\xD1\x8F\xD1\x82\xD0\xB8\xD0\xB5\n".to_vec();
    blank_lines.resize(40 * 1024 * 1024, b'\n');
    let mut delimiters = "№;Мероприятие\n1;".as_bytes().to_vec();
    delimiters.resize(40 * 1024 * 1024, b';');
    delimiters.push(b'x');
    let wide_table = format!("{}\n", "a;".repeat(10_000)).repeat(450);
    let paragraphs = "<w:p/>".repeat(10_000_000);
    let big_cell = format!("№;Мероприятие\n1;\"{}\"\n", "я".repeat(3 * 1024 * 1024));
    vec![
        (
            "ячейка-XFD1048576.xlsx",
            workbook(&far, "", SHARED),
            "больше 100 000 строк",
        ),
        (
            "ячейка-GR100000.xlsx",
            workbook(&column_gr, "", SHARED),
            "больше 2 000 000 ячеек",
        ),
        (
            "строки-4294967295.xlsx",
            workbook(&header_row(), "", lying_strings),
            "больше 1 000 000 строк текста",
        ),
        (
            "объединения-200000.xlsx",
            workbook(&header_row(), &merges, SHARED),
            "больше 10 000 объединённых областей",
        ),
        (
            "объединения-4000.xlsx",
            workbook(
                &format!(
                    r#"{}<row r="400"><c r="C400"><v>1</v></c></row>"#,
                    header_row()
                ),
                &overlapping,
                SHARED,
            ),
            "перекрываются",
        ),
        (
            "gridBefore.docx",
            document(&grid_before),
            "больше 200 столбцов",
        ),
        (
            "gridSpan.docx",
            document(&wide_spans),
            "больше 200 столбцов",
        ),
        ("пустые-строки.csv", blank_lines, "больше 1 000 000 строк"),
        ("разделители.csv", delimiters, "больше 200 столбцов"),
        (
            "10000-столбцов.csv",
            wide_table.into_bytes(),
            "больше 200 столбцов",
        ),
        (
            "абзацы.docx",
            document(&paragraphs),
            "больше 1 000 000 абзацев",
        ),
        (
            "большая-ячейка.csv",
            big_cell.into_bytes(),
            "в ячейке таблицы больше 1 МБ текста",
        ),
    ]
}

#[test]
fn crafted_files_are_refused_under_a_memory_cap_and_change_nothing() {
    let sb = Sandbox::new();
    sb.ok(&["--db", "db.sqlite", "example"]);
    let before = db_state(&sb);
    for (name, bytes, limit) in crafted() {
        let path = sb.path(name);
        std::fs::write(&path, &bytes).unwrap();
        let out = run_capped(
            &sb,
            &["--db", "db.sqlite", "import", path.to_str().unwrap()],
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.contains("Файл отклонён"), "{name}: {stderr}");
        assert!(stderr.contains(limit), "{name}: {stderr}");
        assert_eq!(db_state(&sb), before, "{name} changed the database");
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn a_sound_crafted_workbook_still_imports_under_the_cap() {
    let sb = Sandbox::new();
    sb.ok(&["--db", "db.sqlite", "example"]);
    let data = format!(
        r#"{}<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>март</t></is></c></row>"#,
        header_row()
    );
    let path = sb.path("хорошая.xlsx");
    std::fs::write(
        &path,
        workbook(
            &data,
            r#"<mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>"#,
            SHARED,
        ),
    )
    .unwrap();
    let out = run_capped(
        &sb,
        &["--db", "db.sqlite", "import", path.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(db_state(&sb).contains("текст"));
}
