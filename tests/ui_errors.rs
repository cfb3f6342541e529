//! Refusals reach the user in the window's language (egui_kittest, by label): a file that cannot be
//! imported is refused in English in the English window and in Russian in the Russian one.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::{Command, ExchangeCommand, SystemCommand};
use roadmap_planner::i18n::Language;
use roadmap_planner::window::Window;

mod common;

fn harness(language: Language) -> Harness<'static, Window> {
    let mut h = common::window().language(language).build();
    h.run();
    h
}

/// Imports `name` holding `bytes` (from a temp folder) and lets the window show what came of it.
fn import(h: &mut Harness<'static, Window>, name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    common::import(h, &path);
}

#[test]
fn a_refused_import_is_told_in_english_in_the_english_window() {
    let mut h = harness(Language::English);
    import(&mut h, "empty.json", b"");
    h.get_by_label_contains("The file is empty: it holds no data to load.");
    assert!(h.query_by_label_contains("Файл пуст").is_none());

    import(&mut h, "empty.docx", b"");
    h.get_by_label_contains("The file is empty.");
}

#[test]
fn a_refused_import_is_told_in_russian_in_the_russian_window() {
    let mut h = harness(Language::Russian);
    import(&mut h, "пустой.json", b"");
    h.get_by_label_contains("Файл пуст: в нём нет данных для загрузки.");
    assert!(h.query_by_label_contains("The file is empty").is_none());
}

/// A table over the reader limits, imported or pasted, is refused in the window's language; a file that is
/// not text in any encoding we read likewise.
#[test]
fn a_table_over_the_limits_is_refused_in_english_in_the_english_window() {
    let mut h = harness(Language::English);
    let wide: Vec<String> = (0..250).map(|i| format!("cell {i}")).collect();
    import(&mut h, "wide.csv", (wide.join(";") + "\n").as_bytes());
    h.get_by_label_contains("File refused: the table has more than 200 columns.");
    assert!(h.query_by_label_contains("Файл отклонён").is_none());

    // Bytes that are neither UTF-8 nor Windows-1251 text (control characters).
    import(
        &mut h,
        "binary.csv",
        &[0x80, 0x01, 0x02, 0x03, 0x81, 0x00, 0x9f],
    );
    h.get_by_label_contains("Could not tell the file's text encoding (line 1)");
    assert!(
        h.query_by_label_contains("Не удалось определить кодировку")
            .is_none()
    );
}

#[test]
fn a_table_over_the_limits_is_refused_in_russian_in_the_russian_window() {
    let mut h = harness(Language::Russian);
    let wide: Vec<String> = (0..250).map(|i| format!("ячейка {i}")).collect();
    import(&mut h, "широкая.csv", (wide.join(";") + "\n").as_bytes());
    h.get_by_label_contains("Файл отклонён: в таблице больше 200 столбцов.");
}

/// The grid acting on a measure that is gone (deleted meanwhile): the handler's own failure reaches the
/// user once, in the window's language.
fn delete_a_measure_that_is_gone(language: Language) -> Harness<'static, Window> {
    let mut h = common::window().language(language).max_steps(20).build();
    h.state_mut().app.push(Command::LoadExample);
    h.run();
    let gone = roadmap_planner::model::Id::new_v4();
    h.state_mut().app.push(Command::DeleteMeasures(vec![gone]));
    h.run();
    h
}

#[test]
fn a_handler_failure_is_told_in_english_in_the_english_window() {
    let h = delete_a_measure_that_is_gone(Language::English);
    h.get_by_label_contains("The measure was not found; it may have been deleted");
    assert!(
        h.query_by_label_contains("Мероприятие не найдено")
            .is_none()
    );
}

#[test]
fn a_handler_failure_is_told_in_russian_in_the_russian_window() {
    let h = delete_a_measure_that_is_gone(Language::Russian);
    h.get_by_label_contains("Мероприятие не найдено — возможно, оно уже удалено");
    assert!(
        h.query_by_label_contains("The measure was not found")
            .is_none()
    );
}

/// A pasted table whose columns are set so that no column holds the measure: the table reader's refusal is
/// told in English in the English window (it used to come in Russian whatever the language).
#[test]
fn a_pasted_table_without_a_measure_column_is_refused_in_english_in_the_english_window() {
    let mut h = common::window()
        .language(Language::English)
        .max_steps(20)
        .build();
    h.state_mut().app.push(Command::LoadExample);
    h.run();
    h.state_mut().app.push(Command::PasteRows {
        text: "№\tМероприятие\tСроки\n1.\tСовещание\tсентябрь\n".into(),
    });
    h.run();
    h.state_mut()
        .app
        .push(Command::Exchange(ExchangeCommand::RemapPaste(vec![
            None, None, None,
        ])));
    h.run();
    h.get_by_label_contains("No column is set as «Мероприятие» (measure)");
    assert!(h.query_by_label_contains("Не указан столбец").is_none());
}

/// A refusal that comes back from a job running in the background is worded when the window shows it: the
/// language switched while the job ran is the one it is told in.
#[test]
fn a_job_refusal_is_told_in_the_language_chosen_while_it_ran() {
    let dir = tempfile::tempdir().unwrap();
    let store = roadmap_planner::store::Store::open(&dir.path().join("planner.sqlite")).unwrap();
    let mut h = common::window()
        .store(store)
        .language(Language::English)
        .app(|app| app.jobs.set_background(true))
        .build();
    h.step();
    let file = dir.path().join("empty.json");
    std::fs::write(&file, b"").unwrap();
    let release = h.state_mut().app.jobs.hold_next();
    h.state_mut().app.push(Command::ImportFile(file));
    h.step();
    h.step();
    assert!(
        h.state().app.jobs.is_running(),
        "the import is read by a job"
    );
    h.state_mut()
        .app
        .push(Command::System(SystemCommand::SetLanguage(
            Language::Russian,
        )));
    h.step();
    drop(release);
    for _ in 0..500 {
        h.step();
        if !h.state().app.jobs.is_running() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.step();
    h.step();
    h.get_by_label_contains("Файл пуст: в нём нет данных для загрузки.");
    assert!(h.query_by_label_contains("The file is empty").is_none());
}
