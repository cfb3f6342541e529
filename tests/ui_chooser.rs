//! The file chooser where the system has no dialog (no xdg-desktop-portal, zenity or kdialog — simulated by
//! choosing the in-app backend, as `ROADMAP_FILE_CHOOSER=in-app` does): «Загрузить файл…» opens the in-app
//! chooser, a typed path is checked with a message, a path can be typed or a file picked in the list, the
//! folder is remembered; a Word import lands on the new plan.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::chooser::{Backend, Chooser};
use roadmap_planner::app::{Screen, UiState};
use roadmap_planner::window::Window;

mod common;

fn harness_with(ui_state: UiState) -> Harness<'static, Window> {
    common::window()
        .ui_state(ui_state)
        .max_steps(16)
        .app(|app| app.chooser = Chooser::new(Backend::InApp))
        .build()
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/roadmap-001.docx")
}

const PATH_FIELD: &str = "Файл (имя или полный путь — можно вставить):";

fn open_chooser(h: &mut Harness<'static, Window>) {
    h.run();
    h.get_by_label("Импортировать файл…").click();
    h.run();
    assert!(
        h.state().app.ui_state.chooser.is_some(),
        "the in-app chooser opens"
    );
}

#[test]
fn without_a_system_dialog_the_in_app_chooser_opens_and_a_typed_path_imports() {
    let mut h = harness_with(UiState::default());
    open_chooser(&mut h);
    // A path that does not exist is explained; nothing is imported.
    h.get_by_label(PATH_FIELD).focus();
    h.run();
    h.get_by_label(PATH_FIELD)
        .type_text("/нет/такого/файла.docx");
    h.run();
    h.get_by_label("Открыть").click();
    h.run();
    h.get_by_label("Файл не найден: /нет/такого/файла.docx");
    assert!(h.state().app.data.exchange.pending.is_none());

    // A pasted path: the field is replaced with the fixture's path.
    h.state_mut().app.ui_state.chooser.as_mut().unwrap().path = fixture().display().to_string();
    h.run();
    h.get_by_label("Открыть").click();
    h.run();
    h.run();
    assert!(
        h.state().app.ui_state.chooser.is_none(),
        "the chooser closes"
    );
    assert_eq!(h.state().app.ui_state.screen, Screen::Exchange);
    assert!(
        h.state().app.data.exchange.pending.is_some(),
        "the file is previewed"
    );

    // Applying the Word import lands on the new plan, not on «Обмен».
    h.get_by_label("Применить").scroll_to_me();
    h.run();
    h.get_by_label("Применить").click();
    h.run();
    h.run();
    assert_eq!(h.state().app.ui_state.screen, Screen::Measures);
    let plan = h
        .state()
        .app
        .data
        .plan
        .as_ref()
        .expect("the new plan is open");
    assert!(plan.measure_count() > 0);
}

#[test]
fn the_chooser_remembers_the_folder_and_lists_its_files() {
    let mut h = harness_with(UiState::default());
    open_chooser(&mut h);
    h.state_mut().app.ui_state.chooser.as_mut().unwrap().path = fixture().display().to_string();
    h.run();
    h.get_by_label("Открыть").click();
    h.run();
    h.get_by_label("Отмена").scroll_to_me();
    h.run();
    h.get_by_label("Отмена").click();
    h.run();
    let folder = fixture().parent().unwrap().to_path_buf();
    assert_eq!(
        h.state().app.ui_state.last_folders.get("import"),
        Some(&folder)
    );

    // Next time it starts in that folder, listing the road maps there; a click and «Открыть» imports.
    open_chooser(&mut h);
    assert_eq!(
        h.state().app.ui_state.chooser.as_ref().unwrap().folder,
        folder
    );
    h.get_by_label("📄 roadmap-001.docx").click();
    h.run();
    h.get_by_label("Открыть").click();
    h.run();
    h.run();
    assert!(h.state().app.data.exchange.pending.is_some());
}

#[test]
fn cancelling_the_chooser_changes_nothing() {
    let mut h = harness_with(UiState::default());
    open_chooser(&mut h);
    h.get_by_label("Отмена").click();
    h.run();
    assert!(h.state().app.ui_state.chooser.is_none());
    assert!(h.state().app.data.exchange.pending.is_none());
    assert!(h.state().app.data.plan.is_none());
}

#[test]
fn exchange_is_open_on_an_empty_database_and_the_welcome_names_every_format() {
    let mut h = harness_with(UiState::default());
    h.run();
    h.get_by_label_contains("Word (.docx)");
    h.get_by_label_contains("Excel (.xlsx)");
    h.get_by_label_contains("CSV");
    h.get_by_label("Обмен").click();
    h.run();
    assert_eq!(h.state().app.ui_state.screen, Screen::Exchange);
    // The screen's own import and backups are there, not the welcome page.
    assert!(h.query_by_label_contains("Добро пожаловать").is_none());
    h.get_by_label("Импортировать файл…");
    h.get_by_label("Мероприятия").click();
    h.run();
    h.get_by_label_contains("Добро пожаловать");
}

#[test]
fn saving_over_a_file_asks_first_then_the_export_is_written() {
    let mut h = harness_with(UiState::default());
    h.run();
    common::open_example(&mut h);
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("план.json");
    std::fs::write(&target, "старое").unwrap();
    h.state_mut()
        .app
        .push(roadmap_planner::app::Command::PickAndExport);
    h.run();
    h.state_mut().app.ui_state.chooser.as_mut().unwrap().path = target.display().to_string();
    h.run();
    h.get_by_label("Сохранить").click();
    h.run();
    h.get_by_label_contains("Файл уже есть");
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "старое",
        "nothing written yet"
    );
    h.get_by_label("Сохранить").click();
    h.run();
    h.run();
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.contains("Ивантеевского"), "the export replaced it");
    assert_eq!(
        h.state().app.ui_state.last_folders.get("export"),
        Some(&dir.path().to_path_buf())
    );
}

/// Where the system's dialog cannot show (no portal, no zenity: this test machine), the in-app chooser takes
/// over with a message instead of nothing happening.
#[test]
fn a_system_dialog_that_cannot_show_falls_back_to_the_in_app_chooser() {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join("zenity").is_file()))
    {
        // A desktop session: the real dialog would open and wait for a person.
        return;
    }
    let mut h = common::window()
        .app(|app| app.chooser = Chooser::new(Backend::System))
        .build();
    h.run();
    h.get_by_label("Импортировать файл…").click();
    h.run();
    for _ in 0..300 {
        h.step();
        if h.state().app.ui_state.chooser.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        h.state().app.ui_state.chooser.is_some(),
        "the in-app chooser took over"
    );
    h.run();
    h.get_by_label_contains("Системное окно выбора файла недоступно");
}
