//! Long work in the background (egui_kittest): an import file is read by a job while the window keeps
//! drawing; the status bar shows it with counts and «Отмена»; cancelling leaves everything as it was.

use roadmap_planner::app::SystemCommand;
use std::path::Path;

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::{Command, Screen};
use roadmap_planner::example::EXAMPLE_PLAN_ID;
use roadmap_planner::exchange;
use roadmap_planner::model::Status;
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

#[path = "common/school_report.rs"]
mod school_report;
use school_report::school_report;

mod common;

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/roadmap-001.docx")
}

/// Frames until the job is over (bounded).
fn until_idle(h: &mut Harness<'static, Window>) {
    for _ in 0..500 {
        h.step();
        if !h.state().app.jobs.is_running() {
            h.step();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the job did not end");
}

/// Runs `command` with its job held at its gate: the job is running, the status bar shows it. The gate
/// opens when the returned sender is dropped.
fn held(h: &mut Harness<'static, Window>, command: Command) -> std::sync::mpsc::Sender<()> {
    let release = h.state_mut().app.jobs.hold_next();
    h.state_mut().app.push(command);
    h.step();
    h.step();
    assert!(h.state().app.jobs.is_running(), "the job runs");
    assert!(
        h.get_all_by_label("Отмена").count() >= 1,
        "the job can be cancelled"
    );
    release
}

/// The window answers while a job runs: a click on another screen's tab shows it, and back.
fn window_answers(h: &mut Harness<'static, Window>) {
    let before = h.state().app.ui_state.screen;
    h.state_mut()
        .app
        .push(Command::System(SystemCommand::ShowScreen(Screen::Calendar)));
    h.step();
    assert_eq!(h.state().app.ui_state.screen, Screen::Calendar);
    h.state_mut()
        .app
        .push(Command::System(SystemCommand::ShowScreen(before)));
    h.step();
    assert!(h.state().app.jobs.is_running(), "the job is still held");
}

/// Runs `command` held at its gate — the status bar shows `title` and `counts`, the window answers — then
/// cancels it and checks that nothing changed on disk beside the database, then runs it again to its end.
fn cancel_then_run(h: &mut Harness<'static, Window>, command: Command, title: &str, counts: &str) {
    let folder = h
        .state()
        .app
        .store()
        .path()
        .unwrap()
        .parent()
        .unwrap()
        .to_owned();
    let before = all_files(&folder);
    let release = held(h, command.clone());
    h.get_by_label(title);
    h.get_by_label(counts);
    window_answers(h);
    cancel(h, release);
    assert_eq!(all_files(&folder), before, "a cancelled job wrote nothing");
    h.state_mut().app.push(command);
    h.step();
    until_idle(h);
}

/// Every file below `folder` but the database's own (its journal, its lock).
fn all_files(folder: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(all_files(&path));
        } else if !path.to_string_lossy().contains(".sqlite") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// Cancels the held job (as the status bar's «Отмена» does), opens its gate and waits until it is over.
fn cancel(h: &mut Harness<'static, Window>, release: std::sync::mpsc::Sender<()>) {
    h.state_mut()
        .app
        .push(Command::System(SystemCommand::CancelJob));
    h.step();
    drop(release);
    until_idle(h);
}

#[test]
fn an_import_is_read_and_previewed_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = file_harness(Store::open(&dir.path().join("db.sqlite")).unwrap());
    let release = held(&mut h, Command::ImportFile(fixture()));
    h.get_by_label_contains("Чтение файла roadmap-001.docx");
    // Two steps: reading the file, previewing it against the database.
    h.get_by_label("0 из 2");
    window_answers(&mut h);
    assert!(h.state().app.data.exchange.pending.is_none());
    drop(release);
    until_idle(&mut h);
    let pending = h.state().app.data.exchange.pending.as_ref();
    assert!(
        pending.is_some_and(|p| p.path == fixture() && !p.preview.items.is_empty()),
        "the preview of the file is there"
    );
    assert_eq!(h.state().app.ui_state.screen, Screen::Exchange);
}

#[test]
fn cancelling_an_import_read_leaves_the_preview_shown_before() {
    let dir = tempfile::tempdir().unwrap();
    // Another office's file: the example plan.
    let mut other = Store::open_in_memory().unwrap();
    roadmap_planner::example::load_example(&mut other).unwrap();
    let origin = exchange::office_origin(&mut other).unwrap();
    let file = exchange::export(&other, None, origin).unwrap();
    let first = dir.path().join("plan.json");
    std::fs::write(&first, exchange::to_json(&file)).unwrap();
    let mut h = file_harness(Store::open(&dir.path().join("db.sqlite")).unwrap());
    h.state_mut().app.push(Command::ImportFile(first.clone()));
    h.step();
    until_idle(&mut h);
    h.get_by_label("Предпросмотр импорта: plan.json");

    let release = held(&mut h, Command::ImportFile(fixture()));
    cancel(&mut h, release);
    let pending = h.state().app.data.exchange.pending.as_ref();
    assert!(
        pending.is_some_and(|p| p.path == first),
        "the preview shown before stays"
    );
    h.get_by_label("Предпросмотр импорта: plan.json");
    assert!(h.query_by_label_contains("Чтение файла").is_none());
}

/// A window over a database file, its jobs in the background as the real window runs them.
fn file_harness(store: Store) -> Harness<'static, Window> {
    let mut h = common::window()
        .store(store)
        .app(|app| app.jobs.set_background(true))
        .build();
    h.step();
    h
}

