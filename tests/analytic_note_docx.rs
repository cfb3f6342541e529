//! The summary report (аналитическая справка) as a Word document: the library functions and
//! `roadmap-planner report --format docx`.

use std::io::{Cursor, Read};

use chrono::NaiveDate;
use roadmap_planner::exchange::analytic_note::docx::{district_docx, school_docx};
use roadmap_planner::model::{Measure, Period, Plan, Progress, School, Section, Status, now};
use roadmap_planner::stats::ProgressIndex;
use roadmap_planner::stats::analytic_note::{district_note, school_note};
use roadmap_planner::store::Store;

#[path = "common/cli.rs"]
mod sandbox;
use sandbox::{Sandbox, expect_success};

/// A plan of 11 measures (10 due by 15.10.2021) and a school that did 7 of them.
fn fixture() -> (Plan, School, Vec<Progress>) {
    let mut plan = Plan::new(
        "Дорожная карта поддержки <ШНОР> & школ",
        Period::school_year(2021),
    );
    plan.issuer = "Управление образования".to_owned();
    let mut first = Section::new("1", "Кадровое обеспечение");
    let mut second = Section::new("2", "Работа с родителями");
    for i in 0..10u32 {
        let mut m = Measure::new(
            format!("1.{}", i + 1),
            format!("Семинар для учителей № {}", i + 1),
        );
        m.due = vec![NaiveDate::from_ymd_opt(2021, 9, 10 + i).unwrap()];
        m.responsible = "Методист".to_owned();
        first.measures.push(m);
    }
    let mut late = Measure::new("2.1", "Родительское собрание");
    late.due = vec![NaiveDate::from_ymd_opt(2021, 11, 1).unwrap()];
    second.measures.push(late);
    plan.sections.push(first);
    plan.sections.push(second);
    let school = School::new("МОУ «СОШ № 7» <Ивантеевка>");
    let records = plan.sections[0].measures[..7]
        .iter()
        .map(|m| Progress {
            measure_id: m.id,
            school_id: Some(school.id),
            due: m.due.first().copied(),
            status: Status::Done,
            done_on: m.due.first().copied(),
            evidence: String::new(),
            comment: String::new(),
            updated_at: now(),
            by: String::new(),
        })
        .collect();
    (plan, school, records)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 10, 15).unwrap()
}

/// The package's parts by name, and word/document.xml as text.
fn unpack(bytes: &[u8]) -> (Vec<String>, String) {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip package");
    let names: Vec<String> = zip
        .file_names()
        .map(|n| n.expect("a part name").into_owned())
        .collect();
    let mut document = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut document)
        .unwrap();
    (names, document)
}

#[test]
fn the_school_report_is_a_word_package_with_the_school_and_its_progress() {
    let (plan, school, records) = fixture();
    let table = ProgressIndex::new(records);
    let bytes = school_docx(&school_note(&plan, &school, &table, today())).unwrap();
    let (names, doc) = unpack(&bytes);
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
    ] {
        assert!(names.iter().any(|n| n == part), "{part} in {names:?}");
    }
    assert!(doc.contains("Аналитическая справка"));
    assert!(
        doc.contains("МОУ «СОШ № 7» &lt;Ивантеевка&gt;"),
        "escaped name"
    );
    assert!(!doc.contains("<Ивантеевка>"));
    assert!(doc.contains("Дорожная карта поддержки &lt;ШНОР&gt; &amp; школ"));
    assert!(doc.contains("Выполнено 7 из 10 мероприятий со сроком по 15.10.2021 (70%)."));
    assert!(doc.contains("Просроченные мероприятия (3)"));
    assert!(doc.contains("Семинар для учителей № 10"), "overdue listed");
    assert!(doc.contains("Ход выполнения по направлениям"));
    assert!(doc.contains("Кадровое обеспечение"));
    assert!(doc.contains("Родительское собрание"), "upcoming listed");
    assert!(doc.contains("по данным на 15.10.2021"));
    // Portrait A4, header rows repeated.
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
    assert!(doc.contains("<w:tblHeader/>"));
    // Well-formed XML.
    let mut reader = quick_xml::Reader::from_str(&doc);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("document.xml is not well-formed: {e}"),
        }
    }
}

#[test]
fn the_district_report_lists_the_schools() {
    let (plan, school, records) = fixture();
    let table = ProgressIndex::new(records);
    let bytes = district_docx(&district_note(&plan, &[school], &table, today())).unwrap();
    let (_, doc) = unpack(&bytes);
    assert!(doc.contains("по общеобразовательным организациям района (школ: 1)"));
    assert!(doc.contains("7 из 10"));
    assert!(doc.contains("Итоги по району"));
    assert!(doc.contains("МОУ «СОШ № 7» &lt;Ивантеевка&gt;"));
}

#[test]
fn the_report_command_writes_docx_and_html() {
    let sb = Sandbox::new();
    let db = sb.path("db.sqlite");
    let (plan, school, records) = fixture();
    {
        let mut store = Store::open(&db).unwrap();
        store
            .write(|w| {
                w.put_plan(&plan)?;
                w.put_school(&school)?;
                for r in &records {
                    w.put_progress(r)?;
                }
                Ok(())
            })
            .unwrap();
    }
    let run = |args: &[&str]| {
        let db = db.to_str().unwrap();
        let mut all = vec!["--db", db, "--today", "2021-10-15"];
        all.extend_from_slice(args);
        expect_success(args, sb.run(&all))
    };
    let id = school.id.to_string();
    let docx = sb.path("справка.docx");
    let said = run(&[
        "report",
        "--school",
        &id[..8],
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert!(said.contains("Справка записана"), "{said}");
    let (_, doc) = unpack(&std::fs::read(&docx).unwrap());
    assert!(doc.contains("Выполнено 7 из 10"));
    assert!(doc.contains("МОУ «СОШ № 7» &lt;Ивантеевка&gt;"));

    let district = sb.path("район.docx");
    run(&[
        "report",
        "--format",
        "docx",
        "-o",
        district.to_str().unwrap(),
    ]);
    let (_, doc) = unpack(&std::fs::read(&district).unwrap());
    assert!(doc.contains("(школ: 1)"));

    let html = sb.path("справка.html");
    run(&["report", "--school", &id, "-o", html.to_str().unwrap()]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("Выполнено 7 из 10"));
}
