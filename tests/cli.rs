//! The command line, run as the real binary on temporary databases.

use std::path::{Path, PathBuf};

use serde_json::Value;

#[path = "common/cli.rs"]
mod sandbox;
use sandbox::{EXAMPLE_PLAN, Sandbox};

fn text(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The file without the lines that differ between any two exports: `exported_at`, the `origin` block and
/// the `seen` block (which offices the database has imported files from).
fn without_header(json: &str) -> String {
    let mut out = String::new();
    let mut in_origin = false;
    for line in json.lines() {
        if line.starts_with("  \"exported_at\": ") {
            continue;
        }
        if line == "  \"origin\": {" || line == "  \"seen\": {" {
            in_origin = true;
            continue;
        }
        if in_origin {
            in_origin = line != "  },";
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The file without its `exported_at` line only (the same database exports the same origin).
fn without_time(json: &str) -> String {
    json.lines()
        .filter(|l| !l.starts_with("  \"exported_at\": "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
}

#[test]
fn the_example_exports_the_fixture_verbatim() {
    let sb = Sandbox::new();
    let printed = sb.ok(&["--db", "t.db", "example"]);
    assert!(printed.contains(EXAMPLE_PLAN), "{printed}");
    assert!(
        printed.contains("Направлений: 9, мероприятий: 58"),
        "{printed}"
    );

    let exported: Value = serde_json::from_str(&sb.export("t.db")).unwrap();
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/roadmap-001.expected.json")).unwrap();
    assert_eq!(exported["format"], "roadmap-planner");
    assert_eq!(exported["version"], 2);
    let plans = exported["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 1);
    let plan = &plans[0];
    assert_eq!(str_of(plan, "id"), EXAMPLE_PLAN);
    assert_eq!(
        collapse(str_of(plan, "title")),
        collapse(str_of(&fixture, "title"))
    );
    assert_eq!(plan["period"], fixture["period"]);
    assert_eq!(plan["level"], "district");
    assert_eq!(
        str_of(plan, "issuer"),
        "Управление образованием администрации Ивантеевского муниципального района"
    );
    assert_eq!(str_of(plan, "approval"), "приказ № 14 от 24.01.2022");
    assert!(str_of(plan, "goal").starts_with("Создание условий"));
    assert_eq!(plan["tasks"].as_array().unwrap().len(), 5);
    assert_eq!(plan["indicators"].as_array().unwrap().len(), 4);

    let sections = plan["sections"].as_array().unwrap();
    let expected_sections = fixture["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 9);
    assert_eq!(expected_sections.len(), 9);
    let mut measures = 0;
    for (section, expected) in sections.iter().zip(expected_sections) {
        assert_eq!(str_of(section, "number"), str_of(expected, "number"));
        assert_eq!(
            collapse(str_of(section, "title")),
            collapse(str_of(expected, "title"))
        );
        let ours = section["measures"].as_array().unwrap();
        let theirs = expected["measures"].as_array().unwrap();
        assert_eq!(ours.len(), theirs.len(), "section {}", section["number"]);
        for (m, e) in ours.iter().zip(theirs) {
            for key in ["number", "title", "deadline", "responsible", "result"] {
                assert_eq!(
                    collapse(str_of(m, key)),
                    collapse(str_of(e, key)),
                    "measure {} field {key}",
                    e["number"]
                );
            }
            assert!(m["due"].is_array(), "measure {} has no due", e["number"]);
            measures += 1;
        }
    }
    assert_eq!(measures, 58);

    // Loading it again changes nothing.
    let before = sb.export("t.db");
    let again = sb.ok(&["--db", "t.db", "example"]);
    assert!(again.contains("изменений нет"), "{again}");
    assert_eq!(without_time(&sb.export("t.db")), without_time(&before));
}

#[test]
fn list_shows_plans_with_ids_periods_and_counts() {
    let sb = Sandbox::new();
    let empty = sb.ok(&["--db", "t.db", "list"]);
    assert!(empty.contains("нет планов"), "{empty}");
    sb.ok(&["--db", "t.db", "example"]);
    let listed = sb.ok(&["--db", "t.db", "list"]);
    let row = listed
        .lines()
        .find(|l| l.starts_with(EXAMPLE_PLAN))
        .unwrap_or_else(|| panic!("{listed}"));
    assert!(row.contains("01.09.2021–31.08.2022"), "{row}");
    assert!(row.contains(" 9 "), "{row}");
    assert!(row.contains(" 58 "), "{row}");
    assert!(row.contains("Ивантеевского района"), "{row}");
}

/// The example's export with progress for every school at two measures, imported back into `db`.
fn example_with_progress(sb: &Sandbox, db: &str) -> String {
    sb.ok(&["--db", db, "example"]);
    let mut file: Value = serde_json::from_str(&sb.export(db)).unwrap();
    let measures: Vec<String> = file["plans"][0]["sections"][0]["measures"]
        .as_array()
        .unwrap()
        .iter()
        .take(2)
        .map(|m| str_of(m, "id").to_owned())
        .collect();
    let schools: Vec<String> = file["schools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| str_of(s, "id").to_owned())
        .collect();
    assert_eq!(schools.len(), 3);
    let mut progress = Vec::new();
    for m in &measures {
        for s in &schools {
            progress.push(serde_json::json!({
                "measure_id": m, "school_id": s, "due": "2022-01-31", "status": "done",
                "done_on": "2022-01-28", "evidence": "Приказ № 7 от 28.01.2022",
                "comment": "Выполнено в срок", "updated_at": "2022-02-01T09:30:00.000Z", "by": "Иванова И.И."
            }));
        }
    }
    file["progress"] = Value::Array(progress);
    // As if another office sent it: a database refuses a file it wrote itself.
    file["origin"]["id"] = Value::from("0b0f5a8e-5a3c-4d0e-9b7e-000000000001");
    let path = sb.write(
        "with-progress.json",
        serde_json::to_string_pretty(&file).unwrap(),
    );
    let summary = sb.ok(&["--db", db, "import", text(&path)]);
    assert!(
        summary.contains("Отметки о выполнении: добавлено 6"),
        "{summary}"
    );
    sb.export(db)
}

#[test]
fn export_import_export_gives_the_same_file() {
    let sb = Sandbox::new();
    let first = example_with_progress(&sb, "a.db");
    assert_eq!(
        serde_json::from_str::<Value>(&first).unwrap()["progress"]
            .as_array()
            .unwrap()
            .len(),
        6
    );
    let file = sb.write("first.json", &first);
    let summary = sb.ok(&["--db", "b.db", "import", text(&file)]);
    assert!(summary.contains("Импорт завершён"), "{summary}");
    assert!(summary.contains("Мероприятия: добавлено 58"), "{summary}");
    let second = sb.export("b.db");
    assert_eq!(without_header(&second), without_header(&first));
    // And to a file with -o.
    let out = sb.path("out.json");
    let printed = sb.ok(&[
        "--db",
        "b.db",
        "export",
        "--format",
        "json",
        "-o",
        text(&out),
    ]);
    assert!(printed.contains("мероприятий: 58"), "{printed}");
    let third = std::fs::read_to_string(&out).unwrap();
    assert_eq!(without_time(&third), without_time(&second));
}

#[test]
fn importing_twice_changes_nothing() {
    let sb = Sandbox::new();
    let exported = example_with_progress(&sb, "a.db");
    let file = sb.write("file.json", &exported);
    sb.ok(&["--db", "c.db", "import", text(&file)]);
    let before = sb.export("c.db");
    let summary = sb.ok(&["--db", "c.db", "import", text(&file)]);
    assert!(summary.contains("Изменений нет"), "{summary}");
    for line in summary.lines().filter(|l| l.contains("добавлено")) {
        assert!(
            line.contains("добавлено 0, обновлено 0,"),
            "something changed: {summary}"
        );
    }
    assert!(summary.contains("Отметки о выполнении: добавлено 0, обновлено 0, без изменений 6"));
    assert_eq!(without_time(&sb.export("c.db")), without_time(&before));
}

#[test]
fn one_plan_can_be_exported_by_id_or_its_beginning() {
    let sb = Sandbox::new();
    let all = example_with_progress(&sb, "t.db");
    let one = sb.ok(&["--db", "t.db", "export", "--plan", EXAMPLE_PLAN, "-o", "-"]);
    assert_eq!(without_header(&one), without_header(&all));
    let short = sb.ok(&[
        "--db",
        "t.db",
        "export",
        "--plan",
        &EXAMPLE_PLAN[..8],
        "-o",
        "-",
    ]);
    assert_eq!(without_header(&short), without_header(&all));
    let out = sb.run(&[
        "--db",
        "t.db",
        "export",
        "--plan",
        "00000000-0000-0000-0000-000000000000",
        "-o",
        "-",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("Ошибка: план"));
}

/// Makes a bad input file from the sandbox and a good export.
type Maker = Box<dyn Fn(&Sandbox, &str) -> PathBuf>;

/// A bad input: what to write into the file, and a piece of the message expected on stderr.
struct Bad {
    name: &'static str,
    make: Maker,
    expected: &'static str,
}

fn bad(
    name: &'static str,
    expected: &'static str,
    make: impl Fn(&Sandbox, &str) -> PathBuf + 'static,
) -> Bad {
    Bad {
        name,
        make: Box::new(make),
        expected,
    }
}

/// A valid export with one textual change.
fn edited(sb: &Sandbox, good: &str, name: &str, from: &str, to: &str) -> PathBuf {
    assert!(good.contains(from), "{from} not in the export");
    sb.write(name, good.replacen(from, to, 1))
}

#[test]
fn bad_files_are_refused_with_a_russian_message_and_nothing_written() {
    let sb = Sandbox::new();
    let good = example_with_progress(&sb, "t.db");
    let db_bytes = || std::fs::read(sb.path("t.db")).unwrap();

    let cases = vec![
        bad("empty", "Файл пуст", |sb, _| {
            sb.write("empty.json", "")
        }),
        bad("truncated", "Файл обрезан", |sb, good| {
            sb.write("truncated.json", &good[..good.len() * 2 / 3])
        }),
        bad("another program", "не файл обмена", |sb, _| {
            sb.write(
                "package.json",
                r#"{"name": "other-app", "version": "1.0.0", "dependencies": {}}"#,
            )
        }),
        bad(
            "future version",
            "более новой версией программы (версия 3",
            |sb, good| {
                edited(
                    sb,
                    good,
                    "future.json",
                    "\"version\": 2,",
                    "\"version\": 3,",
                )
            },
        ),
        bad("binary garbage", "UTF-8", |sb, _| {
            let bytes: Vec<u8> = (0..10_000u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
                .collect();
            sb.write("garbage.bin", bytes)
        }),
        bad(
            "reversed period",
            "позже его конца",
            |sb, good| {
                let swapped = good.replacen(
                    "\"from\": \"2021-09-01\",\n        \"to\": \"2022-08-31\"",
                    "\"from\": \"2022-08-31\",\n        \"to\": \"2021-09-01\"",
                    1,
                );
                assert_ne!(swapped, good);
                sb.write("reversed.json", swapped)
            },
        ),
        bad("invalid date", "неверная дата", |sb, good| {
            edited(sb, good, "date.json", "\"2022-08-31\"", "\"2022-02-30\"")
        }),
        bad("duplicate ids", "дважды", |sb, good| {
            let file: Value = serde_json::from_str(good).unwrap();
            let measures = &file["plans"][0]["sections"][0]["measures"];
            let first = str_of(&measures[0], "id").to_owned();
            let second = str_of(&measures[1], "id").to_owned();
            let text = good.replacen(
                &format!("\"id\": \"{second}\""),
                &format!("\"id\": \"{first}\""),
                1,
            );
            assert_ne!(text, good);
            sb.write("duplicate.json", text)
        }),
        bad(
            "unknown measure",
            "нет ни в файле, ни в базе",
            |sb, good| {
                let mut file: Value = serde_json::from_str(good).unwrap();
                file["plans"] = Value::Array(Vec::new());
                file["progress"][0]["measure_id"] = "6f1c1e1e-0000-4000-8000-000000000001".into();
                file["progress"][1]["updated_at"] = "2025-01-01T00:00:00Z".into();
                file["origin"]["id"] = "0b0f5a8e-5a3c-4d0e-9b7e-000000000002".into();
                sb.write("unknown.json", serde_json::to_string(&file).unwrap())
            },
        ),
        bad("over 100 MB", "слишком большой", |sb, _| {
            let path = sb.path("huge.json");
            let f = std::fs::File::create(&path).unwrap();
            f.set_len(100 * 1024 * 1024 + 1).unwrap();
            path
        }),
        bad("missing file", "файл не найден", |sb, _| {
            sb.path("missing.json")
        }),
    ];

    for case in cases {
        let path = (case.make)(&sb, &good);
        let before = db_bytes();
        let out = sb.run(&["--db", "t.db", "import", text(&path)]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{}: accepted", case.name);
        assert!(
            stderr.starts_with("Ошибка: "),
            "{}: stderr {stderr:?}",
            case.name
        );
        assert!(
            stderr.contains(case.expected),
            "{}: expected «{}» in {stderr:?}",
            case.name,
            case.expected
        );
        assert!(
            out.stdout.is_empty(),
            "{}: printed {:?}",
            case.name,
            out.stdout
        );
        assert_eq!(
            db_bytes(),
            before,
            "{}: the database file changed",
            case.name
        );
        assert_eq!(
            without_time(&sb.export("t.db")),
            without_time(&good),
            "{}: the data changed",
            case.name
        );
    }
}

#[test]
fn bad_command_lines_are_refused_in_russian() {
    let sb = Sandbox::new();
    let help = sb.ok(&["--help"]);
    assert!(help.contains("Использование:"), "{help}");
    assert!(help.contains("Команды:"), "{help}");
    for args in [
        &["--db", "t.db", "frobnicate"][..],
        &["--db", "t.db", "export"][..],
        &["--db", "t.db", "export", "--format", "xml", "-o", "-"][..],
    ] {
        let out = sb.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with("Ошибка: "), "{args:?}: {stderr}");
    }
    // A database file that is not one.
    let junk = sb.write("junk.db", vec![0x42u8; 8192]);
    let out = sb.run(&["--db", text(&junk), "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("Ошибка: "));
}

#[test]
fn errors_are_russian_unless_english_is_asked_for() {
    let sb = Sandbox::new();
    sb.ok(&["--db", "t.db", "example"]);
    sb.write("пустой.json", "");
    let russian = sb.run(&["--db", "t.db", "import", "пустой.json"]);
    assert_eq!(russian.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&russian.stderr).trim(),
        "Ошибка: Файл пуст: в нём нет данных для загрузки."
    );
    let english = sb.run(&["--lang", "en", "--db", "t.db", "import", "пустой.json"]);
    assert_eq!(english.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&english.stderr).trim(),
        "Error: The file is empty: it holds no data to load."
    );
    // A Word document that is empty: the document reader's error, in English too.
    sb.write("пустой.docx", "");
    let english = sb.run(&["--lang", "en", "--db", "t.db", "import", "пустой.docx"]);
    assert_eq!(
        String::from_utf8_lossy(&english.stderr).trim(),
        "Error: The file is empty."
    );
    // A table wider than the reader limits: the limit's refusal, in English too.
    let wide: Vec<String> = (0..250).map(|i| format!("c{i}")).collect();
    sb.write("широкая.csv", &(wide.join(";") + "\n"));
    let english = sb.run(&["--lang", "en", "--db", "t.db", "import", "широкая.csv"]);
    assert_eq!(
        String::from_utf8_lossy(&english.stderr).trim(),
        "Error: File refused: the table has more than 200 columns."
    );
    // A database that is not one: the store's error, in English too.
    sb.write(
        "не-база.db",
        "это не база данных, а просто текст достаточной длины для проверки",
    );
    let english = sb.run(&["--lang", "en", "--db", "не-база.db", "list"]);
    let stderr = String::from_utf8_lossy(&english.stderr);
    assert!(
        stderr.starts_with("Error: The file ")
            && stderr.contains("is not a database of the program"),
        "{stderr}"
    );
}
