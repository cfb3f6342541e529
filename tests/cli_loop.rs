//! The school↔district loop on two databases, driven through the real binary: the district sends its plan,
//! the school builds its plan and marks progress, its report comes back, the district marks too, and the
//! office marks its own measure. One record per (district measure, school, occurrence) throughout.

use std::process::Output;

use serde_json::Value;

#[path = "common/cli.rs"]
mod sandbox;
use sandbox::{EXAMPLE_PLAN, expect_success};

/// МОУ «СОШ с. Бартеневка им. П.Е. Толстова» of the bundled example.
const SCHOOL: &str = "27b7ff86-ff91-5a6e-8745-1bfa5e8878b9";
const TODAY: &str = "2022-06-01";

/// The sandbox of the loop: every run names its database and the fixed today.
struct Sandbox(sandbox::Sandbox);

impl Sandbox {
    fn new() -> Self {
        Self(sandbox::Sandbox::new())
    }

    fn run(&self, db: &str, args: &[&str]) -> Output {
        let db = self.0.file(db);
        let mut all = vec!["--db", &db, "--today", TODAY];
        all.extend_from_slice(args);
        self.0.run(&all)
    }

    fn ok(&self, db: &str, args: &[&str]) -> String {
        expect_success(args, self.run(db, args))
    }

    fn json(&self, name: &str) -> Value {
        self.0.json(name)
    }

    fn file(&self, name: &str) -> String {
        self.0.file(name)
    }
}

