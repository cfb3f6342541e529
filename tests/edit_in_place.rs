//! An edit reaches the dashboard, the overview and the grid's counts in place: the store is not read again
//! for every school or record, so the rows read by a «отметить выполненным» do not grow with the district.

use chrono::NaiveDate;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::{
    Command, RoadmapApp, SchoolCommand, SchoolTab, SchoolsUi, Screen, UiState,
};
use roadmap_planner::model::{Measure, Period, Plan, Progress, School, Section, Status};
use roadmap_planner::stats::{ProgressKey, summarize};
use roadmap_planner::store::Store;

mod common;
use common::isolate_home;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    date(2022, 1, 15)
}

/// A district of `schools` schools and 6 measures due 31.12.2021 and 31.05.2022; every school has done
/// the December occurrence of the first 3 measures.
fn district(schools: usize) -> (Store, Plan, Vec<School>) {
    let mut plan = Plan::new("Дорожная карта района", Period::school_year(2021));
    for s in 1..=2 {
        let mut section = Section::new(s.to_string(), format!("Направление {s}"));
        for m in 1..=3 {
            let mut measure = Measure::new(format!("{s}.{m}"), format!("Мероприятие {s}.{m}"));
            measure.deadline = "декабрь, май".into();
            measure.due = vec![date(2021, 12, 31), date(2022, 5, 31)];
            section.measures.push(measure);
        }
        plan.sections.push(section);
    }
    let registry: Vec<School> = (1..=schools)
        .map(|i| School::new(format!("МОУ «СОШ № {i:03}»")))
        .collect();
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|w| {
            for s in &registry {
                w.put_school(s)?;
            }
            w.put_plan(&plan)?;
            for m in plan.sections[0].measures.iter() {
                for s in &registry {
                    w.put_progress(&Progress {
                        measure_id: m.id,
                        school_id: Some(s.id),
                        due: Some(date(2021, 12, 31)),
                        status: Status::Done,
                        done_on: Some(date(2021, 12, 20)),
                        evidence: "Приказ № 1".into(),
                        comment: String::new(),
                        updated_at: plan.updated_at,
                        by: "ОО".into(),
                    })?;
                }
            }
            Ok(())
        })
        .unwrap();
    (store, plan, registry)
}

struct Edit {
    /// Rows the store read from the command to the end of the frames showing it.
    read_steps: u64,
}

/// Opens the first school's dashboard, marks its December occurrence of measure 2.1 done, shows the
/// dashboard and then the overview; checks what they show against a full recount.
fn mark_on_dashboard(schools: usize) -> Edit {
    isolate_home();
    let (store, plan, registry) = district(schools);
    let first = registry
        .iter()
        .min_by(|a, b| a.name.cmp(&b.name))
        .unwrap()
        .clone();
    let ui_state = UiState {
        screen: Screen::Schools,
        schools: SchoolsUi {
            tab: SchoolTab::Dashboard,
            selected: Some(first.id),
            ..SchoolsUi::default()
        },
        ..UiState::default()
    };
    let mut h = common::window()
        .store(store)
        .today(today())
        .ui_state(ui_state)
        .build();
    h.run();
    // 3 of 12 occurrences done; 6 due by today (December).
    h.get_by_label_contains("Выполнено 3 из 6");

    let measure = plan.sections[1].measures[0].id;
    let key = ProgressKey::new(measure, Some(first.id), Some(date(2021, 12, 31)));
    let before = h.state().app.store().read_steps();
    h.state_mut()
        .app
        .push(Command::School(SchoolCommand::MarkDone(vec![key])));
    h.run();
    h.get_by_label_contains("Выполнено 4 из 6");
    h.state_mut().app.ui_state.schools.tab = SchoolTab::Overview;
    h.run();
    // The district: 3 done by every school, one more by the first.
    let done = 3 * schools + 1;
    h.get_by_label_contains(&format!("Выполнено {done} из {}", 6 * schools));
    let read_steps = h.state().app.store().read_steps() - before;

    // What the app keeps equals a recount from the database.
    let app = &h.state().app;
    let records = app.store().progress(Some(plan.id)).unwrap();
    let open = app.data.plan.as_ref().unwrap();
    assert_eq!(
        app.data.progress_and_criteria.summaries,
        summarize(open, &app.data.schools, &records, today())
    );
    assert_eq!(
        app.data.progress,
        app.store().progress_summary(plan.id, today()).unwrap()
    );
    assert_eq!(app.data.progress[&measure].count(Status::Done), 1);
    assert_eq!(
        app.data.progress_and_criteria.records.len(),
        3 * schools + 1
    );
    Edit { read_steps }
}

