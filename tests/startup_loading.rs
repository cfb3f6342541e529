//! Start-up reads no history, and the Школы screen reads a database file's records off the UI thread.

use chrono::NaiveDate;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::{RoadmapApp, SchoolTab, SchoolsUi, Screen, UiState};
use roadmap_planner::model::{Measure, Period, Plan, Progress, School, Section, Status};
use roadmap_planner::store::Store;

mod common;
use common::isolate_home;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    date(2022, 1, 15)
}

/// A plan of the school year starting in `year`: 4 measures due in December, done by every school.
fn year_plan(year: i32, schools: &[School]) -> (Plan, Vec<Progress>) {
    let mut plan = Plan::new(format!("План {year}"), Period::school_year(year));
    let mut section = Section::new("1", "Направление");
    for m in 1..=4 {
        let mut measure = Measure::new(format!("1.{m}"), format!("Мероприятие {m}"));
        measure.due = vec![date(year, 12, 31)];
        section.measures.push(measure);
    }
    plan.sections.push(section);
    let records = plan
        .measures()
        .flat_map(|m| {
            schools.iter().map(|s| Progress {
                measure_id: m.id,
                school_id: Some(s.id),
                due: Some(date(year, 12, 31)),
                status: Status::Done,
                done_on: Some(date(year, 12, 20)),
                evidence: String::new(),
                comment: String::new(),
                updated_at: plan.updated_at,
                by: String::new(),
            })
        })
        .collect();
    (plan, records)
}

/// A database file with 100 schools and the plans of the years `from..=2021`.
fn database(dir: &std::path::Path, from: i32) -> std::path::PathBuf {
    let path = dir.join(format!("from-{from}.sqlite"));
    let schools: Vec<School> = (1..=100)
        .map(|i| School::new(format!("Школа № {i:03}")))
        .collect();
    let mut store = Store::open(&path).unwrap();
    store
        .write(|w| {
            for s in &schools {
                w.put_school(s)?;
            }
            for year in from..=2021 {
                let (plan, records) = year_plan(year, &schools);
                w.put_plan(&plan)?;
                for p in &records {
                    w.put_progress(p)?;
                }
            }
            Ok(())
        })
        .unwrap();
    path
}

#[test]
fn start_up_reads_the_same_whether_the_database_holds_one_year_or_five() {
    isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let steps = |from: i32| {
        let app = RoadmapApp::new(
            Store::open(&database(dir.path(), from)).unwrap(),
            today(),
            UiState::default(),
        );
        let plan = app.data.plan.as_ref().unwrap();
        assert_eq!(plan.title, "План 2021", "the newest plan opens");
        // The grid's counts are there: 100 schools have done each measure.
        let first = plan.sections[0].measures[0].id;
        assert_eq!(app.data.progress[&first].count(Status::Done), 100);
        assert!(
            !app.data.progress_and_criteria.is_loaded(),
            "no record read at start"
        );
        app.store().read_steps()
    };
    let one_year = steps(2021);
    let five_years = steps(2017);
    // Four more plans of 400 records each: a few more plan-list steps, not the records.
    assert!(
        five_years < one_year + 1600 / 2,
        "{one_year} steps for one year, {five_years} for five"
    );
}

#[test]
fn the_schools_screen_reads_a_database_files_records_off_the_ui_thread() {
    isolate_home();
    let dir = tempfile::tempdir().unwrap();
    let path = database(dir.path(), 2020);
    // What start-up reads on the Мероприятия screen.
    let at_start = RoadmapApp::new(Store::open(&path).unwrap(), today(), UiState::default())
        .store()
        .read_steps();
    let ui_state = UiState {
        screen: Screen::Schools,
        schools: SchoolsUi {
            tab: SchoolTab::Overview,
            ..SchoolsUi::default()
        },
        ..UiState::default()
    };
    let mut h = common::window()
        .store(Store::open(&path).unwrap())
        .today(today())
        .ui_state(ui_state)
        .build();
    h.step();
    // The window's connection never reads the records: a worker thread does, on its own connection.
    for _ in 0..500 {
        h.step();
        let app = &h.state().app;
        if app.data.progress_and_criteria.is_loaded() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    // 100 schools × 4 measures done of 4 due.
    h.get_by_label_contains("Выполнено 400 из 400");
    assert_eq!(h.state().app.data.progress_and_criteria.records.len(), 400);
    let steps = h.state().app.store().read_steps() - at_start;
    assert!(steps < 400, "{steps} steps more on the window's connection");
}
