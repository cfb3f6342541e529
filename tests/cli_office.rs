//! Word and Excel through the command line on temporary databases: a good document imports as a new plan
//! and exports back; every bad one is refused with a clear Russian message and leaves the database as it
//! was.

use std::io::Write;
use std::path::Path;

#[path = "common/cli.rs"]
mod sandbox;
use sandbox::Sandbox;

/// What the database holds: the plan list and the whole export without its time stamp.
fn db_state(s: &Sandbox) -> String {
    let list = s.ok(&["--db", "db.sqlite", "list"]);
    format!("{list}\n{}", s.export_without_time("db.sqlite"))
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// An OLE compound file's first bytes with these stream names in its directory (as UTF-16LE).
fn compound(names: &[&str]) -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    for name in names {
        bytes.extend(name.encode_utf16().flat_map(u16::to_le_bytes));
        bytes.resize(bytes.len() + 64, 0);
    }
    bytes
}

#[test]
fn a_word_road_map_imports_as_a_new_plan_and_exports_as_word_and_excel() {
    let sb = Sandbox::new();
    let docx = sb.write("карта.docx", fixture("roadmap-001.docx"));
    let out = sb.ok(&["--db", "db.sqlite", "import", p(&docx)]);
    assert!(out.contains("мероприятий: 58"), "{out}");
    assert!(out.contains("01.09.2021–31.08.2022"), "{out}");
    let list = sb.ok(&["--db", "db.sqlite", "list"]);
    assert!(
        list.contains("Дорожная карта по реализации Концепции"),
        "{list}"
    );

    for format in ["docx", "xlsx"] {
        let name = format!("выгрузка.{format}");
        let out = sb.ok(&[
            "--db",
            "db.sqlite",
            "export",
            "--format",
            format,
            "-o",
            &name,
        ]);
        assert!(out.contains("мероприятий: 58"), "{out}");
        // The written document imports again, into another database, with the same counts.
        let again = sb.ok(&["--db", "other.sqlite", "import", &name]);
        assert!(again.contains("Направлений: 9, мероприятий: 58"), "{again}");
    }
}

#[test]
fn bad_documents_are_refused_clearly_and_change_nothing() {
    let sb = Sandbox::new();
    sb.ok(&["--db", "db.sqlite", "example"]);
    let before = db_state(&sb);

    let good = fixture("roadmap-001.docx");
    let no_table = sandbox::zip_package(&[(
        "word/document.xml",
        r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Просто текст</w:t></w:r></w:p></w:body></w:document>"#.as_bytes(),
    )]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "без-таблицы.docx",
            no_table,
            "не найдена таблица мероприятий",
        ),
        (
            "мусор.docx",
            b"PK\x03\x04 not really a zip".to_vec(),
            "Файл повреждён",
        ),
        (
            "обрезан.docx",
            good[..good.len() / 2].to_vec(),
            "Файл повреждён",
        ),
        ("пусто.xlsx", Vec::new(), "Файл пуст"),
        (
            "пароль.docx",
            compound(&["EncryptionInfo", "EncryptedPackage"]),
            "защищён паролем",
        ),
        (
            "старый.docx",
            compound(&["WordDocument"]),
            "старого формата Word 97–2003 (.doc). Сохраните его в Word как .docx",
        ),
        (
            "старая.xls",
            compound(&["Workbook"]),
            "старого формата Excel 97–2003 (.xls). Сохраните его в Excel как .xlsx",
        ),
        ("текст.xlsx", b"just text".to_vec(), "не книга Excel"),
        (
            "без-листа.xlsx",
            sandbox::zip_package(&[("xl/workbook.xml", b"<workbook/>")]),
            "Не удалось прочитать книгу Excel",
        ),
    ];
    for (name, bytes, message) in cases {
        let path = sb.write(name, &bytes);
        let out = sb.run(&["--db", "db.sqlite", "import", p(&path)]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name} was accepted");
        assert!(stderr.contains(message), "{name}: {stderr}");
        assert_eq!(db_state(&sb), before, "{name} changed the database");
    }
}

#[test]
fn a_zip_bomb_is_refused_without_inflating_it_all() {
    let sb = Sandbox::new();
    sb.ok(&["--db", "db.sqlite", "example"]);
    let before = db_state(&sb);
    // 65 MB of zeros inflate from about 64 KB: over the 64 MB limit of one part.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(false);
    zip.start_file("word/document.xml", options).unwrap();
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..65 {
        zip.write_all(&chunk).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 1024 * 1024);
    for name in ["бомба.docx", "бомба.xlsx"] {
        let path = sb.write(name, &bytes);
        let out = sb.run(&["--db", "db.sqlite", "import", p(&path)]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert!(
            stderr.contains("после распаковки больше 64 МБ"),
            "{name}: {stderr}"
        );
        assert_eq!(db_state(&sb), before);
    }
}
