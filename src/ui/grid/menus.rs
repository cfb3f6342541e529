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

/// One thing on the toolbar.
enum Tool {
    Button {
        on: bool,
        label: &'static str,
        hint: &'static str,
        action: Action,
    },
    SectionMenu,
    Details,
    Separator,
}

/// The toolbar: measure actions, the section menu, renumbering and copying, the details switch, resetting
/// the column widths. What does not fit in one row goes into a «…» menu at its end, so the toolbar never
/// wraps into several rows.
pub fn toolbar(ui: &mut egui::Ui, i18n: &I18n, enabled: &Enabled) -> Option<Action> {
    let m = enabled.measures;
    let movable = m && enabled.movable;
    let button = |on, label, hint, action| Tool::Button {
        on,
        label,
        hint,
        action,
    };
    let tools = [
        button(
            true,
            "action-add-measure",
            "grid-hint-add",
            Action::AddMeasure,
        ),
        button(
            true,
            "grid-action-insert",
            "grid-hint-insert",
            Action::InsertMeasure,
        ),
        button(
            m,
            "grid-action-duplicate",
            "grid-hint-duplicate",
            Action::Duplicate,
        ),
        button(
            movable,
            "grid-action-up",
            "grid-hint-up",
            Action::Move { down: false },
        ),
        button(
            movable,
            "grid-action-down",
            "grid-hint-down",
            Action::Move { down: true },
        ),
        button(
            m,
            "action-delete-measure",
            "grid-hint-delete",
            Action::Delete,
        ),
        Tool::Separator,
        button(
            true,
            "action-add-section",
            "grid-hint-section-add",
            Action::AddSection,
        ),
        Tool::SectionMenu,
        Tool::Separator,
        button(
            true,
            "grid-action-renumber",
            "grid-hint-renumber",
            Action::Renumber,
        ),
        button(m, "grid-action-copy", "grid-hint-copy", Action::Copy),
        Tool::Details,
        button(
            true,
            "grid-action-reset-widths",
            "grid-hint-reset-widths",
            Action::ResetColumnWidths,
        ),
    ];
    let widths: Vec<f32> = tools.iter().map(|t| tool_width(ui, i18n, t)).collect();
    let more_width = button_width(ui, "…");
    let fits = crate::ui::fold::fitting(&widths, ui.available_width(), more_width);
    let chosen = std::cell::Cell::new(None);
    ui.horizontal(|ui| {
        for tool in &tools[..fits] {
            draw_tool(ui, i18n, tool, enabled, &chosen);
        }
        if fits < tools.len() {
            ui.menu_button("…", |ui| {
                for tool in &tools[fits..] {
                    draw_tool(ui, i18n, tool, enabled, &chosen);
                }
            })
            .response
            .on_hover_text(i18n.tr("toolbar-more"));
        }
    });
    chosen.get()
}

fn draw_tool(
    ui: &mut egui::Ui,
    i18n: &I18n,
    tool: &Tool,
    enabled: &Enabled,
    chosen: &std::cell::Cell<Option<Action>>,
) {
    match tool {
        Tool::Button {
            on,
            label,
            hint,
            action,
        } => {
            if ui
                .add_enabled(*on, egui::Button::new(i18n.tr(label)))
                .on_hover_text(i18n.tr(hint))
                .on_disabled_hover_text(i18n.tr(hint))
                .clicked()
            {
                chosen.set(Some(*action));
                ui.close();
            }
        }
        Tool::SectionMenu => {
            ui.menu_button(i18n.tr("grid-section-menu"), |ui| {
                if let Some(action) = section_menu(ui, i18n) {
                    chosen.set(Some(action));
                }
            })
            .response
            .on_hover_text(i18n.tr("grid-hint-section-menu"));
        }
        Tool::Details => {
            let mut details = enabled.details;
            if ui
                .toggle_value(&mut details, i18n.tr("grid-details-toggle"))
                .on_hover_text(i18n.tr("grid-hint-details"))
                .clicked()
            {
                chosen.set(Some(Action::ToggleDetails));
                ui.close();
            }
        }
        Tool::Separator => {
            ui.separator();
        }
    }
}

/// How wide a tool is drawn in a row (with the spacing after it).
fn tool_width(ui: &egui::Ui, i18n: &I18n, tool: &Tool) -> f32 {
    match tool {
        Tool::Button { label, .. } => button_width(ui, &i18n.tr(label)),
        Tool::SectionMenu => button_width(ui, &i18n.tr("grid-section-menu")),
        Tool::Details => button_width(ui, &i18n.tr("grid-details-toggle")),
        Tool::Separator => ui.spacing().item_spacing.x * 2.0 + 1.0,
    }
}

/// How wide a button with `text` is drawn in a row (with the spacing after it).
pub fn button_width(ui: &egui::Ui, text: &str) -> f32 {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let color = ui.visuals().text_color();
    let text_width = ui
        .ctx()
        .fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, color).size().x);
    text_width + 2.0 * ui.spacing().button_padding.x + ui.spacing().item_spacing.x
}
