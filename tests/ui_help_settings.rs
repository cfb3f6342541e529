//! Help (F1), settings, About and keyboard use, driven like a user with egui_kittest (by label).

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use roadmap_planner::app::ThemeChoice;
use roadmap_planner::window::Window;

mod common;
use common::open_example;

fn harness_at(pixels_per_point: f32) -> Harness<'static, Window> {
    let mut h = common::window().pixels_per_point(pixels_per_point).build();
    h.run();
    h
}

fn harness() -> Harness<'static, Window> {
    harness_at(1.0)
}

/// The top-bar button with this label.
fn top_button<'a>(h: &'a Harness<'static, Window>, label: &'a str) -> egui_kittest::Node<'a> {
    h.get_by_role_and_label(Role::Button, label)
}

#[test]
fn f1_opens_help_and_escape_closes_it() {
    let mut h = harness();
    open_example(&mut h);
    assert!(
        h.query_by_label("Методисту управления образованием")
            .is_none()
    );
    h.key_press(egui::Key::F1);
    h.run();
    assert!(h.state().app.ui_state.windows.help);
    h.get_by_label("Методисту управления образованием").click();
    h.run();
    h.get_by_label("1. Загрузите свою дорожную карту из Word");
    h.get_by_label("5. Посмотрите, кто отстаёт");
    h.get_by_label("Заместителю директора школы").click();
    h.run();
    h.get_by_label("3. Отмечайте выполнение с подтверждающими документами");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().app.ui_state.windows.help);
    assert!(h.query_by_label("Заместителю директора школы").is_none());
}

#[test]
fn help_button_in_the_top_bar_and_its_close_button() {
    let mut h = harness();
    top_button(&h, "Справка").click();
    h.run();
    h.get_by_label("Клавиатура").click();
    h.run();
    h.get_by_label_contains("F1 — Справка");
    // The grid's keys are listed too, each with the action's name.
    h.get_by_label("Ctrl+D — Дублировать");
    h.get_by_label("Ctrl+Shift+Z или Ctrl+Y — Повторить");
    top_button(&h, "Закрыть").click();
    h.run();
    assert!(!h.state().app.ui_state.windows.help);
}

#[test]
fn settings_switch_to_dark_theme_and_back() {
    let mut h = harness();
    open_example(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Comma);
    h.run();
    assert!(h.state().app.ui_state.windows.settings);
    h.get_by_label("Тёмное").click();
    h.run();
    assert_eq!(h.state().app.ui_state.theme, ThemeChoice::Dark);
    assert_eq!(h.ctx.theme(), egui::Theme::Dark);
    h.get_by_label("Светлое").click();
    h.run();
    assert_eq!(h.state().app.ui_state.theme, ThemeChoice::Light);
    assert_eq!(h.ctx.theme(), egui::Theme::Light);
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().app.ui_state.windows.settings);
}

#[test]
fn settings_font_scale_150_renders() {
    let mut h = harness();
    open_example(&mut h);
    top_button(&h, "Настройки").click();
    h.run();
    h.get_by_label("150 %").click();
    // The new scale re-lays out the window over a few frames (the top bar may move to two rows).
    h.run_steps(10);
    h.run();
    assert_eq!(h.state().app.ui_state.font_scale, 150);
    assert!((h.ctx.zoom_factor() - 1.5).abs() < 1e-3);
    // Everything is still there, larger.
    top_button(&h, "Мероприятия");
    h.get_by_label("Размер шрифта");
    h.get_by_label("100 %").click();
    h.run_steps(10);
    h.run();
    assert!((h.ctx.zoom_factor() - 1.0).abs() < 1e-3);
}

#[test]
fn settings_show_the_data_and_backup_controls() {
    let mut h = harness();
    top_button(&h, "Настройки").click();
    h.run();
    for label in [
        "Язык интерфейса",
        "Оформление",
        "Светлое",
        "Тёмное",
        "100 %",
        "125 %",
        "150 %",
        "Файл базы данных",
        "Выбрать другой файл базы…",
        "Папка копий",
        "Выбрать папку…",
        "Закрыть",
    ] {
        h.get_by_label(label);
    }
    // The name and the count of backups are labelled fields.
    h.get(by().role(Role::TextInput).label("Кто отмечает выполнение"));
    // The count of backups is a labelled number field.
    h.get(by().role(Role::SpinButton).label("Хранить копий"));
}

#[test]
fn about_shows_the_version_and_license() {
    let mut h = harness();
    // О программе is opened from the help window.
    top_button(&h, "Справка").click();
    h.run();
    top_button(&h, "О программе").click();
    h.run();
    h.get_by_label(&format!("Версия {}", env!("CARGO_PKG_VERSION")));
    h.get_by_label_contains("Лицензия: MIT");
    h.get_by_label("База данных в памяти: на диск ничего не сохраняется");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().app.ui_state.windows.about);
    // The help window is still open below it; a second Esc closes it.
    assert!(h.state().app.ui_state.windows.help);
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().app.ui_state.windows.help);
}

#[test]
fn keyboard_alone_reaches_a_top_bar_button_and_presses_it() {
    let mut h = harness();
    open_example(&mut h);
    let mut reached = false;
    for _ in 0..60 {
        h.key_press(egui::Key::Tab);
        h.run();
        let help = by()
            .role(Role::Button)
            .label("Справка")
            .predicate(|node| node.is_focused());
        if h.query(help).is_some() {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab never reached the Справка button");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().app.ui_state.windows.help);
}

#[test]
fn the_shell_reads_at_125_and_150_percent() {
    for ppp in [1.25, 1.5] {
        let mut h = harness_at(ppp);
        open_example(&mut h);
        for label in ["Мероприятия", "Календарь", "Справка", "Настройки"]
        {
            top_button(&h, label);
        }
        h.get_by_label("58 мероприятий");
        top_button(&h, "Справка").click();
        h.run();
        h.get_by_label("Методисту управления образованием");
    }
}

/// The settings file as the window would read it at its next start.
fn saved_backups_keep() -> u32 {
    roadmap_planner::config::AppConfig::load().backups_keep
}

#[test]
fn a_dragged_backup_count_is_saved_once_when_the_drag_ends() {
    let mut h = harness();
    top_button(&h, "Настройки").click();
    h.run();
    let before = saved_backups_keep();
    let start = h
        .get(by().role(Role::SpinButton).label("Хранить копий"))
        .rect()
        .center();
    let press = |pressed| egui::Event::PointerButton {
        pos: start + egui::vec2(40.0, 0.0),
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    h.event(egui::Event::PointerMoved(start));
    h.run();
    h.event(egui::Event::PointerButton {
        pos: start,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    for step in 1..=4 {
        h.event(egui::Event::PointerMoved(
            start + egui::vec2(10.0 * step as f32, 0.0),
        ));
        h.run();
    }
    assert_eq!(
        saved_backups_keep(),
        before,
        "nothing is written while dragging"
    );
    h.event(press(false));
    h.run();
    assert!(
        saved_backups_keep() > before,
        "the count is written when the drag ends"
    );
}