/// The measure ids of the plan `plan` in an exchange file, by number.
fn measure_ids(file: &Value, plan: &str) -> Vec<(String, String)> {
    file["plans"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["id"] == plan)
        .flat_map(|p| p["sections"].as_array().unwrap())
        .flat_map(|s| s["measures"].as_array().unwrap())
        .map(|m| {
            (
                m["number"].as_str().unwrap().to_owned(),
                m["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Done records of `school` (a JSON string, or null for the office) in a file.
fn done_records<'a>(file: &'a Value, school: &Value) -> Vec<&'a Value> {
    file["progress"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| &p["school_id"] == school && p["status"] == "done")
        .collect()
}

#[test]
fn the_loop_runs_on_two_databases() {
    let sb = Sandbox::new();
    let (district, school) = ("district.sqlite", "school.sqlite");
    sb.ok(district, &["example"]);
    let plan_file = sb.file("plan.json");
    sb.ok(
        district,
        &["export", "--plan", EXAMPLE_PLAN, "-o", &plan_file],
    );
    sb.ok(school, &["import", &plan_file]);

    // The school builds its plan: only the measures that concern it (not the office's own 1.1).
    let out = sb.ok(
        school,
        &["school-plan", "--plan", EXAMPLE_PLAN, "--school", SCHOOL],
    );
    let school_plan = out
        .lines()
        .find_map(|l| l.strip_prefix("Идентификатор плана: "))
        .expect(&out)
        .trim()
        .to_owned();

    // Five done with evidence, one in progress — marked in the school plan.
    for number in ["1.3", "2.1", "2.2", "2.3", "2.4"] {
        let evidence = format!("Приказ № {number} от 01.03.2022");
        sb.ok(
            school,
            &[
                "mark",
                "--plan",
                &school_plan,
                "--measure",
                number,
                "--school",
                SCHOOL,
                "--status",
                "done",
                "--done-on",
                "2022-03-01",
                "--evidence",
                &evidence,
                "--by",
                "Заместитель директора",
            ],
        );
    }
    sb.ok(
        school,
        &[
            "mark",
            "--plan",
            &school_plan,
            "--measure",
            "2.5",
            "--school",
            SCHOOL,
            "--status",
            "in_progress",
        ],
    );
    let report_file = sb.file("report.json");
    sb.ok(
        school,
        &[
            "export",
            "--format",
            "json",
            "--school",
            SCHOOL,
            "-o",
            &report_file,
        ],
    );
    let report = sb.json("report.json");
    assert_eq!(report["version"], 2);
    assert!(
        report["plans"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == school_plan.as_str()),
        "the report carries its school plan"
    );

    // The district imports the report: its own plan shows the school's five marks.
    let said = sb.ok(district, &["import", &report_file]);
    assert!(said.contains("Отчёт школы «СОШ с. Бартеневка»."), "{said}");
    assert!(said.contains("Отметка добавлена: 2.3 "), "{said}");
    let html = sb.ok(
        district,
        &[
            "report",
            "--plan",
            EXAMPLE_PLAN,
            "--school",
            SCHOOL,
            "-o",
            "-",
        ],
    );
    assert!(html.contains("Выполнено 5 из"), "{html}");
    // What was done, with its evidence and who marked it.
    assert!(
        html.contains("Выполненные мероприятия и подтверждения (5)"),
        "{html}"
    );
    assert!(html.contains("Приказ № 2.3 от 01.03.2022"), "{html}");
    assert!(html.contains("Заместитель директора"), "{html}");
    let district_file = sb.file("district.json");
    sb.ok(
        district,
        &["export", "--plan", EXAMPLE_PLAN, "-o", &district_file],
    );
    let exported = sb.json("district.json");
    let district_measures: Vec<String> = measure_ids(&exported, EXAMPLE_PLAN)
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    let done = done_records(&exported, &Value::from(SCHOOL));
    assert_eq!(done.len(), 5, "exactly the school's five done records");
    for p in &done {
        assert!(district_measures.contains(&p["measure_id"].as_str().unwrap().to_owned()));
        assert!(p["evidence"].as_str().unwrap().starts_with("Приказ № "));
        assert_eq!(p["by"], "Заместитель директора");
    }

    // The district marks one more for the school; the school's plan shows six.
    sb.ok(
        district,
        &[
            "mark",
            "--plan",
            EXAMPLE_PLAN,
            "--measure",
            "2.6",
            "--school",
            SCHOOL,
            "--status",
            "done",
            "--done-on",
            "2022-04-01",
            "--evidence",
            "Справка ИМЦ",
        ],
    );
    let plan_file2 = sb.file("plan2.json");
    sb.ok(
        district,
        &["export", "--plan", EXAMPLE_PLAN, "-o", &plan_file2],
    );
    sb.ok(school, &["import", &plan_file2]);
    let html = sb.ok(
        school,
        &[
            "report",
            "--plan",
            &school_plan,
            "--school",
            SCHOOL,
            "-o",
            "-",
        ],
    );
    assert!(html.contains("Выполнено 6 из"), "{html}");

    // The office marks its own measure 1.1: exported with no school.
    sb.ok(
        district,
        &[
            "mark",
            "--plan",
            EXAMPLE_PLAN,
            "--measure",
            "1.1",
            "--office",
            "--status",
            "done",
            "--evidence",
            "Приказ УО № 14 от 24.01.2022",
        ],
    );
    sb.ok(
        district,
        &["export", "--plan", EXAMPLE_PLAN, "-o", &district_file],
    );
    let exported = sb.json("district.json");
    let office = done_records(&exported, &Value::Null);
    assert_eq!(office.len(), 1);
    let m11 = measure_ids(&exported, EXAMPLE_PLAN)
        .into_iter()
        .find(|(n, _)| n == "1.1")
        .unwrap()
        .1;
    assert_eq!(office[0]["measure_id"], m11.as_str());
    assert_eq!(office[0]["evidence"], "Приказ УО № 14 от 24.01.2022");

    // The district's report tells the office's own execution apart, in HTML and in Word.
    let html = sb.ok(district, &["report", "--plan", EXAMPLE_PLAN, "-o", "-"]);
    let office_part = html
        .split("Выполнение мероприятий управлением образования")
        .nth(1)
        .expect("the office's part");
    assert!(office_part.contains("Выполнено 1 из"), "{office_part}");
    assert!(office_part.contains("Приказ УО № 14 от 24.01.2022"));
    let docx = sb.file("справка.docx");
    sb.ok(
        district,
        &[
            "report",
            "--plan",
            EXAMPLE_PLAN,
            "--format",
            "docx",
            "-o",
            &docx,
        ],
    );
    let bytes = std::fs::read(&docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("Выполнение мероприятий управлением образования"));
    assert!(xml.contains("Приказ УО № 14 от 24.01.2022"));
}

#[test]
fn marks_outside_what_a_measure_concerns_are_refused() {
    let sb = Sandbox::new();
    let db = "district.sqlite";
    sb.ok(db, &["example"]);
    // 1.1 is the office's own: no school marks it; 1.3 is the schools': the office does not.
    for (measure, who) in [("1.1", ["--school", SCHOOL]), ("1.3", ["--office", ""])] {
        let mut args = vec!["mark", "--plan", EXAMPLE_PLAN, "--measure", measure];
        args.extend(who.iter().filter(|a| !a.is_empty()));
        args.extend(["--status", "done"]);
        let out = sb.run(db, &args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("Ошибка: мероприятие «"), "{err}");
    }
    let file = sb.file("plan.json");
    sb.ok(db, &["export", "--plan", EXAMPLE_PLAN, "-o", &file]);
    assert!(
        sb.json("plan.json")["progress"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_report_of_an_unknown_school_and_plan_is_refused_until_added() {
    let sb = Sandbox::new();
    sb.ok("school.sqlite", &["example"]);
    let out = sb.ok(
        "school.sqlite",
        &["school-plan", "--plan", EXAMPLE_PLAN, "--school", SCHOOL],
    );
    let school_plan = out
        .lines()
        .find_map(|l| l.strip_prefix("Идентификатор плана: "))
        .unwrap()
        .trim()
        .to_owned();
    sb.ok(
        "school.sqlite",
        &[
            "mark",
            "--plan",
            &school_plan,
            "--measure",
            "1.3",
            "--school",
            SCHOOL,
            "--status",
            "done",
        ],
    );
    let report = sb.file("report.json");
    sb.ok(
        "school.sqlite",
        &[
            "export", "--format", "json", "--school", SCHOOL, "-o", &report,
        ],
    );

    // Another office's empty database knows neither the school nor the district plan.
    let out = sb.run("other.sqlite", &["import", &report]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("нет в реестре"), "{err}");
    assert!(err.contains("плану района, которого нет в базе"), "{err}");
    assert!(err.contains("--add-missing"), "{err}");
    assert!(
        sb.ok("other.sqlite", &["list"])
            .contains("В базе нет планов")
    );

    sb.ok("other.sqlite", &["import", "--add-missing", &report]);
    let html = sb.ok(
        "other.sqlite",
        &[
            "report",
            "--plan",
            &school_plan,
            "--school",
            SCHOOL,
            "-o",
            "-",
        ],
    );
    assert!(
        html.contains("Выполнено 1 из"),
        "the mark kept on the school plan: {html}"
    );
}
