//! Refusals reach the user in the window's language (egui_kittest, by label): a file that cannot be
//! imported is refused in English in the English window and in Russian in the Russian one.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::Command;
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
    h.state_mut().app.push(Command::ImportFile(path));
    h.run();
    h.run();
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