/// The whole database as an exchange file (its time of export fixed), to compare before and after.
fn export_all(store: &Store) -> String {
    let origin = roadmap_planner::exchange::Origin {
        office: "Проверка".into(),
        id: "check".into(),
    };
    let mut file = roadmap_planner::exchange::export(store, None, origin).unwrap();
    file.exported_at = chrono::DateTime::UNIX_EPOCH;
    roadmap_planner::exchange::to_json(&file)
}

#[test]
fn an_import_applied_in_the_background_shows_progress_can_be_cancelled_then_applies() {
    let dir = tempfile::tempdir().unwrap();
    // Another office's file: the example plan.
    let mut other = Store::open_in_memory().unwrap();
    roadmap_planner::example::load_example(&mut other).unwrap();
    let origin = roadmap_planner::exchange::office_origin(&mut other).unwrap();
    let file = roadmap_planner::exchange::export(&other, None, origin).unwrap();
    let import = dir.path().join("plan.json");
    std::fs::write(&import, roadmap_planner::exchange::to_json(&file)).unwrap();
    let example_title = file.plans[0].title.clone();

    // This office's database, with a plan of its own.
    let mut store = Store::open(&dir.path().join("office.sqlite")).unwrap();
    let own = roadmap_planner::model::Plan::new(
        "Наш план",
        roadmap_planner::model::Period::school_year(2021),
    );
    store.write(|w| w.put_plan(&own)).unwrap();
    let mut h = file_harness(store);
    let before = export_all(h.state().app.store());

    h.state_mut().app.push(Command::ImportFile(import.clone()));
    h.step();
    until_idle(&mut h);
    h.get_by_label("Предпросмотр импорта: plan.json");

    // Applied on a worker: the status bar shows the job with its bar and «Отмена»; the window's own
    // edits are refused meanwhile (one writer).
    let release = h.state_mut().app.jobs.hold_next();
    h.get_by_label("Применить").click();
    h.step();
    h.step();
    assert!(h.state().app.jobs.is_writing());
    h.get_by_label("Импорт файла plan.json в базу данных");
    // Two steps: the backup, then the merge.
    h.get_by_label("0 из 2");
    h.state_mut().app.push(Command::CreatePlan {
        title: "Во время импорта".into(),
        period: roadmap_planner::model::Period::school_year(2022),
    });
    h.step();
    h.step();
    // A new toast's area is laid out in a frame of its own first.
    h.step();
    h.get_by_label_contains("Идёт запись в базу данных");
    assert!(
        !h.state()
            .app
            .data
            .plans
            .iter()
            .any(|p| p.title == "Во время импорта"),
        "the edit waits for the import"
    );
    h.get_by_label("Отмена").click();
    h.step();
    drop(release);
    until_idle(&mut h);
    h.get_by_label("Импорт отменён: база данных не изменилась.");
    assert_eq!(
        export_all(h.state().app.store()),
        before,
        "a cancelled import leaves the database as it was"
    );
    // The preview is back: the user may apply it after all.
    h.get_by_label("Предпросмотр импорта: plan.json");

    h.get_by_label("Применить").click();
    h.step();
    until_idle(&mut h);
    let app = &h.state().app;
    assert_ne!(export_all(app.store()), before);
    let titles: Vec<&str> = app.data.plans.iter().map(|p| p.title.as_str()).collect();
    assert!(titles.contains(&example_title.as_str()), "{titles:?}");
    assert!(titles.contains(&"Наш план"), "{titles:?}");
    assert!(
        !app.jobs.is_running() && app.data.exchange.pending.is_none(),
        "the import is over"
    );
}

