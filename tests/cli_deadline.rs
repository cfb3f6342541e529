//! `roadmap-planner deadline` and `export --format ics`, run as the real binary.

use std::path::Path;

#[path = "common/cli.rs"]
mod sandbox;
use sandbox::Sandbox;

const SCHOOL_YEAR: &str = "2021-09-01..2022-08-31";

/// The dates printed by `deadline` (the first word of each line), after checking it succeeded.
fn dates(text: &str, period: &str) -> Vec<String> {
    let sb = Sandbox::new();
    let out = sb.run(&["deadline", "--period", period, text]);
    assert!(
        out.status.success(),
        "{text}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    stdout
        .lines()
        .map(|l| l.split(' ').next().unwrap().to_owned())
        .collect()
}

/// Every file under `dir`, to prove a command created none.
fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn prints_due_dates_one_per_line_ascending() {
    assert_eq!(
        dates("январь, март, июнь, ноябрь,", SCHOOL_YEAR),
        ["2021-11-30", "2022-01-31", "2022-03-31", "2022-06-30"]
    );
    assert_eq!(dates("до 30.11.2021", SCHOOL_YEAR), ["2021-11-30"]);
    assert_eq!(dates("август-сентябрь", SCHOOL_YEAR), ["2021-09-30"]);
    assert_eq!(dates("в течение года", SCHOOL_YEAR), ["2022-08-31"]);
    assert_eq!(
        dates("ежеквартально", SCHOOL_YEAR),
        ["2021-09-30", "2021-12-31", "2022-03-31", "2022-06-30"]
    );
    // Calendar years: one occurrence a year.
    assert_eq!(
        dates("Октябрь 2022, 2023, 2024", "2022-01-01..2024-12-31"),
        ["2022-10-31", "2023-10-31", "2024-10-31"]
    );
}

#[test]
fn the_text_may_be_given_without_quotes() {
    let sb = Sandbox::new();
    let out = sb.run(&["deadline", "--period", SCHOOL_YEAR, "январь", "2022"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().split(' ').next(),
        Some("2022-01-31")
    );
}

#[test]
fn text_naming_no_date_is_unscheduled() {
    for text in [
        "по отдельному графику",
        "По плану работы УО",
        "по мере получения результатов",
    ] {
        let sb = Sandbox::new();
        let out = sb.run(&["deadline", "--period", SCHOOL_YEAR, text]);
        assert!(out.status.success());
        assert_eq!(String::from_utf8(out.stdout).unwrap(), "unscheduled\n");
    }
}

#[test]
fn a_bad_period_is_refused_in_russian() {
    for period in [
        "2021-09-01",
        "2021-09-01..",
        "01.09.2021..31.08.2022",
        "2022-08-31..2021-09-01",
        "2021-02-30..2022-08-31",
    ] {
        let sb = Sandbox::new();
        let out = sb.run(&["deadline", "--period", period, "январь"]);
        assert!(!out.status.success(), "{period}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("Ошибка"), "{stderr}");
        assert!(stderr.contains("период"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
    let sb = Sandbox::new();
    let out = sb.run(&["deadline", "январь"]);
    assert!(!out.status.success());
    assert!(String::from_utf8(out.stderr).unwrap().contains("--period"));
}

#[test]
fn needs_no_database() {
    let sb = Sandbox::new();
    let db = sb.dir().join("never.sqlite");
    let out = sb.run(&[
        "--db",
        db.to_str().unwrap(),
        "deadline",
        "--period",
        SCHOOL_YEAR,
        "декабрь",
    ]);
    assert!(out.status.success());
    assert!(!db.exists());
    // Not the default database either: nothing at all was written.
    let out = sb.run(&["deadline", "--period", SCHOOL_YEAR, "декабрь"]);
    assert!(out.status.success());
    assert_eq!(files_under(sb.dir()), Vec::<std::path::PathBuf>::new());
}

#[test]
fn export_ics_of_the_example() {
    let sb = Sandbox::new();
    let db = sb.dir().join("a.sqlite");
    let db = db.to_str().unwrap();
    assert!(sb.run(&["--db", db, "example"]).status.success());
    let out = sb.run(&["--db", db, "export", "--format", "ics", "-o", "-"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ics = String::from_utf8(out.stdout).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));

    let file = sb.dir().join("plan.ics");
    let out = sb.run(&[
        "--db",
        db,
        "export",
        "--format",
        "ics",
        "--plan",
        "f525211c",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), ics);
    assert!(String::from_utf8(out.stdout).unwrap().contains("событий"));
}
