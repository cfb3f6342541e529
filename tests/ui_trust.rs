//! The window against what school files may carry and where the database may lie: an evidence link to a
//! local file asks first and names the full path, a program or a network path is never opened, and a
//! read-only database says so.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::{Command, SchoolCommand};
use roadmap_planner::store::Store;
use roadmap_planner::window::Window;

mod common;

fn harness(store: Store) -> Harness<'static, Window> {
    common::window().store(store).build()
}

fn open_evidence(h: &mut Harness<'static, Window>, text: &str) {
    h.state_mut()
        .app
        .push(Command::School(SchoolCommand::OpenEvidence(text.into())));
    // One frame runs the command, the next ones draw what it left (a new window sizes itself first).
    h.run_steps(3);
}

#[test]
fn a_local_evidence_file_is_opened_only_after_a_confirmation_naming_its_path() {
    let mut h = harness(Store::open_in_memory().unwrap());
    open_evidence(
        &mut h,
        "Протокол № 3 от 01.10.2021\nfile:///home/user/Документы/протокол.pdf",
    );
    h.get_by_label("Открыть файл?");
    h.get_by_label("/home/user/Документы/протокол.pdf");
    h.get_by_label("Открыть файл");
    h.get_by_label("Не открывать").click();
    h.run();
    assert!(h.query_by_label("Открыть файл?").is_none());
}

#[test]
fn programs_and_network_paths_are_refused_with_a_reason() {
    let mut h = harness(Store::open_in_memory().unwrap());
    open_evidence(&mut h, "C:\\Windows\\System32\\calc.exe");
    assert!(h.query_by_label("Открыть файл?").is_none());
    h.get_by_label_contains("программа, сценарий или ярлык");
    open_evidence(&mut h, "\\\\host\\share\\отчёт.pdf");
    assert!(h.query_by_label("Открыть файл?").is_none());
    h.get_by_label_contains("сетевой путь");
}

#[test]
fn a_read_only_database_is_marked_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    drop(Store::open(&path).unwrap());
    let mut h = harness(Store::open_read_only(&path).unwrap());
    h.run();
    h.get_by_label("только чтение");
    assert!(h.query_by_label("✔ Сохранено").is_none());
}

#[test]
fn a_restore_in_the_window_backs_the_database_up_first_and_refuses_a_damaged_file() {
    use roadmap_planner::app::ExchangeCommand;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let mut store = Store::open(&path).unwrap();
    roadmap_planner::example::load_example(&mut store).unwrap();
    let saved = store.backup().unwrap().unwrap();
    let plan = store.list_plans().unwrap()[0].id;
    store.write(|w| w.delete_plan(plan)).unwrap();
    let mut h = harness(store);
    h.run();
    let backups = |h: &Harness<'static, Window>| h.state().app.store().backups().len();
    assert_eq!(backups(&h), 1);

    let garbage = dir.path().join("roadmap-garbage.sqlite");
    std::fs::write(&garbage, b"not a database at all").unwrap();
    h.state_mut()
        .app
        .push(Command::Exchange(ExchangeCommand::RestoreBackup(garbage)));
    h.run_steps(3);
    assert_eq!(backups(&h), 1, "a refused restore adds no backup");
    assert!(h.state().app.store().list_plans().unwrap().is_empty());
    h.get_by_label_contains("не является базой данных программы");

    h.state_mut()
        .app
        .push(Command::Exchange(ExchangeCommand::RestoreBackup(saved)));
    h.run_steps(3);
    assert_eq!(h.state().app.store().list_plans().unwrap().len(), 1);
    assert_eq!(backups(&h), 2, "the state before the restore is backed up");
}
