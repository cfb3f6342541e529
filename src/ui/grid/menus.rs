//! The grid's buttons and menus: the toolbar above the table and the menus of a row (right click). Each
//! returns the action chosen; the view carries it out.

use super::keys::Action;
use crate::i18n::I18n;

/// One button: its label key, hint key and action.
type Entry = (&'static str, &'static str, Action);

const MEASURE_ACTIONS: [Entry; 7] = [
    ("grid-action-edit", "grid-hint-edit", Action::Edit),
    (
        "grid-action-insert",
        "grid-hint-insert",
        Action::InsertMeasure,
    ),
    (
        "grid-action-duplicate",
        "grid-hint-duplicate",
        Action::Duplicate,
    ),
    (
        "grid-action-up",
        "grid-hint-up",
        Action::Move { down: false },
    ),
    (
        "grid-action-down",
        "grid-hint-down",
        Action::Move { down: true },
    ),
    ("grid-action-copy", "grid-hint-copy", Action::Copy),
    ("action-delete-measure", "grid-hint-delete", Action::Delete),
];

const SECTION_ACTIONS: [Entry; 7] = [
    (
        "grid-section-rename",
        "grid-hint-section-rename",
        Action::RenameSection,
    ),
    (
        "grid-section-add-measure",
        "grid-hint-section-add-measure",
        Action::InsertMeasure,
    ),
    (
        "grid-section-insert",
        "grid-hint-section-insert",
        Action::InsertSection,
    ),
    (
        "grid-section-up",
        "grid-hint-section-up",
        Action::MoveSection { down: false },
    ),
    (
        "grid-section-down",
        "grid-hint-section-down",
        Action::MoveSection { down: true },
    ),
    (
        "grid-section-add",
        "grid-hint-section-add",
        Action::AddSection,
    ),
    (
        "grid-section-delete",
        "grid-hint-section-delete",
        Action::DeleteSection,
    ),
];

fn entries(ui: &mut egui::Ui, i18n: &I18n, entries: &[Entry]) -> Option<Action> {
    let mut chosen = None;
    for (label, hint, action) in entries {
        if ui
            .button(i18n.tr(label))
            .on_hover_text(i18n.tr(hint))
            .clicked()
        {
            chosen = Some(*action);
            ui.close();
        }
    }
    chosen
}

/// The menu of a measure row (and, for the selected measures, who executes them).
pub fn measure_menu(ui: &mut egui::Ui, i18n: &I18n) -> Option<Action> {
    let mut chosen = entries(ui, i18n, &MEASURE_ACTIONS);
    ui.menu_button(i18n.tr("schools-executor-label"), |ui| {
        use crate::model::Executor;
        for (executor, key) in [
            (Executor::Office, "schools-executor-office"),
            (Executor::Schools, "schools-executor-schools"),
            (Executor::Both, "schools-executor-both"),
        ] {
            if ui.button(i18n.tr(key)).clicked() {
                chosen = Some(Action::SetExecutor(executor));
                ui.close();
            }
        }
    });
    chosen
}

/// The menu of a section row (also behind the toolbar's "Направление" button).
pub fn section_menu(ui: &mut egui::Ui, i18n: &I18n) -> Option<Action> {
    entries(ui, i18n, &SECTION_ACTIONS)
}

/// What the toolbar's buttons may act on.
pub struct Enabled {
    /// Measures are selected.
    pub measures: bool,
    /// Rows may be moved (the grid is in document order).
    pub movable: bool,
    pub details: bool,
}

/// The toolbar: measure actions, the section menu, renumbering and copying, the details switch.
pub fn toolbar(ui: &mut egui::Ui, i18n: &I18n, enabled: &Enabled) -> Option<Action> {
    let chosen = std::cell::Cell::new(None);
    let button = |ui: &mut egui::Ui, on: bool, label: &str, hint: &str, action: Action| {
        if ui
            .add_enabled(on, egui::Button::new(i18n.tr(label)))
            .on_hover_text(i18n.tr(hint))
            .on_disabled_hover_text(i18n.tr(hint))
            .clicked()
        {
            chosen.set(Some(action));
        }
    };
    ui.horizontal_wrapped(|ui| {
        button(
            ui,
            true,
            "action-add-measure",
            "grid-hint-add",
            Action::AddMeasure,
        );
        button(
            ui,
            true,
            "grid-action-insert",
            "grid-hint-insert",
            Action::InsertMeasure,
        );
        let m = enabled.measures;
        button(
            ui,
            m,
            "grid-action-duplicate",
            "grid-hint-duplicate",
            Action::Duplicate,
        );
        let movable = m && enabled.movable;
        button(
            ui,
            movable,
            "grid-action-up",
            "grid-hint-up",
            Action::Move { down: false },
        );
        button(
            ui,
            movable,
            "grid-action-down",
            "grid-hint-down",
            Action::Move { down: true },
        );
        button(
            ui,
            m,
            "action-delete-measure",
            "grid-hint-delete",
            Action::Delete,
        );
        ui.separator();
        button(
            ui,
            true,
            "action-add-section",
            "grid-hint-section-add",
            Action::AddSection,
        );
        ui.menu_button(i18n.tr("grid-section-menu"), |ui| {
            if let Some(action) = section_menu(ui, i18n) {
                chosen.set(Some(action));
            }
        })
        .response
        .on_hover_text(i18n.tr("grid-hint-section-menu"));
        ui.separator();
        button(
            ui,
            true,
            "grid-action-renumber",
            "grid-hint-renumber",
            Action::Renumber,
        );
        button(ui, m, "grid-action-copy", "grid-hint-copy", Action::Copy);
        let mut details = enabled.details;
        if ui
            .toggle_value(&mut details, i18n.tr("grid-details-toggle"))
            .on_hover_text(i18n.tr("grid-hint-details"))
            .clicked()
        {
            chosen.set(Some(Action::ToggleDetails));
        }
    });
    chosen.get()
}