#[test]
fn a_restore_runs_in_the_background_can_be_cancelled_then_restores() {
    use roadmap_planner::app::ExchangeCommand;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite")).unwrap();
    roadmap_planner::example::load_example(&mut store).unwrap();
    let saved = store.backup().unwrap().unwrap();
    let plan = store.list_plans().unwrap()[0].id;
    store.write(|w| w.delete_plan(plan)).unwrap();
    let mut h = file_harness(store);
    let before = export_all(h.state().app.store());
    let name = saved.file_name().unwrap().to_string_lossy().into_owned();

    let release = h.state_mut().app.jobs.hold_next();
    h.state_mut()
        .app
        .push(Command::Exchange(ExchangeCommand::RestoreBackup(
            saved.clone(),
        )));
    h.step();
    h.step();
    assert!(h.state().app.jobs.is_writing());
    h.get_by_label(&format!("Восстановление из копии {name}"));
    h.get_by_label("Отмена").click();
    h.step();
    drop(release);
    until_idle(&mut h);
    h.step();
    h.get_by_label("Восстановление отменено: база данных не изменилась.");
    assert_eq!(export_all(h.state().app.store()), before);
    assert!(h.state().app.data.plans.is_empty());

    h.state_mut()
        .app
        .push(Command::Exchange(ExchangeCommand::RestoreBackup(saved)));
    h.step();
    until_idle(&mut h);
    assert_eq!(
        h.state().app.data.plans.len(),
        1,
        "the restored plan is shown"
    );
    assert!(h.state().app.data.plan.is_some());
}

fn report_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 3, 15).unwrap()
}

