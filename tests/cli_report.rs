//! `roadmap-planner report`, run as the real binary: the example plus a small progress import (7 measures
//! done at one school), then the school's and the district's summary reports.

use std::path::Path;

use serde_json::{Value, json};

#[path = "common/cli.rs"]
mod sandbox;
use sandbox::Sandbox;

fn text(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Loads the example and marks its first 7 dated measures done at «СОШ с. Ивановка» through an exchange
/// file of progress only. Returns the school's id.
fn district_with_progress(s: &Sandbox, db: &str) -> String {
    s.ok(&["--db", db, "example"]);
    let exported: Value = serde_json::from_str(&s.ok(&["--db", db, "export", "-o", "-"])).unwrap();
    let school = exported["schools"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["short_name"] == "СОШ с. Ивановка")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let measures: Vec<&Value> = exported["plans"][0]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["measures"].as_array().unwrap())
        .filter(|m| m["due"].as_array().is_some_and(|d| !d.is_empty()))
        // The office's own measures concern no school.
        .filter(|m| m["executor"] != "office")
        .take(7)
        .collect();
    assert_eq!(measures.len(), 7);
    let progress: Vec<Value> = measures
        .iter()
        .map(|m| {
            json!({
                "measure_id": m["id"],
                "school_id": school,
                "due": m["due"][0],
                "status": "done",
                "done_on": m["due"][0],
                "evidence": "Приказ № 12 от 01.10.2021",
                "comment": "",
                "updated_at": "2022-05-01T10:00:00.000Z",
                "by": "Завуч"
            })
        })
        .collect();
    let file = json!({
        "format": "roadmap-planner",
        "version": 1,
        "exported_at": "2022-05-01T10:00:00.000Z",
        "origin": {"office": "СОШ с. Ивановка", "id": "school"},
        "progress": progress
    });
    let path = s.path("progress.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    s.ok(&["--db", db, "import", text(&path)]);
    school
}

#[test]
fn the_school_report_says_seven_done() {
    let s = Sandbox::new();
    let db = s.path("db.sqlite");
    let db = text(&db);
    let school = district_with_progress(&s, db);
    // On 31.08.2022 every occurrence of the school year is due.
    let html = s.ok(&[
        "--db",
        db,
        "--today",
        "2022-08-31",
        "report",
        "--school",
        &school,
        "--format",
        "html",
        "-o",
        "-",
    ]);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("Аналитическая справка"));
    assert!(html.contains("МОУ «СОШ с. Ивановка»"));
    assert!(html.contains("Выполнено 7 из "), "{html}");
    assert!(html.contains("Просроченные мероприятия"));
    assert!(html.contains("Ход выполнения по направлениям"));
    assert!(html.contains("@media print"));

    // To a file, by the beginning of the school's id.
    let out = s.path("справка.html");
    let said = s.ok(&[
        "--db",
        db,
        "--today",
        "2022-08-31",
        "report",
        "--school",
        &school[..8],
        "-o",
        text(&out),
    ]);
    assert!(said.contains("Справка записана"), "{said}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("Выполнено 7 из "));
}

#[test]
fn the_district_report_lists_every_school() {
    let s = Sandbox::new();
    let db = s.path("db.sqlite");
    let db = text(&db);
    district_with_progress(&s, db);
    let html = s.ok(&["--db", db, "--today", "2022-08-31", "report", "-o", "-"]);
    assert!(html.contains("Итоги по району"));
    assert!(
        html.contains("Выполнено 7 из "),
        "three schools, 7 done in all"
    );
    for school in ["СОШ п. Знаменский", "СОШ с. Бартеневка", "СОШ с. Ивановка"]
    {
        assert!(html.contains(school), "{school}");
    }
}

#[test]
fn an_unknown_school_is_refused_in_russian() {
    let s = Sandbox::new();
    let db = s.path("db.sqlite");
    let db = text(&db);
    s.ok(&["--db", db, "example"]);
    let out = s.run(&["--db", db, "report", "--school", "ffffffff", "-o", "-"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("Ошибка:"), "{err}");
    assert!(err.contains("школа не найдена"), "{err}");
}