#[test]
fn a_mark_reads_the_same_few_rows_in_a_small_and_a_large_district() {
    let small = mark_on_dashboard(20);
    let large = mark_on_dashboard(200);
    // Ten times the schools and records, the same reads (up to a step of the index walk).
    assert!(
        large.read_steps <= small.read_steps + small.read_steps / 10,
        "{} steps for 20 schools, {} for 200",
        small.read_steps,
        large.read_steps
    );
    // Fewer than one step per record of the small district: no record list, no scan.
    assert!(small.read_steps < 3 * 20 * 4, "{} steps", small.read_steps);
}

/// Undo and redo of a mark go the same way.
#[test]
fn undo_and_redo_of_a_mark_update_the_counts_in_place() {
    isolate_home();
    let (store, plan, registry) = district(300);
    let mut app = RoadmapApp::new(store, today(), UiState::default());
    app.push(Command::School(SchoolCommand::Need));
    app.run_commands();
    let measure = plan.sections[1].measures[1].id;
    let school = registry[7].id;
    let key = ProgressKey::new(measure, Some(school), Some(date(2021, 12, 31)));
    app.push(Command::School(SchoolCommand::MarkDone(vec![key])));
    app.run_commands();
    assert_eq!(app.data.progress[&measure].count(Status::Done), 1);
    let before = app.store().read_steps();
    app.push(Command::Undo);
    app.run_commands();
    assert!(!app.data.progress.contains_key(&measure));
    assert!(app.data.progress_and_criteria.records.get(&key).is_none());
    app.push(Command::Redo);
    app.run_commands();
    assert_eq!(app.data.progress[&measure].count(Status::Done), 1);
    // Two keyed counts, not a scan of the 900 records.
    let steps = app.store().read_steps() - before;
    assert!(steps < 900, "{steps} steps");
    assert_eq!(
        app.data.progress,
        app.store().progress_summary(plan.id, today()).unwrap()
    );
}

/// The office's own mark on its own measure reaches the grid's counts in place, as a full refresh has it.
#[test]
fn an_office_mark_updates_the_office_part_in_place() {
    use roadmap_planner::model::Executor;
    isolate_home();
    let (store, plan, _) = district(10);
    let mut app = RoadmapApp::new(store, today(), UiState::default());
    let measure = plan.sections[1].measures[2].id;
    app.push(Command::School(SchoolCommand::SetExecutor {
        measures: vec![measure],
        executor: Executor::Office,
    }));
    app.run_commands();
    // Two occurrences (December, May) for the office.
    assert_eq!(app.data.progress[&measure].office_expected, 2);
    assert!(app.data.progress[&measure].office_only);
    app.push(Command::School(SchoolCommand::MarkDone(vec![
        ProgressKey::new(measure, None, Some(date(2021, 12, 31))),
    ])));
    app.run_commands();
    assert!(app.toasts.items().is_empty(), "{:?}", app.toasts.items());
    let in_place = app.data.progress.clone();
    assert_eq!(in_place[&measure].office_count(Status::Done), 1);
    // Opening the plan again reads everything afresh: the same counts.
    app.push(Command::OpenPlan(plan.id));
    app.run_commands();
    assert_eq!(app.data.progress, in_place);
}
