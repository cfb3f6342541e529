//! The school card and list (egui_kittest): a category ticked right after typing in a text field is kept
//! with the text; the list sorts numbers as people read them («№ 2» before «№ 10»).

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use roadmap_planner::app::{Command, SchoolCommand};
use roadmap_planner::model::{Category, School};
use roadmap_planner::window::Window;

mod common;

fn schools_screen() -> Harness<'static, Window> {
    let mut h = common::window().build();
    h.run();
    common::open_example(&mut h);
    h.get_by_label("Школы").click();
    h.run();
    h
}

#[test]
fn a_category_ticked_after_typing_a_director_is_kept() {
    let mut h = schools_screen();
    h.get_all_by_label("СОШ с. Ивановка")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Карточка").click();
    h.run();
    let field = || "Директор";
    h.get_by_role_and_label(Role::TextInput, field()).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, field())
        .type_text("Петрова Анна Сергеевна");
    h.run();
    // Straight from the field to the tick: one click.
    h.get_by_role_and_label(Role::CheckBox, "ШНСУ").click();
    h.run();
    h.run();
    let school = h
        .state()
        .app
        .data
        .schools
        .iter()
        .find(|s| s.short_name == "СОШ с. Ивановка")
        .unwrap()
        .clone();
    assert_eq!(school.director, "Петрова Анна Сергеевна");
    assert!(
        school.categories.contains(&Category::Shnsu),
        "the tick is kept: {:?}",
        school.categories
    );
}

#[test]
fn the_school_list_sorts_numbers_naturally() {
    let mut h = schools_screen();
    for name in [
        "МБОУ СОШ № 10",
        "МБОУ СОШ № 2",
        "МБОУ СОШ № 1",
        "МБОУ СОШ № 100",
    ] {
        let school = School::new(name.to_owned());
        h.state_mut()
            .app
            .push(Command::School(SchoolCommand::Add(Box::new(school))));
    }
    h.run();
    h.run();
    let top = |name: &str| {
        h.get_all_by_label(name)
            .next()
            .unwrap_or_else(|| panic!("{name} is listed"))
            .rect()
            .min
            .y
    };
    let order = [
        top("МБОУ СОШ № 1"),
        top("МБОУ СОШ № 2"),
        top("МБОУ СОШ № 10"),
        top("МБОУ СОШ № 100"),
    ];
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "№ 1, № 2, № 10, № 100 from the top: {order:?}"
    );
}

#[test]
fn an_empty_district_does_not_claim_everything_done() {
    let mut h = common::window().build();
    h.run();
    h.get_by_label("Название").focus();
    h.get_by_label("Название").type_text("Новый план");
    h.run();
    h.get_by_label("Создать план").click();
    h.run();
    h.get_by_label("Школы").click();
    h.run();
    h.run();
    assert!(
        h.query_by_label_contains("Выполнено 0 из 0").is_none(),
        "nothing is due: «Выполнено 0 из 0» with a full bar says the opposite"
    );
    h.get_by_label_contains("Пока нет мероприятий со сроком по 15.10.2021");
}

#[test]
fn one_word_for_work_in_progress_another_for_a_criterion_met() {
    use roadmap_planner::i18n::{I18n, Language};
    let ru = I18n::new(Language::Russian);
    // The status reads the same in the grid, the school screens and the calendar.
    assert_eq!(ru.tr("grid-status-in_progress"), "в работе");
    assert_eq!(ru.tr("schools-status-in-progress"), "в работе");
    assert_eq!(ru.tr("calendar-state-open"), "в работе");
    // A criterion that holds is not "in progress".
    assert_ne!(ru.tr("schools-criteria-holds"), "в работе");
    assert_ne!(ru.tr("schools-criteria-holds"), "выполняется");
    // One name for the partner school in the interface and the guide.
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/user-guide.md"))
        .unwrap();
    assert!(!guide.contains("школа-партнёр"));
    assert!(guide.contains(&ru.tr("schools-category-partner")));
}
