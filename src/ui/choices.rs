//! A row of selectable buttons, one for each choice, the current one shown selected: tabs, switches
//! (language, theme, scope) and filters.

use crate::i18n::I18n;

/// Adds a selectable button for each of `choices` (`small`: in the small text style). Returns the choice
/// clicked when it is not `current`.
pub fn choice_buttons<T: PartialEq + Copy, L: Into<egui::WidgetText>>(
    ui: &mut egui::Ui,
    current: T,
    choices: impl IntoIterator<Item = (T, L)>,
    small: bool,
) -> Option<T> {
    let mut chosen = None;
    for (choice, label) in choices {
        let mut button = egui::Button::selectable(current == choice, label);
        if small {
            button = button.small();
        }
        if ui.add(button).clicked() && current != choice {
            chosen = Some(choice);
        }
    }
    chosen
}

/// A wrapped row: the label `label_key`, then small buttons for `choices` (a value and its message key).
/// Returns the choice clicked when it is not `current`.
pub fn switch_row<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    i18n: &I18n,
    label_key: &str,
    current: T,
    choices: &[(T, &str)],
) -> Option<T> {
    ui.horizontal_wrapped(|ui| {
        ui.label(i18n.tr(label_key));
        let choices = choices.iter().map(|&(value, key)| (value, i18n.tr(key)));
        choice_buttons(ui, current, choices, true)
    })
    .inner
}
