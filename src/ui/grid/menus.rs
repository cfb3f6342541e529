//! The grid's buttons and menus: the toolbar above the table and the menus of a row (right click). Each
//! returns the action chosen; the view carries it out.

use super::keys::Action;
use crate::i18n::I18n;
use crate::ui::actions::{self, ActionId};

/// One button: the registry's action (its name and hint) and what the grid does.
type Entry = (ActionId, Action);

const MEASURE_ACTIONS: [Entry; 7] = [
    (ActionId::Edit, Action::Edit),
    (ActionId::InsertMeasure, Action::InsertMeasure),
    (ActionId::Duplicate, Action::Duplicate),
    (ActionId::MoveUp, Action::Move { down: false }),
    (ActionId::MoveDown, Action::Move { down: true }),
    (ActionId::Copy, Action::Copy),
    (ActionId::Delete, Action::Delete),
];

const SECTION_ACTIONS: [Entry; 7] = [
    (ActionId::RenameSection, Action::RenameSection),
    (ActionId::SectionAddMeasure, Action::InsertMeasure),
    (ActionId::InsertSection, Action::InsertSection),
    (ActionId::SectionUp, Action::MoveSection { down: false }),
    (ActionId::SectionDown, Action::MoveSection { down: true }),
    (ActionId::SectionAddAtEnd, Action::AddSection),
    (ActionId::DeleteSection, Action::DeleteSection),
];

/// An action's button text and hint, from the registry.
fn texts(i18n: &I18n, id: ActionId) -> (String, String) {
    let spec = actions::action(id);
    (
        i18n.tr(spec.name),
        spec.hint.map(|h| i18n.tr(h)).unwrap_or_default(),
    )
}

fn entries(ui: &mut egui::Ui, i18n: &I18n, entries: &[Entry]) -> Option<Action> {
    let mut chosen = None;
    for (id, action) in entries {
        let (label, hint) = texts(i18n, *id);
        if ui.button(label).on_hover_text(hint).clicked() {
            chosen = Some(*action);
            ui.close();
        }
    }
    chosen
}

/// The menu of a measure row (and, for the selected measures, who executes them).
pub fn measure_menu(ui: &mut egui::Ui, i18n: &I18n) -> Option<Action> {
    let mut chosen = entries(ui, i18n, &MEASURE_ACTIONS);
    ui.menu_button(texts(i18n, ActionId::SetExecutor).0, |ui| {
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
        id: ActionId,
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
    let button = |on, id, action| Tool::Button { on, id, action };
    let tools = [
        button(true, ActionId::AddMeasure, Action::AddMeasure),
        button(true, ActionId::InsertMeasure, Action::InsertMeasure),
        button(m, ActionId::Duplicate, Action::Duplicate),
        button(movable, ActionId::MoveUp, Action::Move { down: false }),
        button(movable, ActionId::MoveDown, Action::Move { down: true }),
        button(m, ActionId::Delete, Action::Delete),
        Tool::Separator,
        button(true, ActionId::AddSection, Action::AddSection),
        Tool::SectionMenu,
        Tool::Separator,
        button(true, ActionId::Renumber, Action::Renumber),
        button(m, ActionId::Copy, Action::Copy),
        Tool::Details,
        button(true, ActionId::ResetColumnWidths, Action::ResetColumnWidths),
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
        Tool::Button { on, id, action } => {
            let (label, hint) = texts(i18n, *id);
            if ui
                .add_enabled(*on, egui::Button::new(label))
                .on_hover_text(&hint)
                .on_disabled_hover_text(hint)
                .clicked()
            {
                chosen.set(Some(*action));
                ui.close();
            }
        }
        Tool::SectionMenu => {
            let (label, hint) = texts(i18n, ActionId::SectionMenu);
            ui.menu_button(label, |ui| {
                if let Some(action) = section_menu(ui, i18n) {
                    chosen.set(Some(action));
                }
            })
            .response
            .on_hover_text(hint);
        }
        Tool::Details => {
            let mut details = enabled.details;
            let (label, hint) = texts(i18n, ActionId::ToggleDetails);
            if ui
                .toggle_value(&mut details, label)
                .on_hover_text(hint)
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
        Tool::Button { id, .. } => button_width(ui, &texts(i18n, *id).0),
        Tool::SectionMenu => button_width(ui, &texts(i18n, ActionId::SectionMenu).0),
        Tool::Details => button_width(ui, &texts(i18n, ActionId::ToggleDetails).0),
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
