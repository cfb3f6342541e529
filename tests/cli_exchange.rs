//! Importing tables (TSV, Excel's Windows-1251 CSV), the preview (`--dry-run`), backups, restore and bad
//! table input, through the real binary on temporary databases.

use std::path::{Path, PathBuf};

use roadmap_planner::exchange::table_import::file::{decode_table, table_source};

#[path = "common/cli.rs"]
mod sandbox;
use sandbox::Sandbox;

const TSV: &str = include_str!("fixtures/roadmap-001.tsv");

/// The fixture as Excel saves it with «CSV (разделители — точки с запятой)» on a Russian Windows: `;`,
/// cells with `;`, quotes or line breaks quoted, CRLF, Windows-1251.
fn excel_cp1251_csv() -> Vec<u8> {
    let rows = roadmap_planner::exchange::table_import::parse_delimited(TSV, Some('\t'));
    let mut text = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains([';', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\"").replace('\n', "\r\n"))
                } else {
                    c.clone()
                }
            })
            .collect();
        text.push_str(&cells.join(";"));
        text.push_str("\r\n");
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(&text);
    assert!(!unmappable, "the fixture has characters Windows-1251 lacks");
    bytes.into_owned()
}

#[test]
fn the_fixture_tsv_and_its_excel_cp1251_csv_read_cell_for_cell_the_same() {
    let today = chrono::NaiveDate::from_ymd_opt(2022, 1, 24).unwrap();
    let tsv = table_source(
        &decode_table(TSV.as_bytes(), "roadmap-001".into()).unwrap(),
        None,
        today,
    )
    .unwrap();
    let csv_bytes = excel_cp1251_csv();
    let csv_text = decode_table(&csv_bytes, "roadmap-001".into()).unwrap();
    assert_eq!(
        csv_text.encoding,
        roadmap_planner::exchange::decode::Encoding::Windows1251
    );
    let csv = table_source(&csv_text, None, today).unwrap();
    let (a, b) = (&tsv.file.plans[0], &csv.file.plans[0]);
    assert_eq!(a.sections.len(), 9);
    assert_eq!(a.measure_count(), 58);
    assert_eq!(a.sections.len(), b.sections.len());
    for (sa, sb) in a.sections.iter().zip(&b.sections) {
        assert_eq!((&sa.number, &sa.title), (&sb.number, &sb.title));
        assert_eq!(sa.measures.len(), sb.measures.len());
        for (ma, mb) in sa.measures.iter().zip(&sb.measures) {
            assert_eq!(
                (
                    &ma.number,
                    &ma.title,
                    &ma.deadline,
                    &ma.responsible,
                    &ma.result
                ),
                (
                    &mb.number,
                    &mb.title,
                    &mb.deadline,
                    &mb.responsible,
                    &mb.result
                )
            );
        }
    }
    // The table names no school year: the current one is taken, and the notes say so.
    assert!(
        tsv.notes.iter().any(|n| n.contains("2021–2022")),
        "{:?}",
        tsv.notes
    );
}

fn db_bytes(db: &Path) -> Vec<u8> {
    std::fs::read(db).unwrap_or_default()
}

fn plan_list(sb: &Sandbox) -> String {
    sb.ok(&["--db", "a.sqlite", "list"])
}

#[test]
fn tables_import_with_a_preview_a_backup_and_can_be_restored() {
    let sb = Sandbox::new();
    let d = sb.dir();
    std::fs::write(d.join("roadmap-001.tsv"), TSV).unwrap();
    std::fs::write(d.join("excel.csv"), excel_cp1251_csv()).unwrap();
    sb.ok(&["--db", "a.sqlite", "list"]);

    let dry = sb.ok(&["--db", "a.sqlite", "import", "roadmap-001.tsv", "--dry-run"]);
    assert!(dry.contains("Мероприятия: добавится 58"), "{dry}");
    assert!(
        !plan_list(&sb).contains("roadmap-001"),
        "a dry run writes nothing"
    );

    let out = sb.ok(&["--db", "a.sqlite", "import", "roadmap-001.tsv"]);
    assert!(out.contains("Мероприятия: добавлено 58"), "{out}");
    assert!(out.contains("Резервная копия базы"), "{out}");
    assert!(
        out.contains("учебный год"),
        "the guessed period is said: {out}"
    );
    assert!(plan_list(&sb).contains("roadmap-001"));
    sb.ok(&["--db", "a.sqlite", "import", "excel.csv"]);

    let backups = sb.ok(&["--db", "a.sqlite", "backups"]);
    let first = backups
        .lines()
        .next()
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_owned();
    assert!(first.contains("backups/roadmap-"), "{backups}");
    sb.ok(&["--db", "a.sqlite", "restore", &first]);
    assert!(
        !plan_list(&sb).contains("roadmap-001"),
        "restored to before the first import"
    );

    sb.ok(&["--db", "a.sqlite", "example"]);
    let csv = sb.ok(&["--db", "a.sqlite", "export", "--format", "csv", "-o", "-"]);
    assert!(csv.starts_with("\u{feff}№;Мероприятие;"), "{csv}");
    assert!(csv.contains("\r\n"));
}

#[test]
fn bad_tables_are_refused_with_a_message_and_change_nothing() {
    let sb = Sandbox::new();
    let d = sb.dir();
    sb.ok(&["--db", "a.sqlite", "example"]);
    let db: PathBuf = d.join("a.sqlite");
    let utf16: Vec<u8> = "Мероприятие;Сроки\r\nа;б\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let garbage: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 251) as u8).collect();
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("empty.csv", Vec::new(), "пуст"),
        ("utf16.csv", utf16, "кодировку"),
        ("garbage.tsv", garbage, "кодировку"),
        (
            "noheader.csv",
            "а;б\r\nв;г\r\n".as_bytes().to_vec(),
            "заголовков",
        ),
        (
            "onlyheader.csv",
            "№;Мероприятие;Сроки\r\n".as_bytes().to_vec(),
            "Под строкой заголовков",
        ),
    ];
    for (name, bytes, message) in cases {
        std::fs::write(d.join(name), bytes).unwrap();
        let before = db_bytes(&db);
        let out = sb.run(&["--db", "a.sqlite", "import", name]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name}");
        assert!(err.contains(message), "{name}: {err}");
        assert_eq!(db_bytes(&db), before, "{name}: the database is unchanged");
        assert!(
            !d.join("backups").exists(),
            "{name}: no backup for a refused file"
        );
    }
}