#[test]
fn collected_reports_are_applied_in_the_background_and_a_cancel_leaves_the_database() {
    use roadmap_planner::app::ExchangeCommand;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("district.sqlite")).unwrap();
    roadmap_planner::example::load_example(&mut store).unwrap();
    let plan_file = dir.path().join("plan.json");
    let origin = exchange::office_origin(&mut store).unwrap();
    let file = exchange::export(&store, Some(EXAMPLE_PLAN_ID), origin).unwrap();
    std::fs::write(&plan_file, exchange::to_json(&file)).unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let schools: Vec<_> = store.schools().unwrap().into_iter().map(|s| s.id).collect();
    for (i, (school, number)) in schools.iter().zip(["1.3", "2.1", "2.5"]).enumerate() {
        school_report(
            &plan_file,
            *school,
            number,
            report_day(),
            inbox.join(format!("отчёт-{i}.json")),
        );
    }
    let mut h = file_harness(store);
    let before = export_all(h.state().app.store());

    // Reading and previewing the reports is a job counting the files; a cancel leaves no reports.
    let collect = Command::Exchange(ExchangeCommand::CollectReports(vec![inbox]));
    let release = held(&mut h, collect.clone());
    h.get_by_label("Чтение отчётов школ");
    h.get_by_label("0 из 3");
    window_answers(&mut h);
    cancel(&mut h, release);
    assert!(h.state().app.data.exchange.reports.is_none());
    assert!(h.query_by_label("Отчёты школ: 3").is_none());

    h.state_mut().app.push(collect);
    h.step();
    until_idle(&mut h);
    h.get_by_label("Отчёты школ: 3");
    let release = h.state_mut().app.jobs.hold_next();
    h.get_by_label("Применить все").click();
    h.step();
    h.step();
    assert!(h.state().app.jobs.is_writing());
    h.get_by_label("Применение отчётов школ (3)");
    h.get_by_label("0 из 3");
    h.get_by_label("Отмена").click();
    h.step();
    drop(release);
    until_idle(&mut h);
    h.step();
    h.get_by_label("Применение отчётов отменено: база данных такая же, как до него.");
    assert_eq!(export_all(h.state().app.store()), before);

    h.state_mut()
        .app
        .push(Command::Exchange(ExchangeCommand::CollectReports(vec![
            dir.path().join("inbox"),
        ])));
    h.step();
    until_idle(&mut h);
    h.get_by_label("Применить все").click();
    h.step();
    until_idle(&mut h);
    let marks = h.state().app.store().progress(None).unwrap();
    assert_eq!(marks.len(), 3, "every school's mark is in");
    assert!(marks.iter().all(|p| p.status == Status::Done));
}

/// A window over a database file holding the example (its plan open).
fn example_harness(dir: &Path) -> Harness<'static, Window> {
    let mut store = Store::open(&dir.join("district.sqlite")).unwrap();
    roadmap_planner::example::load_example(&mut store).unwrap();
    file_harness(store)
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn plans_are_sent_to_schools_in_the_background_and_a_cancel_writes_nothing() {
    use roadmap_planner::app::ExchangeCommand;
    let dir = tempfile::tempdir().unwrap();
    let mut h = example_harness(dir.path());
    let outbox = dir.path().join("outbox");
    std::fs::create_dir(&outbox).unwrap();
    let send = Command::Exchange(ExchangeCommand::SendPlans {
        folder: outbox.clone(),
    });

    // The example's plan concerns its three schools: each file made, then each written.
    cancel_then_run(&mut h, send, "Запись планов школ в папку outbox", "0 из 6");
    let names = names_in(&outbox);
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&"План-СОШ-с-Ивановка-2021-22.json".to_owned()));
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}

#[test]
fn the_analytic_note_is_written_in_the_background_and_a_cancel_leaves_no_file() {
    use roadmap_planner::app::SchoolCommand;
    let dir = tempfile::tempdir().unwrap();
    let mut h = example_harness(dir.path());
    let note = dir.path().join("Справка.html");
    let save = Command::School(SchoolCommand::SaveReport {
        school: None,
        path: note.clone(),
    });

    // Reading the records, computing the note, writing it.
    cancel_then_run(&mut h, save, "Подготовка справки Справка.html", "0 из 3");
    let html = std::fs::read_to_string(&note).unwrap();
    let plan_title = h.state().app.data.plan.as_ref().unwrap().title.clone();
    assert!(html.contains(&plan_title), "the note names the plan");
    assert!(html.contains("Ивановка"), "the note names the schools");
}

#[test]
fn a_plan_is_exported_in_the_background_and_a_cancel_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = example_harness(dir.path());
    let out = dir.path().join("выгрузка.json");
    // Its records read on the job's connection, made into JSON, written.
    let export = Command::ExportFile(out.clone());
    cancel_then_run(&mut h, export, "Запись файла выгрузка.json", "0 из 3");
    let file = exchange::read_source(&out, report_day()).unwrap().file;
    assert_eq!(file.plans.len(), 1);
    assert_eq!(file.plans[0].id, EXAMPLE_PLAN_ID);
    assert_eq!(
        file.progress.len(),
        h.state()
            .app
            .store()
            .progress(Some(EXAMPLE_PLAN_ID))
            .unwrap()
            .len(),
        "every record of the plan is exported"
    );
}
